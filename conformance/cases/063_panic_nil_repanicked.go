// rule: B2, E3, E4
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("got:", r)
		panic(r)
	}()
	panic(nil)
}
