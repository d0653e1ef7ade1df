// rule: issue9 (wild) mutex Lock/defer Unlock in methods, a panic in a locked section leaves the mutex unlocked
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Counter struct {
	mu     sync.Mutex
	counts map[string]int
}

func NewCounter() *Counter {
	return &Counter{counts: make(map[string]int)}
}

func (c *Counter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if key == "" {
		panic("empty key")
	}
	c.counts[key]++
}

func (c *Counter) SafeInc(key string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("SafeInc(%q): %v", key, r)
		}
	}()
	c.Inc(key)
	return nil
}

func (c *Counter) Snapshot() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.counts))
	for k := range c.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fmt.Sprintf("%s=%d", k, c.counts[k])
	}
	return out
}

func main() {
	c := NewCounter()
	for _, w := range []string{"go", "rust", "go", "", "zig", "go", "rust"} {
		if err := c.SafeInc(w); err != nil {
			fmt.Println("error:", err)
		}
	}
	fmt.Println(c.Snapshot())
	if c.mu.TryLock() {
		fmt.Println("mutex is free after the panic")
		c.mu.Unlock()
	}
}
