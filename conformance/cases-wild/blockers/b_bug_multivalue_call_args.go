// blocker: BUG fmt.Println(f()) with a multi-value call: the values lose their types (1.5 prints 1.5e0, an error value prints its number, not Error()) (as in the Go tour: fmt.Println(Sqrt(2)))
// uses: (?!)
package main

import "fmt"

type NegErr float64

func (e NegErr) Error() string { return fmt.Sprintf("neg %v", float64(e)) }

func two() (float64, error) { return 1.5, NegErr(-2) }

func main() { fmt.Println(two()); f, e := two(); fmt.Println(f, e) }
