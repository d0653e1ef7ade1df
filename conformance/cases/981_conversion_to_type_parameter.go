package main

import "fmt"

// A conversion T(x) to a type parameter converts to the type argument:
// slices to arrays (with the run-time length check, recoverable), strings
// to byte and rune slices and back, maps, funcs and channels to their
// declared types, and an integer to a string type (its code point).

type Pair [2]int
type Ints []int
type Name string
type Table map[string]int
type Op func(int) int

func toArray[T ~[2]int | ~[3]int](s []int) (t T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	t = T(s)
	return t, nil
}

func toSlice[T ~[]int](s []int) T                    { return T(s) }
func toBytes[T ~[]byte | ~[]rune](s string) T        { return T(s) }
func toString[T ~string, B ~[]byte | ~[]rune](b B) T { return T(b) }
func toTable[T ~map[string]int](m map[string]int) T  { return T(m) }
func toOp[T ~func(int) int](f func(int) int) T       { return T(f) }
func toChan[T ~chan int](c chan int) T               { return T(c) }
func fromCode[T ~string](c rune) T                   { return T(c) }

func main() {
	fmt.Println(toArray[[2]int]([]int{1, 2, 3}))
	fmt.Println(toArray[Pair]([]int{4, 5}))
	a, err := toArray[[3]int]([]int{6, 7})
	fmt.Println(a, err)
	s := []int{1, 2, 3}
	is := toSlice[Ints](s)
	is[0] = 100
	fmt.Println(s, is, len(is), cap(is))
	fmt.Println(toBytes[[]byte]("héllo"), toBytes[[]rune]("héllo"))
	fmt.Println(toString[Name]([]byte("abc")), toString[string]([]rune{'x', 'é'}))
	t := toTable[Table](map[string]int{"k": 1})
	t["j"] = 2
	fmt.Println(len(t), t["k"], t["j"])
	fmt.Println(toOp[Op](func(i int) int { return i * 3 })(5))
	c := make(chan int, 1)
	toChan[chan int](c) <- 9
	fmt.Println(<-c)
	fmt.Println(fromCode[Name]('Z'), fromCode[string](0x263a), fromCode[string](-1) == "\uFFFD")
	var r rune = 'Q'
	n := 66
	fmt.Println(Name(r), Name(n), Name('R'), Name(67))
	defer func() {
		e := recover()
		fmt.Println("recovered:", e)
		_, isRuntime := e.(interface{ RuntimeError() })
		fmt.Println("runtime error:", isRuntime)
	}()
	fmt.Println(toArray[[2]int](nil))
	var p Pair = Pair([]int{1})
	fmt.Println("not reached", p)
}
