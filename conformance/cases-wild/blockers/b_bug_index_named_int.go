// blocker: BUG indexing with an integer value whose type is not int (a named int type, rune, byte, int64) rejected ("must be integer")
// uses: \]\[\w+\]$|\]string\{.*\}\[\w+\]
// also: w14_iota_enum.go w28_state_machine.go w30_runes.go
package main

import "fmt"

type State int

func main() {
	s, c, b := State(1), 'c', byte(0)
	var counts [3]int
	counts[c-'a']++
	fmt.Println([]string{"a", "b"}[s], [...]string{"x", "y"}[s], counts, "go"[b])
}
