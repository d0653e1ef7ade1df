// Goexit runs every deferred call, innermost first; recover is nil (D1).
package main

import (
	"fmt"
	"runtime"
)

func inner() {
	defer fmt.Println("inner defer")
	runtime.Goexit()
}

func worker(done chan bool) {
	defer close(done)
	defer func() { fmt.Println("outer recover:", recover()) }()
	inner()
	fmt.Println("unreached")
}

func main() {
	done := make(chan bool)
	go worker(done)
	<-done
}
