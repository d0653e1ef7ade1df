// blocker: BUG an embedded sync.Mutex: the promoted s.Lock()/s.Unlock() rejected ("s.Lock undefined (type *main.SafeMap has no field or method Lock)"); &sync.RWMutex{} is refused as a composite literal
// uses: (?m)^\s+sync\.(RW)?Mutex$|&sync\.\w+\{
package main

import "fmt"
import "sync"

type SafeMap struct {
	sync.Mutex
	m map[string]int
}

func (s *SafeMap) Inc(k string) { s.Lock(); defer s.Unlock(); s.m[k]++ }

func main() { sm := SafeMap{m: map[string]int{}}; sm.Inc("a"); fmt.Println(sm.m) }
