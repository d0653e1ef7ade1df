// rule: A1, A5; issue9 embedding with promoted fields and methods
package main

import "fmt"

type Closer struct {
	name   string
	closed int
}

func (c *Closer) Close() {
	c.closed++
	fmt.Println("close", c.name, c.closed)
}

func (c Closer) Describe() string { return "closer " + c.name }

type File struct {
	Closer
	size int
}

type Pipe struct {
	*Closer
	n int
}

func use(f *File) {
	defer f.Close()
	defer fmt.Println(f.Describe(), f.name, f.size)
	f.name = "renamed"
	fmt.Println("using", f.Closer.name)
}

func main() {
	f := &File{Closer: Closer{name: "a"}, size: 3}
	use(f)
	use(f)
	p := Pipe{Closer: &Closer{name: "pipe"}, n: 1}
	func() {
		defer p.Close()
		p.name = "pipe2"
	}()
	fmt.Println("closed counts:", f.closed, p.closed)
}
