// blocker: sync.OnceValue / sync.OnceValues / sync.OnceFunc (Go 1.21)
// uses: \bsync\.Once(Value|Values|Func)\(
package main

import (
	"fmt"
	"sync"
)

func main() {
	v := sync.OnceValue(func() int { fmt.Println("once"); return 42 })
	fmt.Println(v(), v())
}
