// Go 1.27.3 (linux/amd64) prints
//
//     r 3 runtime error: invalid memory address or nil pointer dereference
//     fatal error: bad panic stack
//
// (the throw in runtime/panic.go, (*_panic).nextDefer: gp._panic != p)
// where Go's rules (and deferrt's engine and its reference model) give the
// same first line and then "panic: runtime error: invalid memory address or
// nil pointer dereference" with the [signal SIGSEGV ...] line: the nil
// deferred call in the inner function faults, the deferred function of
// main's frame runs for that panic, two more nil deferred calls fault under
// it, and the outer recover() recovers the newest one. Found by
// core/tests/model.rs (DEFERRT_GO_CHECK) while shrinking a program against
// Go. It depends on code layout: removing both the recover() block of the
// innermost deferred function and the Println calls, or unwrapping the
// blocks around `defer nf()`, makes it go away. The Go check skips programs
// on which Go throws this, and counts them.
//
// go build -o p . && ./p
package main

import (
	"fmt"
	"runtime"
)

var _ = fmt.Println
var _ = runtime.Goexit

func main() { prog0() }

func prog0() {
	defer func() { // Open
		defer func() { // OpenCall
			{
				r := recover()
				fmt.Println("r", 3, r)
			}
		}()
		defer func() { // Chain
			func() { // Chain
				{
					var nf func()
					defer nf()
				}
				defer func() { // Chain
					func() { // Chain
						{
							var nf func()
							defer nf()
						}
					}()
					{
						r := recover()
						fmt.Println("r", 9, r)
					}
				}()
			}()
		}()
	}()
	func() { // Open
		{
			var nf func()
			defer nf()
		}
	}()
}
