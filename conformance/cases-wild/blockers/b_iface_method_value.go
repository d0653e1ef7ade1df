// blocker: method values of interface values (f := iface.Method)
// uses: (?m)^\s*\w+ := [a-z]\w*\.[A-Z]\w*$
package main

import "fmt"

type Animal interface{ Sound() string }
type Cat struct{}

func (Cat) Sound() string { return "meow" }

func main() { var a Animal = Cat{}; f := a.Sound; fmt.Println(f()) }
