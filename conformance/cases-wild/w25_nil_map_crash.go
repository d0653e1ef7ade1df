// rule: issue9 (wild) a cache with lazy init forgotten: the unrecovered nil map write crashes after the defers run
package main

import (
	"fmt"
	"strings"
)

type Cache struct {
	hits, misses int
	data         map[string][]byte
}

func (c *Cache) Get(k string) ([]byte, bool) {
	v, ok := c.data[k]
	if ok {
		c.hits++
	} else {
		c.misses++
	}
	return v, ok
}

func (c *Cache) Put(k string, v []byte) {
	c.data[k] = v
}

func (c *Cache) Stats() string {
	return fmt.Sprintf("hits=%d misses=%d size=%d", c.hits, c.misses, len(c.data))
}

func main() {
	c := &Cache{}
	defer func() {
		fmt.Println("stats at exit:", c.Stats())
	}()
	for _, k := range strings.Fields("a b a") {
		if v, ok := c.Get(k); ok {
			fmt.Println("hit", k, string(v))
			continue
		}
		fmt.Println("miss", k)
		c.Put(k, []byte(strings.ToUpper(k)))
	}
}
