// blocker: BUG calling a pointer method on an addressable slice element (conns[i].MarkClosed()) rejected: "cannot call pointer method on conns[i]"
// uses: \w+\[\w+\]\.[A-Z]\w*\(
package main

import "fmt"

type Conn struct{ closed bool }

func (c *Conn) MarkClosed() { c.closed = true }

func main() {
	conns := []Conn{{}, {}}
	defer func() { fmt.Println(conns) }()
	for i := range conns {
		defer conns[i].MarkClosed()
	}
}
