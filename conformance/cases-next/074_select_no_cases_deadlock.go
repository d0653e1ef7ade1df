// rule: E6; issue10 select {} with no other goroutine able to run: deadlock
package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		fmt.Println("worker done")
	}()
	<-done
	select {}
}
