// blocker: BUG fmt recovers a panic in a String/Error method: a nil pointer receiver prints "<nil>", another panic "%!v(PANIC=String method: boom)"; minigo crashes
// uses: (?!)
package main

import "fmt"

type P struct{ n int }

func (p *P) String() string { return fmt.Sprint("P", p.n) }

type Bad struct{}

func (Bad) String() string { panic("boom") }

func main() { var np *P; fmt.Println(np, &P{1}, Bad{}); fmt.Printf("%s|%d\n", Bad{}, np) }
