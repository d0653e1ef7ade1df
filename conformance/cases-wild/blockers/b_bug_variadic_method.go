// blocker: BUG calling a variadic method with several arguments: "too many arguments in call to o.Apply"
// uses: (?m)^func \([^)]*\) \w+\([^)]*\.\.\.
package main

import "fmt"

type Order struct{ log []string }

func (o *Order) Apply(events ...string) int { o.log = append(o.log, events...); return len(events) }

func main() { o := &Order{}; fmt.Println(o.Apply("a", "b"), o.Apply(), o.log) }
