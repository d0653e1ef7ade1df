// blocker: non-UTF-8 string literals ("\xff")
// uses: \\x[89a-fA-F][0-9a-fA-F]
package main

import "fmt"

func main() { s := "a\xffb"; fmt.Println(len(s), []byte(s)) }
