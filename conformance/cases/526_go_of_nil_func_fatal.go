// issue 10: go with a nil func value is a fatal error in the goroutine
// that runs the go statement: recover cannot stop it
package main

import "fmt"

func main() {
	defer func() { fmt.Println("never printed", recover()) }()
	var f func()
	fmt.Println("before")
	go f()
	fmt.Println("never printed")
}
