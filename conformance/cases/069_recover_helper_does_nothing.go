// rule: C2, B1, E1
package main

import "fmt"

func helper() {
	r := recover()
	fmt.Println("helper's recover() =", r)
}

func main() {
	defer fmt.Println("main's first defer still runs")
	defer func() {
		helper()
		fmt.Println("closure continues after helper")
	}()
	panic("not caught by helper")
}
