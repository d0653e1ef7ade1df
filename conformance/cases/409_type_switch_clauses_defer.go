// rule: A5, C2, C4; issue9 type switches: clauses bind the value as its type, break leaves the switch, defers in a clause belong to the function
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f deg", float64(t)) }

func describe(vals []any) (n int) {
	defer func() { fmt.Println("described", n) }()
	for i, v := range vals {
		switch x := v.(type) {
		case nil:
			defer fmt.Println("deferred for nil at", i)
			continue
		case int, int8:
			if fmt.Sprint(x) == "0" {
				break
			}
			fmt.Printf("integer %v %T\n", x, x)
		case interface{ String() string }:
			fmt.Println("stringer", x.String())
		case error:
			defer func() { fmt.Println("deferred error", x) }()
		default:
			fmt.Printf("other %T\n", x)
		}
		n++
	}
	return n
}

func recovered(f func()) (kind string) {
	defer func() {
		switch r := recover().(type) {
		case runtime.Error:
			kind = "runtime: " + r.Error()
		case error:
			kind = "error: " + r.Error()
		case nil:
			kind = "none"
		default:
			kind = fmt.Sprint("value: ", r)
		}
	}()
	f()
	return "returned"
}

func main() {
	fmt.Println(describe([]any{1, nil, int8(0), Temp(21.5), errors.New("e1"), 2.5, 0}))
	var m map[string]int
	fmt.Println(recovered(func() { m["a"] = 1 }))
	fmt.Println(recovered(func() { panic(errors.New("plain")) }))
	fmt.Println(recovered(func() { panic(Temp(3)) }))
	fmt.Println(recovered(func() {}))
}
