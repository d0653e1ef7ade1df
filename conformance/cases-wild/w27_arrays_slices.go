// rule: issue9 (wild) arrays are values, slices share backing arrays: append aliasing, copy, full slice expressions
package main

import "fmt"

func modifyArr(a [3]int) { a[0] = 100 }
func modifySl(s []int)   { s[0] = 100 }

func main() {
	arr := [3]int{1, 2, 3}
	modifyArr(arr)
	fmt.Println("array after call:", arr)
	sl := []int{1, 2, 3}
	modifySl(sl)
	fmt.Println("slice after call:", sl)

	a := make([]int, 3, 10)
	b := append(a, 4)
	c := append(a, 5)
	fmt.Println(a, b, c, len(b), cap(b))

	d := a[:2:2]
	e := append(d, 99)
	e[0] = -1
	fmt.Println(a, d, e, cap(d), cap(e) >= 3)

	src := []string{"a", "b", "c", "d"}
	dst := make([]string, 2)
	n := copy(dst, src)
	fmt.Println(n, dst)
	n = copy(src[1:], src)
	fmt.Println(n, src)

	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	g2 := grid
	g2[1][2] = 60
	fmt.Println(grid, g2, grid == [2][3]int{{1, 2, 3}, {4, 5, 6}})

	var nilSl []int
	empty := []int{}
	fmt.Println(nilSl == nil, empty == nil, len(nilSl), cap(empty))
	nilSl = append(nilSl, 1)
	fmt.Printf("%v %d %T\n", nilSl, len(nilSl), nilSl)

	stack := []int{}
	for i := 0; i < 5; i++ {
		stack = append(stack, i*i)
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		fmt.Print(top, " ")
	}
	fmt.Println()
	bs := []byte("hello")
	bs[0] = 'H'
	fmt.Println(string(bs), bs, len("héllo"), len([]rune("héllo")))
	s := []int{0, 1, 2, 3, 4, 5}
	s = append(s[:2], s[3:]...)
	fmt.Println(s, len(s), cap(s))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(s[:cap(s)+1])
}
