package main

import (
	"fmt"
	"io"
	"os"
)

// Results of a multi-valued call that become interface values: a
// `return f()` and an `a, b = f()` convert each result as Go does, so a
// nil *T becomes a non-nil interface and a deferred Close through it
// reaches the method.

type C interface{ Close() error }

type T struct{ n string }

func (t *T) Close() error {
	if t == nil {
		fmt.Println("close on nil *T")
		return nil
	}
	fmt.Println("close", t.n)
	return nil
}

func mk(n string) (*T, error) {
	if n == "" {
		return nil, fmt.Errorf("no name")
	}
	return &T{n}, nil
}

func wrap(n string) (C, error) { return mk(n) }

func openCloser(p string) (io.Closer, error) { return os.Open(p) }

func use(n string) (err error) {
	c, err := wrap(n)
	fmt.Printf("wrap(%q): nil interface=%v err=%v\n", n, c == nil, err)
	defer c.Close()
	return err
}

func main() {
	fmt.Println(use("a"))
	fmt.Println(use(""))

	c, err := openCloser("no-such-file.txt")
	fmt.Println(c == nil, err)
	defer func() {
		fmt.Println("recovered:", recover() != nil)
	}()

	var x C
	var e error
	x, e = mk("assigned")
	defer x.Close()
	fmt.Println(e)
	var y C
	y, _ = mk("blank")
	defer y.Close()
	var z C
	z, _ = &T{"list"}, 1
	defer z.Close()
	var w C
	w, _ = mk("")
	fmt.Println("w == nil:", w == nil)
	defer w.Close()
}
