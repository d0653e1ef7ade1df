// rule: issue10 (wild) a pipeline: generator, squarer, filter stages each closing its output with defer close(out)
package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func filter(in <-chan int, keep func(int) bool) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for n := range in {
			if keep(n) {
				out <- n
			}
		}
	}()
	return out
}

func sum(in <-chan int) (total int, count int) {
	for v := range in {
		total += v
		count++
	}
	return
}

func main() {
	for v := range sq(sq(gen(1, 2, 3))) {
		fmt.Println(v)
	}
	odd := func(n int) bool { return n%2 == 1 }
	nums := make([]int, 20)
	for i := range nums {
		nums[i] = i + 1
	}
	total, count := sum(filter(sq(gen(nums...)), odd))
	fmt.Printf("sum of %d odd squares: %d\n", count, total)
	c := gen()
	v, ok := <-c
	fmt.Println("empty pipeline:", v, ok)
}
