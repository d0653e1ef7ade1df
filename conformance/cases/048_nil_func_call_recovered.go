// rule: B3, C4
package main

import "fmt"

func call(f func() int) (res int, msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = r.(error).Error()
		}
	}()
	res = 1
	res = f()
	return res, "ok"
}

func main() {
	r, m := call(func() int { return 5 })
	fmt.Println(r, m)
	r, m = call(nil)
	fmt.Println(r, m)
}
