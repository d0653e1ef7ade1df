// blocker: BUG a named integer type compared with / divided by an untyped constant (s == 0, s/100)
// uses: (?m)^type \w+ u?int\w*$
package main

import "fmt"

type Status int

func main() {
	s := Status(404)
	fmt.Println(s == 0, s/100 == 4, s > 399, s%100)
}
