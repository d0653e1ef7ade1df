// blocker: BUG ++ and op= on a field reached through a pointer read from a map or slice (m["a"].N++, s[0].N += 2 with *T elements) panic with a nil dereference; = works
// uses: \w+\[[^\]]+\]\.\w+\s*(\+\+|--|[-+*/]=)
package main

import "fmt"

type T struct{ N int }

func main() {
	m, s := map[string]*T{"a": {1}}, []*T{{1}}
	m["a"].N++
	s[0].N += 2
	fmt.Println(m["a"].N, s[0].N)
}
