package main

import "fmt"

func growth() {
	var s []int
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != last {
			fmt.Print(cap(s), " ")
			last = cap(s)
		}
	}
	fmt.Println(s[:3])
	b := make([]byte, 0, 5)
	last = cap(b)
	for i := 0; i < 100; i++ {
		b = append(b, 'x')
		if cap(b) != last {
			fmt.Print(cap(b), " ")
			last = cap(b)
		}
	}
	fmt.Println()
	ss := append([]string(nil), "a", "b", "c")
	fmt.Println(len(ss), cap(ss))
	big := append([]int{1, 2}, make([]int, 7)...)
	fmt.Println(len(big), cap(big))
}

func shared() {
	base := []int{1, 2, 3, 4, 5}
	head := base[:2]
	// The deferred call gets the slice header now, but shares the backing array.
	defer fmt.Println("deferred head:", head, len(head), cap(head))
	defer func(s []int) { fmt.Println("deferred arg:", s) }(base[1:3])
	head = append(head, 99)
	fmt.Println("base after append into capacity:", base)
	full := base[:2:2]
	full = append(full, 77)
	fmt.Println("3-index slice copies on append:", base, full, cap(full))
	n := copy(base, []int{7, 8})
	fmt.Println("copied", n, base)
	n = copy(base[3:], base)
	fmt.Println("overlapping copy", n, base)
	str := "hello"
	bs := make([]byte, 3)
	fmt.Println(copy(bs, str), string(bs))
}

func arrays() {
	var a [3]int
	b := a
	b[0] = 1
	defer fmt.Println("array copied at defer:", a, b)
	a[1] = 5
	p := [...]string{2: "c", 0: "a"}
	fmt.Println(len(p), p, p[1] == "")
	m := [2][2]int{{1, 2}, {3, 4}}
	m2 := m
	m2[1][0] = 9
	fmt.Println(m, m2, m == [2][2]int{{1, 2}, {3, 4}})
	s := a[:]
	s[2] = 7
	fmt.Println(a, s)
}

func main() {
	growth()
	shared()
	arrays()
}
