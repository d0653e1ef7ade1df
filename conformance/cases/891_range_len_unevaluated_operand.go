package main

import "fmt"

// len/cap of an array, or of a pointer to one, is a constant when the
// operand has no function call and no receive: the operand is then not
// evaluated. A range over such an operand with at most one iteration
// variable does not evaluate it either. With a call in the operand, or a
// second iteration variable, the operand is evaluated and a nil pointer
// faults.

type grid struct{ cells [3]string }

var missing *[4]int
var nobody *grid

func nilArray() *[4]int {
	fmt.Println("  nilArray called")
	return nil
}

func attempt(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "panicked:", r)
		}
	}()
	f()
	fmt.Println(label, "ok")
}

func main() {
	attempt("len(*missing)", func() { fmt.Println(len(*missing), cap(*missing)) })
	attempt("len(*nilArray())", func() { fmt.Println(len(*nilArray())) })
	attempt("len(nilArray())", func() { fmt.Println(len(nilArray())) })
	attempt("len(nobody.cells)", func() { fmt.Println(len(nobody.cells)) })
	attempt("len(*(*[2]int)(nil))", func() { fmt.Println(len(*(*[2]int)(nil))) })
	short := []int{1}
	attempt("len([2]int{short[5]})", func() { fmt.Println(len([2]int{short[5]})) })
	attempt("len([2]int{short[fn()]})", func() {
		fn := func() int { return 5 }
		fmt.Println(len([2]int{short[fn()]}))
	})

	attempt("range *missing", func() {
		n := 0
		for range *missing {
			n++
		}
		fmt.Println(n)
	})
	attempt("range *missing with i", func() {
		for i := range *missing {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	attempt("range nobody.cells with i", func() {
		for i := range nobody.cells {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	attempt("range *missing with i, _", func() {
		for i, _ := range *missing {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	attempt("range *missing with _, v", func() {
		for _, v := range *missing {
			fmt.Print(v, " ")
		}
		fmt.Println()
	})
	attempt("range missing with i, v", func() {
		for i, v := range missing {
			fmt.Print(i, v, " ")
		}
		fmt.Println()
	})
	attempt("range missing with i", func() {
		for i := range missing {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	attempt("range *nilArray() with i", func() {
		for i := range *nilArray() {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	attempt("range nilArray() with i", func() {
		for i := range nilArray() {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	var k int
	attempt("range *missing into k", func() {
		for k = range *missing {
		}
		fmt.Println(k)
	})
	ch := make(chan *[2]int, 1)
	ch <- nil
	attempt("len(<-ch)", func() { fmt.Println(len(<-ch)) })
}
