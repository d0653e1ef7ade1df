// blocker: BUG (hard) cap after append follows gc 1.27 escape analysis: a slice that does not escape gets a 32-byte stack buffer at its first append (cap 4 of int, 32 of byte); one that escapes through fmt grows 1 2 4 8, one stored in a global 1 2 3 4 8
// uses: \bcap\(
package main

import "fmt"

func main() {
	var s []int
	var b []byte
	for i := 0; i < 10; i++ {
		s, b = append(s, i), append(b, 'x')
		fmt.Print(cap(s), "/", cap(b), " ")
	}
	fmt.Println(cap(append([]int{1, 2, 3}, 4)), cap(append(make([]int, 600), 1)))
}
