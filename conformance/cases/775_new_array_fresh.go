package main

import "fmt"

// Each new(T) of an array type is a variable of its own (they shared one
// zero array): in a loop, in a function called twice, and passed to
// goroutines; a deferred call reads them after a recovered panic.

type D2 [2]int

func mk(n int) *D2 {
	d := new(D2)
	d[0] = n
	return d
}

func worker(in int, out *D2, start, done chan int) {
	<-start
	out[1] = in
	done <- out[0]
}

func main() {
	a, b := mk(1), mk(2)
	var ps []*[2][2]int
	for i := 0; i < 3; i++ {
		ps = append(ps, new([2][2]int))
	}
	ps[0][1][1] = 9
	start, done := make(chan int), make(chan int)
	x, y := mk(10), mk(20)
	go worker(1, x, start, done)
	go worker(2, y, start, done)
	start <- 0
	r1 := <-done
	start <- 0
	r2 := <-done
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(a[0], b[0], ps[0][1][1], ps[1][1][1], ps[2][1][1], r1+r2, x[1]+y[1], x[0], y[0])
	}()
	var z *D2
	z[0]++
}
