// rule: A1, A2
package main

import "fmt"

func pick(name string) func(int) {
	fmt.Println("pick", name)
	return func(v int) { fmt.Println("run", name, "with", v) }
}

func val(v int) int {
	fmt.Println("val", v)
	return v
}

func main() {
	defer pick("f")(val(1))
	defer pick("g")(val(2) + val(3))
	fmt.Println("body done")
}
