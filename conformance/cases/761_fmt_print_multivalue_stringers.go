// rule: issue9 fmt: fmt.Println/Print/Sprint of a multi-valued call box each result with its type, so String methods of named types and of generic instances are called (also in a deferred fmt.Println(f()))
package main

import "fmt"

type Level int

func (l Level) String() string { return "L" + fmt.Sprint(int(l)) }

type Opt[T any] struct{ v T }

func (o Opt[T]) Get() (T, bool) { return o.v, true }

type Box[T any] struct{ V T }

func f() (Level, error)     { return 3, nil }
func g() (Box[int], int8)   { return Box[int]{1}, 2 }
func h() (float64, []Level) { return 1.5, []Level{1} }

func main() {
	defer fmt.Println(f())
	n, err := fmt.Println(f())
	fmt.Println(n, err)
	fmt.Println(Opt[Level]{7}.Get())
	fmt.Print(fmt.Sprintln(Opt[Level]{8}.Get()))
	fmt.Println(h())
	fmt.Print(f())
	fmt.Println()
	s := fmt.Sprint(g())
	fmt.Println(s)
}
