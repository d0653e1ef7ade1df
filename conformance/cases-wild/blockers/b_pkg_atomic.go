// blocker: package sync/atomic (atomic.Int64, AddInt32, Bool.CompareAndSwap)
// uses: "sync/atomic"
package main

import (
	"fmt"
	"sync/atomic"
)

func main() { var n atomic.Int64; n.Add(2); var h int32; atomic.AddInt32(&h, 3); fmt.Println(n.Load(), h) }
