package main

import (
	"errors"
	"fmt"
	"runtime"
)

// Converting a slice to an array copies its first N elements; a slice
// shorter than N is a run-time error (a runtime.Error) that a deferred
// recover sees with Go's text.
type block [4]byte

type samples []float32

func header(b []byte) (h block, err error) {
	defer func() {
		if r := recover(); r != nil {
			var re runtime.Error
			if e, ok := r.(error); ok && errors.As(e, &re) {
				err = fmt.Errorf("short header: %w", re)
				return
			}
			panic(r)
		}
	}()
	return block(b), nil
}

func main() {
	buf := []byte("GOPHERS!")
	h, err := header(buf)
	buf[0] = 'g'
	fmt.Println(string(h[:]), err, string(buf[:4]))
	_, err = header(buf[5:])
	fmt.Println(err)
	var re runtime.Error
	fmt.Println(errors.As(err, &re))

	s := samples{0.5, 1.25, 2}
	pair := [2]float32(s)
	pair[1] = 9
	fmt.Println(pair, s, [0]string([]string(nil)), len([3]float32(s)))
	words := []string{"a", "b", "c"}
	for n := range 2 {
		w := [2]string(words[n:])
		fmt.Printf("%T %q\n", w, w)
	}
	defer fmt.Println("deferred before the crash")
	fmt.Println([4]string(words))
}
