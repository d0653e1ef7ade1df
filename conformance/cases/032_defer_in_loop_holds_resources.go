// rule: A1, A5
package main

import "fmt"

var open int

func acquire(name string) func() {
	open++
	fmt.Println("open", name, "open count =", open)
	return func() {
		open--
		fmt.Println("close", name, "open count =", open)
	}
}

func leaky() {
	for i := 0; i < 3; i++ {
		release := acquire(fmt.Sprint("file", i))
		defer release()
		fmt.Println("working on file", i, "open =", open)
	}
	fmt.Println("leaky end, open =", open)
}

func fixed() {
	for i := 0; i < 3; i++ {
		func() {
			release := acquire(fmt.Sprint("file", i))
			defer release()
			fmt.Println("working on file", i, "open =", open)
		}()
	}
	fmt.Println("fixed end, open =", open)
}

func main() {
	leaky()
	fixed()
}
