// rule: issue10 (wild) select with default: non-blocking sends and receives, a bounded queue that drops, nil channels
package main

import "fmt"

type Queue struct {
	ch      chan string
	dropped []string
}

func (q *Queue) Offer(s string) bool {
	select {
	case q.ch <- s:
		return true
	default:
		q.dropped = append(q.dropped, s)
		return false
	}
}

func (q *Queue) Poll() (string, bool) {
	select {
	case s := <-q.ch:
		return s, true
	default:
		return "", false
	}
}

func main() {
	q := &Queue{ch: make(chan string, 3)}
	for _, s := range []string{"a", "b", "c", "d", "e"} {
		fmt.Print(q.Offer(s), " ")
	}
	fmt.Println("dropped:", q.dropped, "len:", len(q.ch), "cap:", cap(q.ch))
	for {
		s, ok := q.Poll()
		if !ok {
			break
		}
		fmt.Print(s, " ")
	}
	fmt.Println()

	var nilCh chan int
	select {
	case v := <-nilCh:
		fmt.Println("got", v)
	case nilCh <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("nil channels never ready")
	}

	a, b := make(chan int, 1), make(chan int, 1)
	a <- 1
	for i := 0; i < 2; i++ {
		select {
		case v := <-a:
			fmt.Println("from a", v)
			a = nil
			b <- v + 1
		case v := <-b:
			fmt.Println("from b", v)
		}
	}
	closed := make(chan int)
	close(closed)
	select {
	case v, ok := <-closed:
		fmt.Println("closed channel is ready:", v, ok)
	default:
		fmt.Println("default")
	}
}
