// rule: A9, C2, D1, D4
// During Goexit `defer recover()` in a deferred function has nothing to
// recover; a panic raised during Goexit is recovered by it, and the Goexit
// carries on (no function returns normally).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("main's first defer runs")
	defer func() {
		defer recover()
		fmt.Println("deferred func with defer recover() runs")
	}()
	defer panic("panic during Goexit")
	defer func() {
		defer recover()
		fmt.Println("nothing to recover yet")
	}()
	runtime.Goexit()
}
