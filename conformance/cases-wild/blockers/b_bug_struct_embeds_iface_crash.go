// blocker: BUG (CRASH) a struct embedding an interface (the partial-mock pattern): calling a method the struct does not override, through the nil embedded interface, ends minigo with "minigo: internal error: method not in the method set"; Go panics with a nil dereference (recoverable)
// uses: (?m)^type \w+ struct\s*\{\s*[A-Z]\w*\s*(;|$)
package main

import "fmt"

type Store interface{ Get(string) string; Put(string) }
type Mock struct{ Store }

func (m *Mock) Get(k string) string { return "v:" + k }

func main() { var s Store = &Mock{}; fmt.Println(s.Get("a")); defer func() { fmt.Println("recovered:", recover()) }(); s.Put("x") }
