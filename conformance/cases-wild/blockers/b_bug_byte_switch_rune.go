// blocker: BUG switch on a byte or rune value with rune-literal cases ("invalid case '+' in switch on tag (mismatched types int and uint8)")
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
