// blocker: BUG a method expression on an interface type (Shape.Area) rejected: "main.Shape.Area undefined"
// uses: (?!)
package main

import "fmt"

type Shape interface{ Area() int }
type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

func main() { f := Shape.Area; fmt.Println(f(Sq{3})) }
