package main

import "fmt"

func sum(label string, xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	fmt.Println(label, len(xs), xs == nil, t)
	return t
}

func mutate(xs ...int) {
	if len(xs) > 0 {
		xs[0] = -1
	}
}

func main() {
	s := []int{1, 2, 3}
	// s... passes the slice itself: the deferred call sees later changes
	// to its elements.
	defer sum("deferred spread", s...)
	// listed arguments build a new slice at the defer statement
	defer sum("deferred list", s[0], s[1], s[2])
	s[0] = 10
	sum("none")
	sum("two", 4, 5)
	mutate(s...)
	fmt.Println("after mutate spread", s)
	mutate(s[0], s[1])
	fmt.Println("after mutate list", s)
	fmt.Println(fmt.Sprint("a", 1, 2, "b"), fmt.Sprintln("x", 3))
	args := []any{"p", 1}
	fmt.Println(args...)
	var none []int
	sum("nil spread", none...)
}
