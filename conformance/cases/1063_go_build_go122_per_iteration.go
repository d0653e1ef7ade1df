// `//go:build go1.22` (below the module's go1.27) downgrades the file to
// go1.22, which already has per-iteration loop variables and range over
// integers.

//go:build go1.22

package main

import "fmt"

func main() {
	var ps []*int
	for i := range 3 {
		ps = append(ps, &i)
	}
	for j := 0; j < 2; j++ {
		defer func() { fmt.Println("deferred j", j) }()
	}
	fmt.Println(*ps[0], *ps[1], *ps[2], ps[0] != ps[1])
}
