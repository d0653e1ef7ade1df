// rule: E2, E3, B4, E1; issue10 a goroutine's crash report prints its own panic chain with marks
package main

import "fmt"

func main() {
	go func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("re-raised: ", r))
		}()
		defer func() {
			panic(recover())
		}()
		panic("first")
	}()
	select {}
}
