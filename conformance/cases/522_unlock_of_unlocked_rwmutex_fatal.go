// issue 10: unlocking an unlocked sync.RWMutex is a fatal error: recover
// cannot stop it and no deferred call runs
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	defer fmt.Println("never printed")
	defer func() { fmt.Println("never printed either", recover()) }()
	rw.RLock()
	rw.RUnlock()
	fmt.Println("unlocked once")
	rw.RUnlock()
}
