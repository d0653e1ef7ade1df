package main

import "fmt"

func classify(n int) (out string) {
	defer func() { out = "[" + out + "]" }()
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		out = "zero"
		fallthrough
	case n < 10:
		out += "small"
	case n < 100:
		out = "medium"
		break
	default:
		out = "large"
	}
	return out
}

func swInit(x int) {
	switch y := x * 2; y {
	case 2, 4:
		defer fmt.Println("deferred inside case", y)
		fmt.Println("two or four")
		fallthrough
	case 6:
		fmt.Println("six (or fell through)")
	default:
		fmt.Println("other", y)
	}
	fmt.Println("after switch", x)
}

func loops() {
	i := 0
loop:
	if i < 3 {
		defer fmt.Println("goto defer", i)
		i++
		goto loop
	}
	for j := 0; j < 5; j++ {
		switch j {
		case 1:
			continue
		case 3:
			break
		case 4:
			fmt.Println("j is 4")
		}
		fmt.Println("j", j)
	}
	k := 0
Outer:
	for {
		switch {
		case k > 2:
			break Outer
		}
		k++
	}
	fmt.Println("k", k)
}

func main() {
	for _, n := range []int{-1, 0, 5, 50, 500} {
		fmt.Println(classify(n))
	}
	swInit(1)
	swInit(3)
	swInit(4)
	loops()
	switch x := 5; {
	case x > 3:
		fmt.Println("tagless with init")
	}
	switch s := "b"; s {
	case "a":
	case "b", "c":
		fmt.Println("string case")
	}
}
