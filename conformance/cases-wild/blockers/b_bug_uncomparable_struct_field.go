// blocker: BUG == on structs (or arrays) whose interface field holds an uncomparable value must panic: "runtime error: comparing uncomparable type []int"
// uses: (?!)
package main

import "fmt"

type T struct{ F any }

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(T{1} == T{1}, T{[]int{1}} == T{1})
	fmt.Println(T{[]int{1}} == T{[]int{1}})
}
