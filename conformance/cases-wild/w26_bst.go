// rule: issue9 (wild) a binary search tree with pointer receivers, recursion, %v of pointers and nested structs
package main

import (
	"fmt"
	"strings"
)

type Tree struct {
	Left, Right *Tree
	Key         int
	Val         string
}

func (t *Tree) Insert(k int, v string) *Tree {
	if t == nil {
		return &Tree{Key: k, Val: v}
	}
	switch {
	case k < t.Key:
		t.Left = t.Left.Insert(k, v)
	case k > t.Key:
		t.Right = t.Right.Insert(k, v)
	default:
		t.Val = v
	}
	return t
}

func (t *Tree) Walk(f func(k int, v string)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Key, t.Val)
	t.Right.Walk(f)
}

func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.Left.Height(), t.Right.Height())
}

func (t *Tree) String() string {
	if t == nil {
		return "()"
	}
	return fmt.Sprintf("(%v %d %v)", t.Left, t.Key, t.Right)
}

func (t *Tree) MustGet(k int) string {
	for t.Key != k {
		if k < t.Key {
			t = t.Left
		} else {
			t = t.Right
		}
	}
	return t.Val
}

func main() {
	var root *Tree
	for i, k := range []int{50, 30, 70, 20, 40, 60, 80, 30} {
		root = root.Insert(k, strings.Repeat("x", i))
	}
	var keys []string
	root.Walk(func(k int, v string) { keys = append(keys, fmt.Sprintf("%d:%s", k, v)) })
	fmt.Println(strings.Join(keys, " "))
	fmt.Println("height", root.Height())
	fmt.Println(root)
	leaf := Tree{Key: 1, Val: "one"}
	fmt.Printf("%v\n%+v\n", leaf, leaf)
	fmt.Println(root.MustGet(60))
	defer func() {
		fmt.Println("lookup failed:", recover())
	}()
	fmt.Println(root.MustGet(65))
}
