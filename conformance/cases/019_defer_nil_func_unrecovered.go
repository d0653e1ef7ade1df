// rule: A8, B3, E1
package main

import "fmt"

func main() {
	var cleanup func()
	defer fmt.Println("registered before nil defer: still runs")
	defer cleanup()
	fmt.Println("defer of nil func did not panic yet")
	defer fmt.Println("registered after nil defer: runs first")
	fmt.Println("end of main body")
}
