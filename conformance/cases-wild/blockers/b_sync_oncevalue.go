// blocker: sync.OnceValue / sync.OnceValues / sync.OnceFunc (Go 1.21)
// uses: \bsync\.Once(Value|Values|Func)\(
package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	v := sync.OnceValue(func() int { fmt.Println("once"); return 42 })
	vs := sync.OnceValues(func() (int, error) { return 0, errors.New("load failed") })
	f := sync.OnceFunc(func() { fmt.Println("func once") })
	f()
	f()
	fmt.Println(v(), v())
	fmt.Println(vs())
}
