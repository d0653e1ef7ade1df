// rule: A5, A1
package main

import "fmt"

func main() {
	fmt.Println("start")
	defer fmt.Println("first registered")
	defer fmt.Println("second registered")
	defer fmt.Println("third registered")
	fmt.Println("end of main body")
}
