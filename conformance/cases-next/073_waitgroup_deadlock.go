// rule: E6; issue10 a WaitGroup that never reaches zero: all goroutines are asleep
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("only one Done")
	}()
	defer fmt.Println("main defer: never printed")
	wg.Wait()
}
