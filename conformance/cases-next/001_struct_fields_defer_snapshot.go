// rule: A1, A4; issue9 structs (literals, fields, value copies)
package main

import "fmt"

type Point struct {
	X, Y int
	Name string
}

func main() {
	p := Point{X: 1, Y: 2, Name: "p"}
	defer fmt.Println("arg copy at defer:", p)
	defer fmt.Println("field at defer:", p.X)
	defer func() { fmt.Println("closure sees:", p) }()
	q := p
	q.X = 100
	p.Y = 20
	p.Name = "changed"
	fmt.Println("q:", q, "p:", p)
	if q.Y != 2 {
		fmt.Println("FAIL: struct assignment did not copy")
	}
}
