package main

// The built-ins append, copy, delete, min and max given a call with
// several results as their whole argument list (Go's f(g()) rule), also
// deferred, and with a declared slice type.

import "fmt"

type IntList []int

var shared = map[string]int{"a": 1, "b": 2, "c": 3}

func grow() ([]string, string, string) { return []string{"x"}, "y", "z" }
func more() (IntList, int)             { return IntList{7}, 8 }
func buffers() ([]byte, string)        { return make([]byte, 3), "hello" }
func entry() (map[string]int, string)  { return shared, "b" }
func bounds() (float64, float64)       { return 2.5, -1 }
func ints() (int, int, int)            { return 4, 9, 1 }

func main() {
	defer func() { fmt.Println("after deferred delete:", len(shared), shared["a"], shared["c"]) }()
	defer delete(entry())
	fmt.Println(append(grow()))
	l := append(more())
	fmt.Printf("%T %v\n", l, l)
	fmt.Println(copy(buffers()))
	fmt.Println(min(bounds()), max(bounds()), min(ints()), max(ints()))
	delete(shared, "a")
	fmt.Println("before return:", len(shared))
}
