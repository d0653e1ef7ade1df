// rule: B3
package main

import "fmt"

func main() {
	var v any = "hello"
	n, ok := v.(int)
	fmt.Println(n, ok)
	s, ok2 := v.(string)
	fmt.Println(s, ok2)
	var w any
	t, ok3 := w.(string)
	fmt.Printf("%q %v\n", t, ok3)
	var x any = 5
	e, ok4 := x.(error)
	fmt.Println(e, ok4, e == nil)
	var y any = true
	b, ok5 := y.(bool)
	fmt.Println(b, ok5)
}
