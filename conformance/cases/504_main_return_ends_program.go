// issue 10: main returning ends the program at once: goroutines still
// blocked or running never run their deferred calls
package main

import "fmt"

func main() {
	defer fmt.Println("main's own defer runs")
	started := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() {
			defer fmt.Println("goroutine defer: never printed", i)
			started <- true
			select {}
		}()
		<-started
	}
	go func() {
		defer fmt.Println("spinning goroutine's defer: never printed")
		started <- true
		for {
		}
	}()
	<-started
	fmt.Println("main returns")
}
