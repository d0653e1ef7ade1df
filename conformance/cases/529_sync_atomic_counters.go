// issue 10: sync/atomic: the functions on plain integers through pointers and
// the atomic types, from many goroutines; deferred atomic calls
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type stats struct {
	hits atomic.Int64
	ok   atomic.Bool
}

func main() {
	var n int64
	var c32 int32
	var s stats
	var u atomic.Uint32
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer atomic.AddInt64(&n, 2)
			atomic.AddInt32(&c32, -1)
			s.hits.Add(1)
			u.Add(1)
		}()
	}
	wg.Wait()
	s.ok.Store(true)
	fmt.Println(atomic.LoadInt64(&n), atomic.LoadInt32(&c32), s.hits.Load(), s.ok.Load(), u.Load())
	fmt.Println(atomic.CompareAndSwapInt64(&n, 100, 7), n, atomic.SwapInt32(&c32, 3), c32)
	fmt.Println(s.hits.CompareAndSwap(5, 6), s.hits.Swap(9), s.hits.Load())
	var b atomic.Bool
	fmt.Println(b.Load(), b.Swap(true), b.CompareAndSwap(true, false), b.Load())
	var u8 atomic.Uint32
	u8.Store(1)
	fmt.Println(u8.Add(^uint32(0)))
}
