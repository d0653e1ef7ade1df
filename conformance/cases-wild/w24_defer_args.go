// rule: issue9 (wild) defer evaluates arguments and receivers at the defer statement: value vs pointer receivers
package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) Show(tag string)   { fmt.Printf("%s: value receiver sees %v\n", tag, p) }
func (p *Point) ShowP(tag string) { fmt.Printf("%s: pointer receiver sees %v\n", tag, *p) }

type Logger struct{ prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

func main() {
	x := 1
	defer fmt.Println("deferred x =", x)
	defer func() { fmt.Println("closure x =", x) }()
	x = 2

	p := Point{1, 2}
	defer p.Show("deferred")
	defer p.ShowP("deferred")
	show := p.Show
	p.X, p.Y = 10, 20
	show("method value")

	l := Logger{"[a] "}
	logFn := l.Log
	defer logFn("bye")
	l.prefix = "[b] "
	defer l.Log("bye")

	for i := 0; i < 3; i++ {
		defer fmt.Print(i, " ")
	}
	s := []int{1, 2, 3}
	defer fmt.Println("slice at defer:", s, len(s))
	s[0] = 100
	s = append(s, 4)
	fmt.Println("end of main", x, p, s)
	f := Point.Show
	f(Point{7, 8}, "method expression")
	g := (*Point).ShowP
	g(&p, "method expression")
}
