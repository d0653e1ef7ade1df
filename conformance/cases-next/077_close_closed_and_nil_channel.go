// rule: B3, C4, E1; issue10 close of a closed channel is recoverable; close of a nil channel, unrecovered, ends the program
package main

import "fmt"

func tryClose(name string, ch chan string) {
	defer func() { fmt.Println(name, "->", recover()) }()
	close(ch)
}

func main() {
	ch := make(chan string)
	tryClose("first close", ch)
	tryClose("second close", ch)
	var nilCh chan string
	tryClose("nil close", nilCh)
	defer fmt.Println("main defer runs before the report")
	close(nilCh)
}
