// issue 10: os.Exit from any goroutine ends the program at once with that
// status; no deferred call of any goroutine runs
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("main's defer: never printed")
	block := make(chan bool)
	go func() {
		defer fmt.Println("exiting goroutine's defer: never printed")
		func() {
			defer fmt.Println("inner defer: never printed")
			fmt.Println("calling os.Exit(3)")
			os.Exit(3)
		}()
	}()
	<-block
}
