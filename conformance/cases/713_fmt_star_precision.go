package main

// The * width and precision of fmt take int operands: %.*f, %*.*f, a
// negative or non-int precision (BADPREC), a missing width (BADWIDTH).

import "fmt"

func report(prec int) {
	defer fmt.Printf("deferred [%*.*f]\n", 10, prec, 3.14159)
	prec++
	defer func() {
		r := recover()
		fmt.Printf("recovered [%.*v] [%-*s]\n", prec, r, 6, "x")
	}()
	panic(2.0 / 3)
}

func main() {
	fmt.Printf("[%*d][%.*f][%*.*f]\n", 5, 42, 2, 3.14159, 8, 3, 2.0/3)
	fmt.Printf("[%.*s][%-*.*f][%.*d]\n", 3, "abcdef", 9, 1, 2.25, -1, 7)
	fmt.Printf("[%.*f]\n", "x", 1.5)
	fmt.Printf("[%*d]\n", "x", 1)
	fmt.Printf("[%.*f]\n", 2)
	fmt.Printf("[%*d]\n")
	report(2)
}
