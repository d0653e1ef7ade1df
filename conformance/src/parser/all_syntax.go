package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

type (
	Celsius float64
	Alias   = int
	Point   struct {
		X, Y int `json:"x"`
		*Inner
		sync.Mutex
		name string
	}
	Inner struct{ v []map[string]*Point }
	Shape interface {
		Area() float64
		fmt.Stringer
	}
	Fn     func(a int, rest ...string) (n int, err error)
	RecvCh <-chan int
	SendCh chan<- []int
	Grid   [3][4]byte
)

const (
	A = iota * 10
	B
	C, D = iota, iota + 1
	E    = 'x' + 0x_1F + 0o17 + 0b101 + 017 + 1_000
	F    = 1.5e3 + .5 + 0x1p-2
	G    = `raw
string`
)

var (
	wg  sync.WaitGroup
	err error = errors.New("x")
	_   runtime.Error
)

func (p *Point) Area() float64 { return float64(p.X * p.Y) }
func (p Point) String() string  { return p.name }
func (Celsius) Nothing()         {}

type Number interface {
	~int | ~float64
}

type Stack[T any] struct {
	items []T
	Pair[string, T]
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func Sum[T Number, S ~[]T](xs S, more ...T) (total T) {
	defer func() { _ = recover() }()
	for _, x := range append(xs, more...) {
		total += x
	}
	return
}

func first[T any](xs []T, _ func(Stack[T], Pair[int, T]) (T, error)) T { return xs[0] }

func variadic(prefix string, xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func gen(yield func(int) bool) {
	for i := range 3 {
		if !yield(i) {
			return
		}
	}
}

func main() {
	p := &Point{X: 1, Y: 2, Inner: &Inner{}}
	q := Point{3, 4, nil, sync.Mutex{}, "q"}
	pts := []Point{{X: 1}, {2, 3, nil, sync.Mutex{}, ""}}
	ptrs := []*Point{{X: 1}, &Point{}}
	m := map[string][]int{"a": {1, 2}, "b": nil}
	arr := [...]int{1, 2, 5: 3}
	var g Grid
	g[1][2] = 'z'
	b := []byte("hi")
	r := []rune(strings.ToUpper("é"))
	f := (func())(nil)
	var sh Shape = p
	_, _, _, _, _, _, _, _ = q, pts, ptrs, arr, b, r, f, sh
	x := 7
	x <<= 2
	x >>= 1
	x &^= 3
	x |= 1
	x ^= 2
	x %= 5
	x &= ^0
	p.X++
	m["a"][0]--
	*(&x) = -x
	s := arr[1:2]
	s = arr[:2:3]
	s = s[:]
	_ = s
	y := x &^ 1 << 2 >> 1 % 3 | 4 ^ 5 & 6
	_ = y
	v, ok := m["c"]
	_, _ = v, ok
	var i any = p
	if pp, ok := i.(*Point); ok && pp != nil {
		fmt.Println(pp.X)
	}
	switch t := i.(type) {
	case nil:
	case *Point, Point:
		_ = t
	case interface{ Area() float64 }:
	default:
	}
	switch z := x % 3; z {
	case 0, 1:
		fallthrough
	case 2:
	default:
	}
	switch {
	case x > 0:
	}
	ch := make(chan int, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		ch <- 1
	}()
	select {
	case v := <-ch:
		_ = v
	case v, ok := <-ch:
		_, _ = v, ok
	case ch <- 2:
	case <-done:
	default:
	}
	<-done
outer:
	for i := 0; i < 3; i++ {
		for j := range 3 {
			if j == 1 {
				continue outer
			}
			if j == 2 {
				break outer
			}
		}
	}
	for range 2 {
	}
	for k := range m {
		_ = k
	}
	var k2 string
	var v2 []int
	for k2, v2 = range m {
	}
	_, _ = k2, v2
	for v := range gen {
		defer fmt.Println(v)
	}
	n := 0
loop:
	if n < 2 {
		n++
		goto loop
	}
	fmt.Println(variadic("a", 1, 2), variadic("b", []int{1, 2}...))
	wg.Add(1)
	go func(n int) { defer wg.Done() }(1)
	wg.Wait()
	func() {}()
	var fn Fn = func(a int, rest ...string) (int, error) { return a, nil }
	_ = fn
	for i := 0; i < len(pts); i++ {
	}
	if x := (Point{}); x.X == 0 {
	}
	for _, p := range []Point{{X: 1}} {
		_ = p
	}
	_ = struct{ a, b int }{1, 2}
	_ = map[Point]string{{X: 1}: "a"}
	_ = new(int)
	_ = len(G) + A + B + C + D + E
	_ = F
	_ = Alias(1)
	_ = Celsius(1)
	var st Stack[float64]
	st.Push(Sum([]float64{1.5}, 2))
	defer st.Push(float64(Sum[int]([]int{1})))
	_ = first[string]
	_ = first([]int{1}, nil)
	_ = Pair[int, string]{1, "a"}
}
