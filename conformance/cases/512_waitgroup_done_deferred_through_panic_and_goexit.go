// issue 10: defer wg.Done() runs when the goroutine returns, when its panic
// is recovered, and when it calls runtime.Goexit
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make(chan string, 9)
	for i := 0; i < 9; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch i % 3 {
			case 0:
				results <- fmt.Sprint(i, " returns")
			case 1:
				defer func() { results <- fmt.Sprint(i, " recovered ", recover()) }()
				panic(i * 10)
			case 2:
				defer func() { results <- fmt.Sprint(i, " exits, recover ", recover()) }()
				runtime.Goexit()
			}
		}()
	}
	wg.Wait()
	close(results)
	got := map[string]bool{}
	for r := range results {
		got[r] = true
	}
	for i := 0; i < 9; i++ {
		for _, s := range []string{
			fmt.Sprint(i, " returns"),
			fmt.Sprint(i, " recovered ", i*10),
			fmt.Sprint(i, " exits, recover <nil>"),
		} {
			if got[s] {
				fmt.Println(s)
			}
		}
	}
}
