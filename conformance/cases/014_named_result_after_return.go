// rule: A6
package main

import "fmt"

func double() (n int) {
	defer func() {
		fmt.Println("defer sees n =", n)
		n = n * 2
	}()
	return 21
}

func withErr() (s string, err error) {
	defer func() {
		s = s + "!"
		if err == nil {
			fmt.Println("err was nil in defer")
		}
	}()
	return "hello", nil
}

func main() {
	fmt.Println("double() =", double())
	s, err := withErr()
	fmt.Println(s, err)
}
