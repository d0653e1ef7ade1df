// rule: A8, B3, C4
package main

import "fmt"

func f() (status string) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Println("recovered error:", err.Error())
		}
		status = "recovered"
	}()
	var fn func(int) int
	defer fn(3)
	fmt.Println("after defer fn(3)")
	return "normal"
}

func main() {
	fmt.Println("f() =", f())
}
