// rule: D5, D1; issue10 Goexit called by a deferred call while a goroutine panics: the panic is dropped, the goroutine exits, the program goes on
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() { fmt.Println("after Goexit took over, recover:", recover()) }()
		defer runtime.Goexit()
		defer fmt.Println("first deferred call runs the panic")
		panic("this panic is never reported")
	}()
	<-done
	fmt.Println("main: goroutine gone, program continues")
}
