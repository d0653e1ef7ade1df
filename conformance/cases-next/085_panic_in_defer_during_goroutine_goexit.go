// rule: D3, D4, D1; issue10 a panic raised by a deferred call during a goroutine's Goexit, recovered: the Goexit still completes
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer fmt.Println("outermost defer still runs")
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			defer panic("panic during Goexit")
			runtime.Goexit()
		}()
		fmt.Println("unreachable: Goexit is not cancelled")
	}()
	<-done
	fmt.Println("main done")
}
