// A file whose //go:build line implies go1.21 has Go 1.21's language:
// a for loop's variables are one per loop, not one per iteration, so
// closures, deferred closures, pointers and method values taken in the
// loop all see the variable's last value.

//go:build go1.21

package main

import (
	"fmt"
	"sort"
)

type I int

func (x *I) get() int { return int(*x) }

func threeClause() {
	var fs []func() int
	var ps []*int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
		ps = append(ps, &i)
		defer fmt.Println("deferred arg", i)
		defer func() { fmt.Println("deferred closure", i) }()
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println(ps[0] == ps[2], *ps[0])
}

func ranges() {
	var fs []func() string
	for i, v := range []string{"a", "b", "c"} {
		fs = append(fs, func() string { return fmt.Sprint(i, v) })
	}
	for k, r := range "xé" {
		fs = append(fs, func() string { return fmt.Sprint(k, string(r)) })
	}
	var arr [2][2]int
	arr[1][1] = 7
	for _, a := range arr {
		fs = append(fs, func() string { return fmt.Sprint(a) })
	}
	m := map[string]int{"one": 1, "two": 2}
	var keys []*string
	for k := range m {
		keys = append(keys, &k)
	}
	fmt.Println(len(keys), keys[0] == keys[1])
	for _, f := range fs {
		fmt.Print(f(), "; ")
	}
	fmt.Println()
}

func methods() {
	var ms []func() int
	for _, i := range []I{1, 2, 3} {
		ms = append(ms, i.get)
	}
	for _, m := range ms {
		fmt.Print(m(), " ")
	}
	fmt.Println()
}

func channel() {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	close(ch)
	var got []*int
	for v := range ch {
		got = append(got, &v)
	}
	fmt.Println(got[0] == got[2], *got[0])
}

func sharedThenReset() {
	// A closure that writes the variable changes the loop itself.
	n := 0
	for i := 0; i < 10; i++ {
		bump := func() { i += 3 }
		bump()
		n++
	}
	fmt.Println("iterations", n)
	var ss []string
	for _, s := range []string{"p", "q"} {
		defer func() { ss = append(ss, s); sort.Strings(ss); fmt.Println(ss) }()
	}
}

func main() {
	threeClause()
	ranges()
	methods()
	channel()
	sharedThenReset()
}
