// rule: issue10 (wild) ping-pong over unbuffered channels: strict alternation, a ball struct passed by pointer, a final panic in a player recovered by it
package main

import "fmt"

type Ball struct {
	Hits int
	Log  []string
}

func player(name string, in <-chan *Ball, out chan<- *Ball, done chan<- string) {
	defer func() {
		if r := recover(); r != nil {
			done <- fmt.Sprintf("%s dropped the ball: %v", name, r)
		}
	}()
	for b := range in {
		b.Hits++
		b.Log = append(b.Log, name)
		if b.Hits == 7 {
			panic(fmt.Sprintf("hit %d too hard", b.Hits))
		}
		out <- b
	}
}

func main() {
	ping, pong := make(chan *Ball), make(chan *Ball)
	done := make(chan string)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	b := &Ball{}
	ping <- b
	msg := <-done
	fmt.Println(msg)
	fmt.Println(b.Hits, b.Log)
}
