package main

// gc converts to an interface at its place a value that is not addressable
// and whose conversion takes its address (not a 2/4/8-byte value, string or
// slice); a map literal is built at its place, constant entries first.

import "fmt"

type T struct {
	v int
	b int8
	c complex128
	f float32
	s string
}

func (t *T) m(k int) int { t.v += 10 * k; t.b += 10; t.c += 10; t.f += 10; t.s += "z"; return k }

type two struct{ A, B int }
type one struct{ A int }

func main() {
	x := &T{v: 1, b: 1, c: 1, f: 1, s: "a"}
	fmt.Println(x.b+1, x.m(1))
	fmt.Println(x.b, x.m(1))
	fmt.Println(x.c+1, x.m(1))
	fmt.Println(x.c, x.m(1))
	fmt.Println(x.f+1, x.m(1))
	fmt.Println(x.s+"", x.m(1))
	fmt.Println(two{x.v, 0}, x.m(1))
	fmt.Println(one{x.v}, x.m(1))
	fmt.Println([2]int{x.v, 0}, x.m(1))
	fmt.Println([1]int{x.v}, x.m(1))
	fmt.Println([]int{x.v}, x.m(1))
	fmt.Println(x.v+1, x.m(1))
	var e interface{}
	e = x.v == 1
	fmt.Println(e)
	fmt.Println(!(x.v == 1), x.m(1))
	fmt.Println(int8(x.v), x.m(1))
	fmt.Println(uint16(x.v), x.m(1))
	fmt.Println(two{x.v, 0} == two{x.v, 0}, x.m(1))
	fmt.Println(fmt.Sprint(x.v == 1, x.m(1)))
	h(x.v == 1, x.m(1))
	var ee interface{} = two{x.v, x.m(1)}
	fmt.Println(ee)
	k := "a"
	bumpk := func() int { k = "b"; return 9 }
	fmt.Println(map[string]int{k: 2, "a": 1}, map[string]int{"a": 1, k: 2})
	k = "a"
	fmt.Println(map[string]int{k: bumpk(), "b": 3, k: 4})
	k = "a"
	x.v = 1
	fmt.Println(map[string]int{k + "": x.v, "c": x.m(1) + x.v}, x.v)
	var s3 [3]int32
	idx := 0
	nexti := func() int { idx++; return 0 }
	fmt.Println([2]int32{s3[0], int32(idx)}, nexti(), [2]int64{int64(idx), 0}, nexti())
	str := "hey"
	fmt.Println(str[idx], nexti(), str[idx])
}

func h(a interface{}, b int) { fmt.Println("h", a, b) }
