// rule: A5
package main

import "fmt"

func early(flag bool) {
	defer fmt.Println("early defer, flag =", flag)
	if flag {
		fmt.Println("returning early")
		return
	}
	fmt.Println("falling off the end")
}

func main() {
	early(true)
	early(false)
}
