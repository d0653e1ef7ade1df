// rule: A5, B1, C4
package main

import "fmt"

var ran int

func deep(n int) int {
	defer func() { ran++ }()
	if n == 200 {
		panic(fmt.Sprint("depth ", n))
	}
	return deep(n + 1)
}

func sum(n int) (total int) {
	defer func() { total += n }()
	if n == 0 {
		return 0
	}
	return sum(n - 1)
}

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println("defers run:", ran)
	}()
	fmt.Println("sum(200) =", sum(200))
	deep(1)
}
