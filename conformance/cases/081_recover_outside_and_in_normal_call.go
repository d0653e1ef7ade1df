// rule: C1, C2
package main

import "fmt"

func tryRecover() any {
	return recover()
}

func main() {
	fmt.Println("plain call:", tryRecover())
	defer func() {
		fmt.Println("deferred closure calling helper:", tryRecover())
		fmt.Println("direct recover:", recover())
	}()
	panic("p")
}
