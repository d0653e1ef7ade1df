package main

import (
	"errors"
	"fmt"
)

// fmt shows each element, key and field of a composite by its own type:
// uint64 values above int64's range stay unsigned and float32 values keep
// their short form, at any depth, with every verb.
type reading struct {
	ID      uint64
	Samples []uint
	Scale   float32
	Window  [2]uint64
	Tags    map[uint32]uint64
}

type counter uint64

type grid [][]uint64

func check(r reading) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("bad reading %v: %v", r.Window, p)
		}
	}()
	if r.Window[0] > r.Window[1] {
		panic(fmt.Sprintf("window %d inverted", r.Window))
	}
	return nil
}

func main() {
	top := uint64(1<<64 - 1)
	half := uint64(1 << 63)
	ids := []uint64{top, half, 42}
	fmt.Println(ids, len(ids))
	fmt.Printf("%v|%d|%x|%X|%o|%b\n", ids, ids, ids, ids, ids, []uint64{half})
	fmt.Printf("%s %08d\n", ids, []uint{uint(top)})
	r := reading{ID: top, Samples: []uint{uint(half), 1}, Scale: 0.1,
		Window: [2]uint64{top, 1}, Tags: map[uint32]uint64{7: half}}
	fmt.Println(r)
	fmt.Printf("%+v\n%d\n", r, r)
	fmt.Println(&r, []*reading{nil})
	fmt.Println(map[uint64]float32{top: 0.25, 1: 0.1, half: 1e-7})
	fmt.Println(grid{{top}, {half, 3}}, [2]counter{counter(top), 9})
	fmt.Println([]float32{0.1, 2.5}, map[string][]float32{"k": {0.3}})
	fmt.Println([]any{top, float32(0.1), uint8(200)}, struct{ A, B uint64 }{top, 1})
	s := fmt.Sprint(ids, r.Window)
	fmt.Println(s, len(s))
	err := check(r)
	fmt.Println(err)
	fmt.Println(errors.Unwrap(err) == nil)
}
