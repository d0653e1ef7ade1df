// rule: B3, C4; issue9 run-time errors: slice bounds out of range, Go's exact texts
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Printf("%s: %v\n", name, err)
			return
		}
		fmt.Printf("%s: no panic\n", name)
	}()
	f()
}

func main() {
	s := make([]int, 3, 5)
	str := "abc"
	arr := [3]int{}
	i, j, k := 4, 2, 6
	try("s[:k]", func() { _ = s[:k] })
	try("s[:i] within cap", func() { fmt.Println(len(s[:i]), cap(s[:i])) })
	try("s[i:j]", func() { _ = s[i:j] })
	try("s[k:]", func() { _ = s[k:] })
	try("str[:i]", func() { _ = str[:i] })
	try("str[j:1]", func() { one := 1; _ = str[j:one] })
	try("arr[:i]", func() { _ = arr[:i] })
	try("s[1:2:k]", func() { _ = s[1:2:k] })
	try("s[1:j:1]", func() { one := 1; _ = s[1:j:one] })
}
