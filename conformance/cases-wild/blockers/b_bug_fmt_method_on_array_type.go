// blocker: BUG fmt does not call String() on a named array type even at top level (the Go tour's IPAddr [4]byte Stringer prints [127 0 0 1])
// uses: (?!)
package main

import "fmt"

type IPAddr [4]byte

func (ip IPAddr) String() string { return fmt.Sprintf("%v.%v.%v.%v", ip[0], ip[1], ip[2], ip[3]) }

func main() { ip := IPAddr{127, 0, 0, 1}; fmt.Println(ip); fmt.Printf("%v %s\n", ip, ip) }
