// blocker: package strconv (Atoi, ParseInt, Quote, *NumError)
// uses: "strconv"
package main

import (
	"fmt"
	"strconv"
)

func main() { n, err := strconv.Atoi("12x"); fmt.Println(n, err, strconv.Itoa(7)) }
