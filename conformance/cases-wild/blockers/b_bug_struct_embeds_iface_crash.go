// blocker: BUG (CRASH) a struct embedding an interface: calling, through an interface, a method promoted from the embedded interface ends minigo with "minigo: internal error: method not in the method set" (set or nil); Go calls it (or panics with a recoverable nil dereference)
// uses: (?m)^type \w+ struct\s*\{\s*[A-Z]\w*\s*(;|$)
package main

import "fmt"

type Store interface{ Get(string) string; Put(string) }
type Real struct{}
type Mock struct{ Store }

func (Real) Get(k string) string  { return "real:" + k }
func (Real) Put(string)            {}
func (m *Mock) Get(k string) string { return "mock:" + k }

func main() { var s Store = &Mock{Real{}}; s.Put("x"); fmt.Println(s.Get("a")); s = &Mock{}; defer func() { fmt.Println(recover()) }(); s.Put("y") }
