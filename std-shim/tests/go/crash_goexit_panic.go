// Crash report head (up to the blank line) recorded as crash_*.out.
package main

import "runtime"

func f() {
	defer func() { panic("hello") }()
	runtime.Goexit()
}

func main() {
	done := make(chan bool)
	go func() { defer close(done); f() }()
	<-done
}
