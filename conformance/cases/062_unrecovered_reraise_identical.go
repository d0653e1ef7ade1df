// rule: E3, B4
package main

import "fmt"

func main() {
	var e any = "message"
	defer func() {
		fmt.Println("re-raising without recover")
		panic(e)
	}()
	panic(e)
}
