package main

import "fmt"

// A `goto` in a range-over-func loop body to a label outside the body
// leaves the loop: the iterator's yield returns false, the iterator's own
// deferred calls run, and the jump happens after the iterator returned.
// Deferred calls in the body belong to the enclosing function.

func seq(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator", name, "done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  iterator", name, "stopped at", i)
				return
			}
		}
	}
}

func forward() {
	defer fmt.Println("forward returns")
	for x := range seq("outer", 3) {
		for y := range seq("inner", 4) {
			if y == 2 {
				goto next
			}
			defer fmt.Println("deferred in inner body", x, y)
			fmt.Println("pair", x, y)
		}
	next:
		fmt.Println("after inner loop", x)
	}
}

func twoLevels() (n int) {
	defer func() { fmt.Println("twoLevels result", n) }()
	for x := range seq("a", 3) {
		for y := range seq("b", 3) {
			n += x*10 + y
			if x == 1 && y == 1 {
				goto out
			}
		}
	}
	fmt.Println("not reached")
out:
	n += 1000
	return n
}

func backward() {
	tries := 0
again:
	tries++
	for x := range seq("retry", 5) {
		if x == tries {
			if tries < 3 {
				goto again
			}
			goto done
		}
	}
done:
	fmt.Println("tries", tries)
}

func local() {
	for x := range seq("local", 3) {
		if x == 1 {
			goto skip
		}
		fmt.Println("local body", x)
	skip:
	}
}

func panicsAfterGoto() {
	defer func() { fmt.Println("recovered:", recover()) }()
	for x := range seq("p", 3) {
		if x == 1 {
			goto boom
		}
	}
boom:
	panic("after the loop")
}

func main() {
	forward()
	fmt.Println(twoLevels())
	backward()
	local()
	panicsAfterGoto()
}
