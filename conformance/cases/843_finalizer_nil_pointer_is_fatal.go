package main

// A nil pointer is in no allocated block: SetFinalizer throws.

import (
	"fmt"
	"runtime"
)

type T struct {
	p *int
	n int
}

func set(p *T) {
	defer fmt.Println("set returned (not after the fatal error)")
	runtime.SetFinalizer(p, func(*T) {})
}

func main() {
	set(&T{})
	fmt.Println("a live pointer is fine")
	var p *T
	set(p)
	fmt.Println("not reached")
}
