// rule: B3
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		err, ok := r.(error)
		fmt.Println("is error:", ok)
		fmt.Printf("%q\n", err.Error())
	}()
	var v any = "a string"
	n := v.(int)
	fmt.Println("unreachable", n)
}
