// rule: A5, C4, B3; issue10 sync.WaitGroup: defer wg.Done() runs when a goroutine's panic is recovered in it
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var results []string
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					results = append(results, fmt.Sprint(n, " recovered: ", r))
					mu.Unlock()
				}
			}()
			if n%2 == 1 {
				var s []int
				_ = s[n]
			}
			mu.Lock()
			results = append(results, fmt.Sprint(n, " ok"))
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	sort.Strings(results)
	for _, r := range results {
		fmt.Println(r)
	}
}
