// rule: A1, A4; issue9 pointers: &x, new, *p and p.f in deferred calls see the variable at run time, their arguments at the defer statement
package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func (c Counter) Get() int { return c.n }

func bump(p *int) { *p += 10 }

func main() {
	x := 1
	p := &x
	defer fmt.Println("deferred *p at the defer:", *p)
	defer func() { fmt.Println("closure *p at exit:", *p, x) }()
	defer bump(p)
	*p = 5
	q := new(int)
	*q = x
	fmt.Println(x, *q, p == &x, p == q)
	c := Counter{}
	defer fmt.Println("deferred c.Get():", c.Get())
	defer c.Inc()
	cp := &c
	cp.Inc()
	cp.n *= 3
	pn := &cp.n
	*pn += 1
	fmt.Println("counter:", c.n, cp.Get(), *pn)
	defer func() { fmt.Println("counter at exit:", c.n) }()
}
