// rule: B3, E1, A5; issue10 a run-time error in a goroutine, unrecovered: the goroutine's defers run (its lock is released), then its report
package main

import (
	"fmt"
	"sync"
)

type Registry struct {
	mu sync.Mutex
	m  map[string]int
}

func (r *Registry) Put(k string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	defer fmt.Println("Put defer for", k)
	r.m[k] = v
}

func main() {
	r := &Registry{}
	never := make(chan bool)
	go func() {
		defer fmt.Println("goroutine defer")
		r.Put("a", 1)
	}()
	<-never
}
