// blocker: BUG a panic value whose Error()/String() panics while the crash report prints it (a typed nil *MyErr in an error) ends in "fatal error: panic while printing panic value: ..."
// uses: (?!)
// ignore: goroutine-line (Go prints "goroutine 1 gp=0x... m=0 mp=0x... [running]:" here, with addresses)
package main

import "fmt"

type MyErr struct{ msg string }

func (e *MyErr) Error() string { return "my: " + e.msg }

func find() error { var e *MyErr; return e }

func main() { err := find(); fmt.Println(err == nil); panic(err) }
