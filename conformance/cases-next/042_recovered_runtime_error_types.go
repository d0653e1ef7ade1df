// rule: B3, B2, C4; issue9 runtime.Error: the dynamic types (%T) and texts of recovered run-time errors
package main

import (
	"fmt"
	"runtime"
)

func catch(f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		fmt.Printf("%T | %v | runtime.Error=%t\n", r, r, isRT)
	}()
	f()
}

func main() {
	var s []int
	var m map[string]int
	var p *struct{ x int }
	var x any = 1
	z := 0
	ch := make(chan int)
	close(ch)
	catch(func() { _ = s[0] })
	catch(func() { one := 1; _ = s[one:0] })
	catch(func() { m["k"] = 1 })
	catch(func() { _ = p.x })
	catch(func() { _ = 5 / z })
	catch(func() { _ = x.(string) })
	catch(func() { panic(nil) })
	catch(func() { close(ch) })
	catch(func() { panic(fmt.Errorf("wrapped %d", 1)) })
}
