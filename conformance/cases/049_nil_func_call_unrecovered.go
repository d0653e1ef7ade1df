// rule: B3, E1
package main

import "fmt"

var hook func(string)

func main() {
	defer fmt.Println("defer before crash")
	fmt.Println("hook is nil:", hook == nil)
	hook("x")
}
