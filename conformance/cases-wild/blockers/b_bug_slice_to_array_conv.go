// blocker: BUG conversion from a slice to an array type (Go 1.20) rejected: "cannot convert s (value of type []int) to type [4]int"
// uses: \[\d+\]\w+\(\w+\)
package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	fmt.Println([3]int(s), [2]int(s[1:]))
	defer func() { fmt.Println(recover()) }()
	fmt.Println([4]int(s))
}
