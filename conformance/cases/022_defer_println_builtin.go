// rule: A9, A1
package main

import "fmt"

func main() {
	i := 1
	defer println("deferred println, i =", i)
	defer print("deferred print\n")
	i = 2
	fmt.Println("stdout: i =", i)
	println("immediate println, i =", i)
}
