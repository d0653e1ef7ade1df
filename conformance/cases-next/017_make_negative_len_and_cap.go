// rule: B3, C4; issue9 slices and channels: make with a bad length or capacity
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	n, c := -1, 2
	try("make len -1", func() { _ = make([]int, n) })
	try("make len 3 cap 2", func() { m := 3; _ = make([]int, m, c) })
	try("make cap -1", func() { _ = make([]int, 0, n) })
	try("make chan -1", func() { _ = make(chan int, n) })
	try("make map hint -1", func() { m := make(map[int]int, n); fmt.Println(len(m)) })
	try("make ok", func() { s := make([]byte, c, c+3); fmt.Println(len(s), cap(s)) })
}
