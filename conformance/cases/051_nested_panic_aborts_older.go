// rule: B4, C3, C4
package main

import "fmt"

func f() (res string) {
	defer func() {
		fmt.Println("earlier defer: recover() =", recover())
		res = res + " +earlier"
	}()
	defer func() {
		r := recover()
		fmt.Println("recovered newest:", r)
		res = "recovered"
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func main() {
	fmt.Println("f() =", f())
	fmt.Println("main continues normally")
}
