// blocker: BUG field access through a pointer to an unnamed struct type rejected ("p.X undefined")
// uses: \*struct\s*\{|&struct\s*\{
package main

import "fmt"

func main() { p := &struct{ X int }{1}; var q *struct{ X int }; fmt.Println(p.X, q == nil) }
