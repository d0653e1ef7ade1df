// Which //go:build lines set a file's language version: the minimum Go
// version the expression implies (an OR with a term that needs none
// implies none), and never below go1.21. Here `(go1.19 || go1.20) && gc`
// implies go1.19, so the file is go1.21: loop variables are shared.

//go:build (go1.19 || go1.20) && gc && !ignore_me

package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Println(f())
	}
	done := make(chan bool)
	var seen []int
	results := make(chan int, 3)
	for _, v := range []int{4, 5, 6} {
		go func() {
			<-done
			results <- v
		}()
	}
	close(done)
	for range []int{0, 1, 2} {
		seen = append(seen, <-results)
	}
	fmt.Println(seen)
}
