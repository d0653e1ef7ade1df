// rule: B1, A5, C4; issue9 range-over-func: a panic in the loop body unwinds through the iterator (its defers run) to the enclosing function
package main

import "fmt"

func items(yield func(int) bool) {
	defer fmt.Println("iterator defer runs during the panic")
	for i := 1; i <= 3; i++ {
		if !yield(i) {
			return
		}
	}
	fmt.Println("iterator end: unreachable")
}

func process() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered in enclosing function: %v", r)
		}
	}()
	for x := range items {
		defer fmt.Println("body defer for", x)
		if x == 2 {
			panic(fmt.Sprint("bad item ", x))
		}
	}
	return nil
}

func main() {
	fmt.Println(process())
}
