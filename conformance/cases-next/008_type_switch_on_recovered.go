// rule: B2, B3, C4; issue9 type switches and runtime.Error on recovered values
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprintf("my error %d", e.code) }

func classify(f func()) (kind string) {
	defer func() {
		switch v := recover().(type) {
		case nil:
			kind = "no panic"
		case runtime.Error:
			kind = "runtime.Error: " + v.Error()
		case *MyErr:
			kind = fmt.Sprintf("*MyErr code %d", v.code)
		case error:
			kind = "error: " + v.Error()
		case string, int:
			kind = fmt.Sprintf("string or int: %v", v)
		default:
			kind = fmt.Sprintf("other %T", v)
		}
	}()
	f()
	return "returned"
}

func main() {
	var m map[string]int
	var p *MyErr
	zero := 0
	fmt.Println(classify(func() {}))
	fmt.Println(classify(func() { panic("text") }))
	fmt.Println(classify(func() { panic(42) }))
	fmt.Println(classify(func() { panic(3.5) }))
	fmt.Println(classify(func() { panic(&MyErr{7}) }))
	fmt.Println(classify(func() { panic(errors.New("plain")) }))
	fmt.Println(classify(func() { m["a"] = 1 }))
	fmt.Println(classify(func() { _ = p.code }))
	fmt.Println(classify(func() { fmt.Println(1 / zero) }))
	fmt.Println(classify(func() { panic(nil) }))
}
