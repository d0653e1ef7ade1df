// blocker: bitwise operators (<< >> & | ^ &^), e.g. in const blocks with iota
// uses: <<|>>|&\^|\w\s*[|^]\s*\w|\w\s&\s\w|&=|\|=
package main

import "fmt"

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
)

func main() { a := 6; fmt.Println(KB, MB, a&3, a|1, a^2, a&^2, a>>1) }
