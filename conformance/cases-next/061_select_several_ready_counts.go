// rule: A1; issue10 select with several ready cases: whichever is chosen, every value is received exactly once (the output does not depend on the choice)
package main

import (
	"fmt"
	"sort"
)

func main() {
	a := make(chan int, 10)
	b := make(chan int, 10)
	for i := 0; i < 10; i++ {
		a <- i
		b <- 100 + i
	}
	close(a)
	close(b)
	var got []int
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got = append(got, v)
		}
	}
	sort.Ints(got)
	fmt.Println(len(got), got[0], got[9], got[10], got[19])
	done := make(chan struct{})
	results := make(chan string)
	go func() {
		defer close(done)
		for i := 0; i < 3; i++ {
			results <- fmt.Sprint("result ", i)
		}
	}()
	for {
		select {
		case r := <-results:
			fmt.Println(r)
			continue
		case <-done:
		}
		break
	}
	fmt.Println("done")
}
