// blocker: channels and go statements
// uses: \bchan\b|\bgo (func\b|\w+\()
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() { defer close(ch); ch <- 42 }()
	v, ok := <-ch
	_, ok2 := <-ch
	fmt.Println(v, ok, ok2)
}
