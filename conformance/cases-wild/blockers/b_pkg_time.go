// blocker: package time (Sleep, After, Duration, NewTimer, NewTicker)
// uses: "time"
package main

import (
	"fmt"
	"time"
)

func main() { time.Sleep(time.Millisecond); fmt.Println(20 * time.Millisecond) }
