// rule: issue9 (wild) resources closed with defer inside a loop body closure vs at function end
package main

import (
	"fmt"
	"strings"
)

type File struct {
	name   string
	closed bool
}

var opened []*File

func Open(name string) (*File, error) {
	if strings.HasSuffix(name, ".bad") {
		return nil, fmt.Errorf("open %s: no such file or directory", name)
	}
	f := &File{name: name}
	opened = append(opened, f)
	fmt.Printf("open  %-10s (open now: %d)\n", name, countOpen())
	return f, nil
}

func (f *File) Close() error {
	if f.closed {
		return fmt.Errorf("close %s: file already closed", f.name)
	}
	f.closed = true
	fmt.Printf("close %-10s\n", f.name)
	return nil
}

func countOpen() int {
	n := 0
	for _, f := range opened {
		if !f.closed {
			n++
		}
	}
	return n
}

func processAll(names []string) error {
	for _, n := range names {
		f, err := Open(n)
		if err != nil {
			return err
		}
		defer f.Close()
	}
	fmt.Println("all opened, still open:", countOpen())
	return nil
}

func processEach(names []string) (n int, err error) {
	for i, name := range names {
		err = func() error {
			f, err := Open(name)
			if err != nil {
				return fmt.Errorf("item %d: %w", i, err)
			}
			defer f.Close()
			n++
			return nil
		}()
		if err != nil {
			return
		}
	}
	return
}

func main() {
	names := []string{"a.txt", "b.txt", "c.txt"}
	fmt.Println("processAll:", processAll(names))
	fmt.Println("open after processAll:", countOpen())
	n, err := processEach([]string{"x.txt", "y.bad", "z.txt"})
	fmt.Println("processEach:", n, err)
	fmt.Println("open at end:", countOpen())
	f := opened[0]
	fmt.Println(f.Close())
}
