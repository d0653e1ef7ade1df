// rule: B3
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	var v any = 42
	err := v.(error)
	fmt.Println("unreachable", err)
}
