// rule: B1, B3, C4
package main

import (
	"errors"
	"fmt"
)

func try(f func()) {
	defer func() {
		r := recover()
		if n, ok := r.(int); ok {
			fmt.Println("int:", n+1)
			return
		}
		if s, ok := r.(string); ok {
			fmt.Println("string:", s, len(s))
			return
		}
		if b, ok := r.(bool); ok {
			fmt.Println("bool:", !b)
			return
		}
		if e, ok := r.(error); ok {
			fmt.Println("error:", e.Error())
			return
		}
		fmt.Println("other:", r)
	}()
	f()
}

func main() {
	try(func() { panic(41) })
	try(func() { panic("text") })
	try(func() { panic(false) })
	try(func() { panic(errors.New("an error value")) })
	try(func() {})
}
