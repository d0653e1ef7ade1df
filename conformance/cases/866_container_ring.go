package main

import (
	"container/ring"
	"fmt"
)

// A ring buffer of recent events on container/ring: linking, unlinking,
// moving, and a zero Ring acting as a ring of one. A deferred call prints
// the ring when a visitor panics.
func dump(r *ring.Ring) string {
	s := ""
	r.Do(func(v any) { s += fmt.Sprint(v, ";") })
	return s
}

func visit(r *ring.Ring) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("visit stopped at %v of %d: %v", r.Value, r.Len(), p)
		}
	}()
	r.Do(func(v any) {
		if v == nil {
			panic("empty slot")
		}
		r = r.Next()
	})
	return nil
}

func main() {
	r := ring.New(4)
	for i := range r.Len() {
		r.Value = fmt.Sprintf("e%d", i)
		r = r.Next()
	}
	fmt.Println(dump(r), r.Len())
	gone := r.Move(1).Unlink(2)
	fmt.Println(dump(r), dump(gone), r.Prev().Value, r.Move(-3).Value)
	var one ring.Ring
	one.Value = "solo"
	fmt.Println(one.Len(), one.Next() == &one, one.Prev().Value, ring.New(-1) == nil)
	r.Link(&one)
	fmt.Println(dump(r), r.Len())
	fmt.Println(visit(r))
	r.Link(ring.New(2))
	fmt.Println(visit(r), r.Unlink(0) == nil)
}
