// rule: A3, A8, B3; issue9 interfaces: deferring a method of a nil interface value
package main

import (
	"fmt"
	"runtime"
)

type Closer interface{ Close() error }

type file struct{ name string }

func (f *file) Close() error {
	fmt.Println("closing", f.name)
	return nil
}

func closeIt(c Closer) {
	defer fmt.Println("closeIt: earlier defer runs")
	defer c.Close()
	fmt.Println("closeIt: body ran")
}

func try(c Closer) {
	defer func() {
		r := recover()
		if e, ok := r.(runtime.Error); ok {
			fmt.Println("recovered runtime.Error:", e.Error())
			return
		}
		fmt.Println("recovered:", r)
	}()
	closeIt(c)
}

func main() {
	try(&file{"a.txt"})
	try(nil)
	var f *file
	try(f)
}
