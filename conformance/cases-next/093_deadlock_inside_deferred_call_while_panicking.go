// rule: B1, E6; issue10 a deferred call that blocks forever while main panics: the deadlock fatal error ends the program instead of the panic report
package main

import "fmt"

func main() {
	ch := make(chan int)
	defer func() {
		fmt.Println("deferred call waits for a value nobody sends")
		<-ch
	}()
	defer fmt.Println("first deferred call runs")
	panic("this panic is never reported")
}
