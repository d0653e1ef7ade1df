// rule: A5, A1
package main

import "fmt"

func f() (sum int) {
	defer func() { fmt.Println("d1", sum); sum += 1 }()
	defer func() { fmt.Println("d2", sum); sum += 2 }()
	defer func() { fmt.Println("d3", sum); sum += 3 }()
	defer func() { fmt.Println("d4", sum); sum += 4 }()
	defer func() { fmt.Println("d5", sum); sum += 5 }()
	defer func() { fmt.Println("d6", sum); sum += 6 }()
	defer func() { fmt.Println("d7", sum); sum += 7 }()
	defer func() { fmt.Println("d8", sum); sum += 8 }()
	defer func() { fmt.Println("d9", sum); sum += 9 }()
	defer func() { fmt.Println("d10", sum); sum += 10 }()
	defer fmt.Println("d11 plain")
	defer fmt.Println("d12 plain")
	return 0
}

func main() {
	fmt.Println("sum =", f())
}
