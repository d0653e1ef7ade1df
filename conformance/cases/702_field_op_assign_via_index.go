// ++, -- and op= on a field reached through a pointer read from a map, a
// slice at a computed index, or a call (m["a"].N++, s[i+1].F += 0.5,
// get().S += "x", m["a"].Arr[1] *= 3): the pointer is evaluated once; a
// nil pointer element is a real nil dereference, recovered by a defer; the
// same from deferred closures while a panic unwinds
package main

import "fmt"

type T struct {
	N   int
	F   float64
	S   string
	B   int8
	Arr [3]int
}

func main() {
	m := map[string]*T{"a": {N: 1}}
	s := []*T{{N: 10}, {N: 20}}
	m["a"].N++
	m["a"].N += 10
	m["a"].F -= 0.25
	m["a"].S += "m"
	m["a"].B += 127
	m["a"].B++
	m["a"].Arr[1] += 4
	m["a"].Arr[1] *= 3
	s[0].N += 2
	i := 0
	s[i+1].N--
	s[i+1].F += 0.5
	s[i+1].S += "x"
	fmt.Println(*m["a"], *s[0], *s[1])

	calls := 0
	get := func() *T { calls++; return s[calls%2] }
	get().N *= 2
	get().S += "y"
	idx := func() int { calls++; return 0 }
	s[idx()].Arr[2]--
	fmt.Println(*s[0], *s[1], calls)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		m["missing"].N++
	}()

	func() {
		defer func() {
			m["a"].S += fmt.Sprint("|", recover())
			s[len(s)-1].N++
		}()
		defer func() {
			m["a"].N--
			s[i].F += 1
		}()
		panic("unwinding")
	}()
	fmt.Println(*m["a"], *s[0], *s[1])
}
