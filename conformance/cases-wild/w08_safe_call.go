// rule: issue9 (wild) recover turning panics into errors at an API boundary, runtime.Error distinguished from others
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type PanicError struct {
	Value   any
	Runtime bool
}

func (p *PanicError) Error() string {
	kind := "panic"
	if p.Runtime {
		kind = "runtime panic"
	}
	return fmt.Sprintf("%s: %v", kind, p.Value)
}

func SafeCall(f func()) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		_, isRT := r.(runtime.Error)
		err = &PanicError{Value: r, Runtime: isRT}
	}()
	f()
	return nil
}

func main() {
	var arr []int
	var m map[string]bool
	var p *struct{ X int }
	zero := 0
	var i any = "str"
	tests := []struct {
		name string
		f    func()
	}{
		{"ok", func() {}},
		{"index", func() { _ = arr[3] }},
		{"nil map", func() { m["a"] = true }},
		{"nil ptr", func() { fmt.Println(p.X) }},
		{"divide", func() { fmt.Println(10 / zero) }},
		{"assert", func() { _ = i.(int) }},
		{"string", func() { panic("boom") }},
		{"error", func() { panic(errors.New("custom failure")) }},
		{"int", func() { panic(42) }},
	}
	for _, tt := range tests {
		err := SafeCall(tt.f)
		var pe *PanicError
		if errors.As(err, &pe) {
			fmt.Printf("%-8s runtime=%-5t %T: %v\n", tt.name, pe.Runtime, pe.Value, err)
		} else {
			fmt.Printf("%-8s no error (%v)\n", tt.name, err)
		}
	}
}
