// rule: A5, D1; issue10 sync.WaitGroup.Go (Go 1.25): the goroutine's defers, including a Goexit, complete before Wait returns
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for i := range 4 {
		wg.Go(func() {
			defer func() { sums[i] *= 10 }()
			for k := 0; k <= i; k++ {
				defer func() { sums[i] += k }()
			}
			if i == 2 {
				runtime.Goexit()
			}
		})
	}
	wg.Wait()
	fmt.Println(sums)
}
