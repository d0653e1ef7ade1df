// issue 10: a go statement evaluates the function value and its arguments
// at the statement, as defer does; closures see the per-iteration variable
package main

import "fmt"

type counter struct{ n int }

func (c counter) report(tag string, out chan<- string) {
	out <- fmt.Sprint(tag, " ", c.n)
}

func main() {
	out := make(chan string)
	x := 1
	f := func(v int) { out <- fmt.Sprint("first func got ", v) }
	go f(x)
	x = 2
	f = func(v int) { out <- "never started" }
	fmt.Println(<-out)
	c := counter{n: 1}
	go c.report("value receiver copied at the statement:", out)
	c.n = 42
	fmt.Println(<-out)
	for i := 0; i < 3; i++ {
		go func() { out <- fmt.Sprint("loop variable ", i) }()
		fmt.Println(<-out)
	}
	g := func() int { fmt.Println("argument evaluated before the goroutine starts"); return 7 }
	go func(v int) { out <- fmt.Sprint("goroutine got ", v) }(g())
	fmt.Println(<-out)
}
