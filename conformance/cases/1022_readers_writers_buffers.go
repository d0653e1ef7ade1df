package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// render writes into any io.Writer; the deferred call adds a trailer even
// when the body panics.
func render(w io.Writer, items []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render: %v", r)
		}
		fmt.Fprintln(w, "-- end --")
	}()
	for i, it := range items {
		if it == "" {
			panic(fmt.Sprintf("empty item %d", i))
		}
		fmt.Fprintf(w, "%02d %s\n", i, it)
	}
	return nil
}

func main() {
	var buf bytes.Buffer
	fmt.Println(render(&buf, []string{"a", "b"}))
	fmt.Println(render(&buf, []string{"c", ""}))
	fmt.Printf("%q %d\n", buf.String(), buf.Len())

	sc := bufio.NewScanner(strings.NewReader(buf.String()))
	for sc.Scan() {
		fmt.Println("line:", sc.Text())
	}
	fmt.Println(sc.Err())

	r := strings.NewReader("hello, reader")
	p := make([]byte, 6)
	for {
		n, err := r.Read(p)
		fmt.Printf("%d %q %v %d\n", n, p[:n], err, r.Len())
		if err == io.EOF {
			break
		}
	}
	data, err := io.ReadAll(strings.NewReader("all of it"))
	fmt.Println(string(data), err)
	var out bytes.Buffer
	n, err := io.Copy(&out, strings.NewReader("copied"))
	fmt.Println(n, err, out.String())
	b := bytes.NewBufferString("x\ny")
	for {
		line, err := b.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err != nil {
			break
		}
	}
	k, err := b.Read(make([]byte, 3))
	fmt.Println(k, err)
	var sb strings.Builder
	io.WriteString(&sb, "built")
	fmt.Fprintf(&sb, " %d", 1)
	fmt.Println(sb.String())
	br := bufio.NewReader(strings.NewReader("ab"))
	for {
		c, err := br.ReadByte()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(string(c))
	}
}
