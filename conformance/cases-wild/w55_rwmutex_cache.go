// rule: issue10 (wild) an RWMutex-guarded cache with concurrent readers and a loader; RLock/defer RUnlock in getters
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	data  map[string]string
	loads map[string]int
}

func NewCache() *Cache {
	return &Cache{data: map[string]string{}, loads: map[string]int{}}
}

func (c *Cache) get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Get(k string) string {
	if v, ok := c.get(k); ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[k]; ok {
		return v
	}
	c.loads[k]++
	v := strings.ToUpper(k) + "!"
	c.data[k] = v
	return v
}

func (c *Cache) Keys() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	keys := make([]string, 0, len(c.data))
	for k := range c.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func main() {
	c := NewCache()
	keys := []string{"go", "rust", "zig", "go", "go", "rust", "c"}
	var wg sync.WaitGroup
	out := make([]string, 30)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = c.Get(keys[i%len(keys)])
		}()
	}
	wg.Wait()
	fmt.Println(out[:7])
	fmt.Println(c.Keys())
	maxLoads := 0
	for _, n := range c.loads {
		maxLoads = max(maxLoads, n)
	}
	fmt.Println("each key loaded once:", maxLoads == 1, len(c.loads))
}
