// rule: A1, A3, B3; issue9 embedded sync.Mutex / *sync.RWMutex: promoted Lock and Unlock, defer c.Unlock() runs through a recovered panic, so the next caller can lock
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	sync.Mutex
	n int
}

func (c *Counter) Add(k int) (err error) {
	c.Lock()
	defer c.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add %d: %v", k, r)
		}
	}()
	if k < 0 {
		panic("negative")
	}
	c.n += k
	return nil
}

type Cache struct {
	*sync.RWMutex
	m map[string]int
}

func (c Cache) Get(k string) int {
	c.RLock()
	defer c.RUnlock()
	return c.m[k]
}

func (c Cache) Set(k string, v int) {
	c.Lock()
	defer c.Unlock()
	c.m[k] = v
}

func main() {
	c := &Counter{}
	var wg sync.WaitGroup
	for i := -2; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Add(i); err != nil && i == -1 {
				fmt.Println(err)
			}
		}()
	}
	wg.Wait()
	fmt.Println("total:", c.n)
	cache := Cache{new(sync.RWMutex), map[string]int{}}
	cache.Set("a", 1)
	defer fmt.Println("deferred get:", cache.Get("a"))
	cache.Set("a", 2)
	fmt.Println(cache.Get("a"), cache.Get("b"))
}
