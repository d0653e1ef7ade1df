// blocker: BUG fmt verbs on []byte: %s and %q print the bytes as a string, %x / % x as hex of the whole slice
// uses: \[\]byte
package main

import "fmt"

func main() {
	b := []byte("abc")
	fmt.Printf("%v %s %q %x % x %X\n", b, b, b, b, b, b)
}
