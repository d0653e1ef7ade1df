// A //go:build line that implies no Go version (`go1.21 || !ignore_me`
// holds without any go1.N tag) leaves the module's language (go 1.27):
// loop variables are per iteration, and range over an int is allowed.

//go:build go1.21 || !ignore_me

package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("deferred", i) }()
		fs = append(fs, func() int { return i })
	}
	for i := range 3 {
		fmt.Println(fs[i]())
	}
}
