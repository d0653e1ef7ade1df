package main

import (
	"errors"
	"fmt"
	"strings"
)

func pairs(yield func(int, string) bool) {
	defer fmt.Println("pairs done")
	for i, s := range []string{"a", "b", "c", "d"} {
		if !yield(i, s) {
			return
		}
	}
}

func f(n int) (res []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
outer:
	for i := 0; i < n; i++ {
		for k, v := range pairs {
			switch {
			case k == 1:
				continue
			case k == 2 && i == 1:
				continue outer
			case k == 3:
				break outer
			}
			defer func() { res = append(res, fmt.Sprint("d", i, k, v)) }()
			res = append(res, v)
		}
	}
	if n > 2 {
		var m map[string]int
		m["x"] = 1
	}
	return res, errors.New("plain")
}

func g() (s string) {
	defer func() { s = strings.ToUpper(s) }()
	for _, w := range strings.Fields(" go  is fun ") {
		switch w {
		case "is":
			defer func() { s += "!" }()
			fallthrough
		case "go":
			s += "[" + w + "]"
		default:
			s += w
		}
	}
	i := 0
again:
	if i < 2 {
		i++
		s += fmt.Sprint(i)
		goto again
	}
	return
}

func main() {
	for n := 1; n <= 3; n++ {
		r, err := f(n)
		fmt.Println(n, r, err)
	}
	fmt.Println(g())
	m := map[int][]int{}
	for i := range 5 {
		m[i%2] = append(m[i%2], i)
	}
	fmt.Println(m, len(m[0]), len(m[3]))
	arr := [3][]int{{1}, nil, {2, 3}}
	for i, s := range arr {
		fmt.Println(i, s, s == nil, len(s))
	}
	b := arr
	b[0][0] = 99
	b[1] = []int{7}
	fmt.Println(arr, b)
}
