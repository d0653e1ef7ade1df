package main

import (
	"fmt"
	"strings"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		if ok {
			fmt.Println(name+":", err.Error())
			return
		}
		fmt.Println(name+":", r)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i, j, k := 5, 1, 4
	neg := -1
	var m map[string]int
	str := "héllo"
	try("index", func() { _ = s[i] })
	try("negative index", func() { _ = s[neg] })
	try("slice high", func() { _ = s[:i] })
	try("slice low>high", func() { _ = s[2:j] })
	try("slice low", func() { _ = s[k:] })
	try("three-index max", func() { _ = s[0:1:i] })
	two := 2
	try("three-index high>max", func() { _ = s[0:3:two] })
	try("string index", func() { _ = str[10] })
	try("string slice", func() { _ = str[3:10] })
	try("nil map read ok", func() { fmt.Println(m["x"], len(m)) })
	try("nil map write", func() { m["x"] = 1 })
	try("makeslice len", func() { _ = make([]int, neg) })
	try("makeslice cap", func() { _ = make([]int, 2, j) })
	try("array index", func() {
		var a [3]int
		_ = a[i%4]
	})
	try("nil slice index", func() {
		var z []int
		z[0] = 1
	})
	try("append to nil then index", func() {
		var z []string
		z = append(z, "a")
		fmt.Println(z[0], strings.Repeat("-", 3))
		_ = z[1]
	})
	fmt.Println("done")
}
