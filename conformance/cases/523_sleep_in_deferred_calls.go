// issue 10: time.Sleep inside deferred calls of a panicking goroutine: a
// sleeping goroutine is not deadlocked; the order comes from channels
package main

import (
	"fmt"
	"sync"
	"time"
)

func job(id int, out chan<- string) {
	defer func() {
		r := recover()
		time.Sleep(time.Millisecond)
		out <- fmt.Sprint(id, " recovered ", r)
	}()
	defer time.Sleep(time.Duration(id) * time.Millisecond)
	panic(fmt.Sprint("job ", id))
}

func main() {
	var wg sync.WaitGroup
	outs := make([]chan string, 3)
	for i := range outs {
		outs[i] = make(chan string, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			job(i, outs[i])
		}()
	}
	wg.Wait()
	for _, c := range outs {
		fmt.Println(<-c)
	}
	time.Sleep(0)
	time.Sleep(-1)
	fmt.Println("done")
}
