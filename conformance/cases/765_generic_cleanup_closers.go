// rule: A1, A2, A3; issue9 generics: deferred cleanup in generic helpers — a lock held for a generic callback, deferred closes of io.Closer type parameters joined into a named error result in reverse order, a generic use-and-close helper, sync.OnceValue
package main

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

type File struct {
	name   string
	closed bool
}

func (f *File) Close() error {
	if f.closed {
		return errors.New(f.name + ": already closed")
	}
	f.closed = true
	fmt.Println("closed", f.name)
	return nil
}

func WithLock[T any](mu *sync.Mutex, f func() T) T {
	mu.Lock()
	defer mu.Unlock()
	return f()
}

func CloseAll[T io.Closer](cs ...T) (err error) {
	for i := len(cs) - 1; i >= 0; i-- {
		defer func(c T) {
			if e := c.Close(); e != nil {
				err = errors.Join(err, e)
			}
		}(cs[i])
	}
	return nil
}

func Use[T io.Closer](open func() (T, error), body func(T) error) (err error) {
	c, err := open()
	if err != nil {
		return err
	}
	defer func() {
		if cerr := c.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return body(c)
}

var once = sync.OnceValue(func() int { fmt.Println("computing"); return 42 })

func main() {
	var mu sync.Mutex
	n := 0
	for i := 0; i < 3; i++ {
		n = WithLock(&mu, func() int { return n + i })
	}
	fmt.Println(n)
	a, b := &File{name: "a"}, &File{name: "b"}
	fmt.Println(CloseAll(a, b))
	fmt.Println(CloseAll(a))
	err := Use(func() (*File, error) { return &File{name: "c"}, nil }, func(f *File) error {
		fmt.Println("using", f.name)
		return nil
	})
	fmt.Println(err, once(), once())
	var rc io.Closer = &File{name: "d"}
	fmt.Println(CloseAll(rc, rc))
}
