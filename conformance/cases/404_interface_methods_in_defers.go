// rule: A1, A3, A5; issue9 interfaces: deferred calls through interfaces dispatch on the dynamic type captured at the defer statement; promoted methods through embedding
package main

import "fmt"

type Closer interface{ Close() error }

type Named interface {
	Closer
	Name() string
}

type base struct{ name string }

func (b *base) Name() string { return b.name }

type File struct {
	base
	closed int
}

func (f *File) Close() error {
	f.closed++
	fmt.Println("close file", f.name, f.closed)
	return nil
}

type Conn struct{ *base }

func (c Conn) Close() error {
	fmt.Println("close conn", c.name)
	return fmt.Errorf("conn %s: already closed", c.name)
}

func use(c Closer) {
	defer c.Close()
	if n, ok := c.(Named); ok {
		fmt.Println("using", n.Name())
	}
	c = &File{base: base{"replacement"}}
	fmt.Println("c replaced after the defer")
}



func main() {
	f := &File{base: base{"a.txt"}}
	use(f)
	use(Conn{&base{"db"}})


	var c Closer = f
	defer func() {
		if err := c.Close(); err != nil {
			fmt.Println("error:", err)
		}
	}()
	c = Conn{&base{"late"}}
	fmt.Println("closed:", f.closed, f.Name())
}
