// blocker: sync.Map, sync.Cond, sync.Pool
// uses: sync\.(Map|Cond|NewCond|Pool)\b
package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("a", 1)
	v, ok := m.Load("a")
	cond := sync.NewCond(&sync.Mutex{})
	cond.Broadcast()
	fmt.Println(v, ok)
}
