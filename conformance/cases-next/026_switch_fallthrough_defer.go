// rule: A1, A5, C4; issue9 switch statements (expression, no tag, fallthrough) with defers in cases
package main

import "fmt"

func grade(n int) (g string) {
	defer func() { g = "[" + g + "]" }()
	switch {
	case n >= 90:
		defer fmt.Println("  deferred in case >= 90")
		g = "A"
	case n >= 50:
		g = "pass"
		fallthrough
	case n >= 40:
		defer fmt.Println("  deferred in case >= 40, n =", n)
		if g == "" {
			g = "resit"
		}
	default:
		panic(fmt.Sprint("bad score ", n))
	}
	return g
}

func safe(n int) (g string) {
	defer func() {
		if r := recover(); r != nil {
			g = fmt.Sprint("recovered: ", r)
		}
	}()
	return grade(n)
}

func main() {
	for _, n := range []int{95, 60, 45, 10} {
		fmt.Println(n, safe(n))
	}
	switch x := 3; x {
	case 1, 2:
		fmt.Println("small")
	case 3:
		fmt.Println("three")
		fallthrough
	case 4:
		fmt.Println("four (fallthrough)")
	case 5:
		fmt.Println("not reached")
	}
	switch s := "b"; s {
	case "a":
	case "b":
		defer fmt.Println("deferred from switch in main")
		break
	}
	fmt.Println("main body end")
}
