// issue 9: sort.Interface as a parameter type, sort.IsSorted over a user
// type and a sort.IntSlice held in a sort.Interface, checked by a deferred
// closure after sort.Sort; sort.Stable through the interface
package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func sortAndCheck(data sort.Interface) (ok bool) {
	defer func() { ok = sort.IsSorted(data) }()
	sort.Sort(data)
	return false
}

func main() {
	words := byLen{"ccc", "a", "bb"}
	fmt.Println(sort.IsSorted(words), sortAndCheck(words), words)
	var d sort.Interface = sort.IntSlice{3, 1}
	fmt.Println(d.Len(), sort.IsSorted(d))
	sort.Stable(d)
	fmt.Println(d)
}
