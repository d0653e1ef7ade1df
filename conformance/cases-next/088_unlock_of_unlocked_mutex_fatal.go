// rule: E6; issue10 sync.Mutex unlock of an unlocked mutex is a fatal error: defers do not run and recover cannot stop it
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	defer fmt.Println("main defer: never printed")
	defer func() { fmt.Println("recover cannot catch it:", recover()) }()
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocking twice")
	mu.Unlock()
}
