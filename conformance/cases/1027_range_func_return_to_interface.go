package main

import "fmt"

type C interface{ Close() error }
type T struct{ n string }

func (t *T) Close() error { fmt.Println("close", t.n); return nil }

func mk(n string) (*T, error) { return &T{n}, nil }

func seq(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func find() (C, error) {
	for i := range seq {
		defer fmt.Println("deferred", i)
		if i == 1 {
			return mk("from range")
		}
	}
	return nil, nil
}

func main() {
	c, err := find()
	fmt.Println(c == nil, err)
	fmt.Println(c.Close())
}
