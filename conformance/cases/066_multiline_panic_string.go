// rule: E2
package main

import "fmt"

func main() {
	fmt.Println("panicking with a multi-line message")
	panic("line one\nline two\n\tindented line three")
}
