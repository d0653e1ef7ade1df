// rule: D6, A1
package main

import (
	"fmt"
	"os"
)

func main() {
	code := 0
	defer os.Exit(code)
	code = 9
	defer fmt.Println("code at exit time would be", code)
	panic("swallowed by os.Exit in defer")
}
