// rule: A9, B1, E1
package main

import "fmt"

func main() {
	defer fmt.Println("earlier defer runs before the report")
	defer panic("from defer panic")
	fmt.Println("main body finished")
}
