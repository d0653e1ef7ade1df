package main

// A loop's condition, an if's and a switch's tag follow gc's order too:
// every call of the condition before its reads, on every evaluation.

import "fmt"

type T struct{ v int }

func (t *T) m(k int) int { t.v += k; return 0 }

func below(a, lim int) bool { return a < lim }

func main() {
	x := &T{v: 0}
	n := 0
	for below(x.v+x.m(1), 2*x.v-x.m(1)-1) || n < 3 {
		n++
		if n > 10 {
			break
		}
	}
	fmt.Println(n, x.v)
	x.v = 0
	if below(x.v+x.m(3), x.v) {
		fmt.Println("if: read before the call")
	} else {
		fmt.Println("if: read after the call", x.v)
	}
	switch fmt.Sprint(x.v, x.m(1)) {
	case "3 0":
		fmt.Println("switch: read before")
	default:
		fmt.Println("switch: read after")
	}
}
