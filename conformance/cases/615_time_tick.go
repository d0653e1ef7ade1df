// issue 10: time.Tick: a ticker channel read in a for-range loop until a
// break, and nil for a non-positive period
package main

import (
	"fmt"
	"time"
)

func main() {
	n := 0
	for range time.Tick(time.Millisecond) {
		n++
		if n == 3 {
			break
		}
	}
	fmt.Println("ticks:", n, time.Tick(0) == nil, time.Tick(-time.Second) == nil)
}
