// blocker: package sync (WaitGroup, Mutex, Once, RWMutex)
// uses: "sync"
package main

import (
	"fmt"
	"sync"
)

type C struct {
	mu sync.Mutex
	n  int
}

func (c *C) Inc() { c.mu.Lock(); defer c.mu.Unlock(); c.n++ }

func main() { c := &C{}; c.Inc(); fmt.Println(c.n) }
