// rule: A1, A2, A4; issue9 methods with value and pointer receivers: the receiver is evaluated (and a value receiver copied) at the defer statement
package main

import "fmt"

type Counter struct{ n int }

func (c Counter) ShowVal(tag string) { fmt.Println(tag, "value receiver sees", c.n) }
func (c *Counter) ShowPtr(tag string) { fmt.Println(tag, "pointer receiver sees", c.n) }
func (c *Counter) Inc() { c.n++ }

func main() {
	c := Counter{n: 1}
	defer c.ShowVal("1")
	defer c.ShowPtr("2")
	p := &c
	defer p.ShowVal("3")
	c.Inc()
	c.Inc()
	p = &Counter{n: 100}
	defer p.ShowPtr("4")
	c.n += 10
	fmt.Println("body done, c.n =", c.n)
}
