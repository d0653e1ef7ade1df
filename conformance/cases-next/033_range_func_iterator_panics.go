// rule: B1, A5, E1; issue9 range-over-func: the iterator itself panics after yields; body defers run at the enclosing function's unwinding, then the report
package main

import "fmt"

func broken(yield func(string) bool) {
	defer fmt.Println("broken: iterator defer")
	yield("one")
	yield("two")
	panic("iterator failed")
}

func use() {
	defer fmt.Println("use: first defer")
	for s := range broken {
		defer fmt.Println("use: body defer", s)
	}
	fmt.Println("unreachable")
}

func main() {
	defer fmt.Println("main defer")
	use()
}
