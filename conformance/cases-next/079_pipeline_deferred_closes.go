// rule: A1, A5; issue10 a pipeline of goroutines each closing its output with defer close(out); range over channels
package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for v := range in {
			out <- v * v
		}
	}()
	return out
}

func filter(in <-chan int, keep func(int) bool) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		defer func() {
			if r := recover(); r != nil {
				out <- -1
			}
		}()
		for v := range in {
			if keep(v) {
				out <- v
			}
		}
	}()
	return out
}

func main() {
	sum := 0
	for v := range filter(square(gen(10)), func(v int) bool { return v%2 == 0 }) {
		fmt.Print(v, " ")
		sum += v
	}
	fmt.Println("sum", sum)
	for v := range filter(gen(5), func(v int) bool {
		if v == 3 {
			panic("filter broke")
		}
		return true
	}) {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
