// rule: D6; issue10 os.Exit from a goroutine ends the program at once: no deferred call of any goroutine runs
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("main defer: never printed")
	blocked := make(chan bool)
	go func() {
		defer fmt.Println("blocked goroutine defer: never printed")
		<-blocked
	}()
	go func() {
		defer fmt.Println("exiting goroutine defer: never printed")
		fmt.Println("goroutine calls os.Exit(4)")
		os.Exit(4)
	}()
	<-blocked
}
