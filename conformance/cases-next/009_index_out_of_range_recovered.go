// rule: B3, C4; issue9 run-time errors: index out of range recovered as runtime.Error
package main

import (
	"fmt"
	"runtime"
)

func at(s []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			re, ok := r.(runtime.Error)
			fmt.Println("is runtime.Error:", ok)
			err = re
		}
	}()
	return s[i], nil
}

func main() {
	s := []int{10, 20, 30}
	for _, i := range []int{0, 2, 3, 5, -1} {
		v, err := at(s, i)
		fmt.Println(i, v, err)
	}
	arr := [4]string{"a", "b", "c", "d"}
	func() {
		defer func() { fmt.Println("array:", recover()) }()
		k := 4
		fmt.Println(arr[k])
	}()
	func() {
		defer func() { fmt.Println("string:", recover()) }()
		str, k := "hello", 10
		fmt.Println(str[k])
	}()
}
