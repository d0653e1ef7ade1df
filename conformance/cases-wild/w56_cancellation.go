// rule: issue10 (wild) context-style cancellation with a done channel closed once; workers stop and report through deferred sends
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Canceller struct {
	done chan struct{}
	once sync.Once
}

func (c *Canceller) Cancel()               { c.once.Do(func() { close(c.done) }) }
func (c *Canceller) Done() <-chan struct{} { return c.done }

func worker(id int, c *Canceller, work <-chan int, report chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	processed := 0
	defer func() { report <- fmt.Sprintf("worker %d stopped", id) }()
	for {
		select {
		case <-c.Done():
			return
		case n, ok := <-work:
			if !ok {
				return
			}
			processed += n
		}
	}
}

func main() {
	c := &Canceller{done: make(chan struct{})}
	work := make(chan int)
	report := make(chan string, 3)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, c, work, report, &wg)
	}
	total := 0
	for i := 1; i <= 10; i++ {
		work <- i
		total += i
	}
	c.Cancel()
	c.Cancel()
	wg.Wait()
	close(report)
	var lines []string
	for l := range report {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	fmt.Println(lines, "sent:", total)
	select {
	case <-c.Done():
		fmt.Println("cancelled")
	default:
		fmt.Println("still running")
	}
}
