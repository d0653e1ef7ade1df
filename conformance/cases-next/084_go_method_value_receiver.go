// rule: A1, A2; issue10 go with method values: the receiver is evaluated (and copied for value receivers) at the go statement
package main

import (
	"fmt"
	"sort"
)

type Counter struct {
	name string
	n    int
}

func (c Counter) Report(out chan<- string)   { out <- fmt.Sprint(c.name, " value receiver: ", c.n) }
func (c *Counter) ReportP(out chan<- string) { out <- fmt.Sprint(c.name, " pointer receiver: ", c.n) }

func main() {
	out := make(chan string)
	gate1 := make(chan bool)
	gate2 := make(chan bool)
	c := Counter{"c", 1}
	go func() { <-gate1; c.Report(out) }()
	r := c.Report
	go func() { <-gate2; r(out) }()
	c.n = 5
	gate1 <- true
	fmt.Println("closure:", <-out)
	gate2 <- true
	fmt.Println("method value:", <-out)
	c.n = 7
	go c.Report(out)
	c.n = 9
	go c.ReportP(out)
	got := []string{<-out, <-out}
	sort.Strings(got)
	fmt.Println(got[0])
	fmt.Println(got[1])
}
