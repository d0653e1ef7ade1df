// blocker: BUG %T of an array type prints "[bool bool]" for "[2]bool"
// uses: (?!)
package main

import "fmt"

func main() { fmt.Printf("%T %T %v\n", [2]bool{}, [3][2]int{}, [2]bool{}) }
