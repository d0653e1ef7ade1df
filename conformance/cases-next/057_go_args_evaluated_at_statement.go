// rule: A1, A2; issue10 go statements: the function value and arguments are evaluated at the go statement, as for defer
package main

import "fmt"

type Job struct{ id int }

func (j Job) Run(tag string, out chan<- string) { out <- fmt.Sprint(tag, " job ", j.id) }

func main() {
	out := make(chan string)
	x := 1
	f := func(v int) { out <- fmt.Sprint("f got ", v) }
	go f(x)
	x = 2
	f = func(v int) { out <- "replaced: never started" }
	fmt.Println(<-out)
	j := Job{1}
	go j.Run("value receiver copied:", out)
	j.id = 99
	fmt.Println(<-out)
	for i := 0; i < 3; i++ {
		go func() { out <- fmt.Sprint("closure i=", i) }()
		fmt.Println(<-out)
	}
	s := []int{1, 2, 3}
	go func(v []int, n int) { out <- fmt.Sprint(v, n) }(s[:2], len(s))
	fmt.Println(<-out)
}
