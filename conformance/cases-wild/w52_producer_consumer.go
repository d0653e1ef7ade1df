// rule: issue10 (wild) producer/consumer on a buffered channel: close, comma-ok receive, len/cap, a consumer acknowledging through done
package main

import (
	"fmt"
	"strings"
)

type Message struct {
	Seq  int
	Body string
}

func producer(msgs chan<- Message, words []string) {
	defer close(msgs)
	for i, w := range words {
		msgs <- Message{Seq: i, Body: w}
	}
}

func consumer(msgs <-chan Message, done chan<- []string) {
	var got []string
	defer func() { done <- got }()
	for {
		m, ok := <-msgs
		if !ok {
			got = append(got, "<closed>")
			return
		}
		got = append(got, fmt.Sprintf("%d:%s", m.Seq, strings.ToUpper(m.Body)))
	}
}

func main() {
	msgs := make(chan Message, 2)
	done := make(chan []string)
	fmt.Println("len", len(msgs), "cap", cap(msgs))
	go producer(msgs, strings.Fields("the quick brown fox jumps"))
	go consumer(msgs, done)
	got := <-done
	fmt.Println(strings.Join(got, " "))
	v, ok := <-msgs
	fmt.Printf("after close: %+v %v\n", v, ok)
	buf := make(chan int, 3)
	buf <- 1
	buf <- 2
	close(buf)
	n := len(buf)
	first := <-buf
	fmt.Println(n, first, len(buf))
	for v := range buf {
		fmt.Println("drained", v)
	}
}
