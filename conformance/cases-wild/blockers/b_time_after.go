// blocker: time.After, time.NewTimer, time.NewTicker in select
// uses: \btime\.(After|NewTimer|NewTicker|Tick)\(
package main

import (
	"fmt"
	"time"
)

func main() {
	never := make(chan int)
	select {
	case <-never:
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	t := time.NewTimer(time.Hour)
	fmt.Println(t.Stop())
}
