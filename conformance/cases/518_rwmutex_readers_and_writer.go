// issue 10: sync.RWMutex: readers share the lock, a writer excludes them;
// deferred RUnlock/Unlock release it through a recovered panic
package main

import (
	"fmt"
	"sync"
)

var rw sync.RWMutex
var value int

func read(wg *sync.WaitGroup, in <-chan bool, out chan<- int) {
	defer wg.Done()
	rw.RLock()
	defer rw.RUnlock()
	<-in
	out <- value
}

func write(v int) (err any) {
	defer func() { err = recover() }()
	rw.Lock()
	defer rw.Unlock()
	value = v
	if v < 0 {
		panic("negative")
	}
	return nil
}

func main() {
	var wg sync.WaitGroup
	in := make(chan bool)
	out := make(chan int, 3)
	value = 1
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go read(&wg, in, out)
	}
	for i := 0; i < 3; i++ {
		in <- true // all three readers hold the read lock at once
	}
	wg.Wait()
	close(out)
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println("readers saw", sum)
	fmt.Println("write -1:", write(-1))
	fmt.Println("write 2:", write(2))
	rw.RLock()
	fmt.Println("value", value)
	rw.RUnlock()
}
