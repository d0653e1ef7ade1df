package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

func report(dir string) (err error) {
	f, err := os.Create(dir + "/r.txt")
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(w, "line %d\n", i)
	}
	w.WriteString("\r\nlast without newline")
	return nil
}

func main() {
	dir, err := os.MkdirTemp("", "bufio-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	fmt.Println(report(dir))
	f, err := os.Open(dir + "/r.txt")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text())
	}
	fmt.Println("err:", sc.Err())
	f.Seek(0, io.SeekStart)
	r := bufio.NewReader(f)
	for {
		s, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", s, err)
		if err != nil {
			break
		}
	}
	f.Seek(0, io.SeekStart)
	all, err := io.ReadAll(f)
	fmt.Println(len(all), err)
	f.Seek(0, io.SeekStart)
	c := &counter{}
	k, err := io.Copy(c, f)
	fmt.Println(k, err, c.n)
	var w io.Writer = upper{os.Stdout}
	io.WriteString(w, "shout\n")
	fmt.Fprintln(w, "and", 2)
	bw := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(bw, "buffered first")
	fmt.Println("direct")
	bw.Flush()
	var rc io.ReadCloser = f
	fmt.Println(rc.Close(), rc.Close() != nil)
}
