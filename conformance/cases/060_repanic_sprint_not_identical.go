// rule: E3, E4, B5
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		panic(fmt.Sprint(r))
	}()
	panic("same text")
}
