// issue 10: runtime.NumGoroutine counts running, runnable and blocked
// goroutines
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start:", runtime.NumGoroutine())
	release := make(chan bool)
	var started, finished sync.WaitGroup
	for i := 0; i < 4; i++ {
		started.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			started.Done()
			<-release
		}()
	}
	started.Wait()
	fmt.Println("four blocked:", runtime.NumGoroutine())
	close(release)
	finished.Wait()
	runtime.Gosched()
	fmt.Println("done")
}
