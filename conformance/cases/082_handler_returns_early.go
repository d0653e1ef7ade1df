// rule: C4, C3
package main

import "fmt"

func work(n int) (result string) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		result = fmt.Sprintf("failed(%v)", r)
	}()
	if n%2 == 1 {
		panic(n)
	}
	return fmt.Sprintf("ok(%d)", n)
}

func main() {
	for i := 0; i < 4; i++ {
		fmt.Println(work(i))
	}
}
