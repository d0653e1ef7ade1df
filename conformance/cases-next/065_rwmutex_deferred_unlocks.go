// rule: A5, C4; issue10 sync.RWMutex: deferred RUnlock/Unlock through a recovered panic in a reader
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *Cache) Get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	if !ok {
		panic("missing key " + k)
	}
	return v
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func (c *Cache) SafeGet(k string) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("get: %v", r)
		}
	}()
	return c.Get(k), nil
}

func main() {
	c := &Cache{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Set(fmt.Sprint("k", i), i*i)
		}()
	}
	wg.Wait()
	total := 0
	misses := make(chan error, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.SafeGet(fmt.Sprint("k", i))
			if err != nil {
				misses <- err
				return
			}
			c.mu.Lock()
			total += v
			c.mu.Unlock()
		}()
	}
	wg.Wait()
	close(misses)
	fmt.Println("total:", total, "misses:", len(misses))
	c.Set("k9", 81)
	fmt.Println(c.SafeGet("k9"))
	fmt.Println(c.SafeGet("nope"))
}
