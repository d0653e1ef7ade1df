// rule: B2, C4
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recover() == nil:", r == nil)
		if err, ok := r.(error); ok {
			fmt.Println("error text:", err.Error())
		}
		fmt.Printf("%v\n", r)
	}()
	panic(nil)
}
