// blocker: BUG switch on a byte value with rune-literal cases ("invalid case '+'")
// uses: case '
package main

import "fmt"

func main() {
	var op byte = '*'
	switch op {
	case '+', '-':
		fmt.Println("additive")
	case '*':
		fmt.Println("multiplicative", op == '*')
	}
}
