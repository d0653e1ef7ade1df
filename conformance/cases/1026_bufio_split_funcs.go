package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
)

// commaSplit is a custom split function: fields separated by commas.
func commaSplit(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexByte(data, ','); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// lineCounter holds its split function in a field of a declared func
// type, called as s.split(...).
type lineCounter struct {
	split bufio.SplitFunc
}

func (c *lineCounter) first(data string) string {
	_, tok, _ := c.split([]byte(data), true)
	return string(tok)
}

func count(name string, split bufio.SplitFunc) (n int, err error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer func() {
		fmt.Println("  closed:", f.Close())
	}()
	sc := bufio.NewScanner(f)
	sc.Split(split)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

func main() {
	sc := bufio.NewScanner(strings.NewReader("  the quick\tbrown\n\nfox  jumps\u00a0over\u3000lazy dogs "))
	sc.Split(bufio.ScanWords)
	var words []string
	for sc.Scan() {
		words = append(words, sc.Text())
	}
	fmt.Printf("%q %v\n", words, sc.Err())

	sc = bufio.NewScanner(strings.NewReader("a,b,,c"))
	sc.Split(commaSplit)
	for sc.Scan() {
		fmt.Printf("[%s]", sc.Text())
	}
	fmt.Println()

	sc = bufio.NewScanner(strings.NewReader("héllo"))
	sc.Split(bufio.ScanBytes)
	k := 0
	for sc.Scan() {
		k++
	}
	fmt.Println("bytes:", k)

	long := strings.Repeat("x", 100) + "\nshort\n"
	sc = bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(make([]byte, 16), 64)
	for sc.Scan() {
		fmt.Println("line", len(sc.Text()))
	}
	fmt.Println("too long:", sc.Err(), errors.Is(sc.Err(), bufio.ErrTooLong))

	dir, err := os.MkdirTemp("", "scan-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	name := dir + "/words.txt"
	os.WriteFile(name, []byte(strings.Repeat("one two three\n", 2000)), 0o600)
	fmt.Println(count(name, bufio.ScanLines))
	fmt.Println(count(name, bufio.ScanWords))

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		sc := bufio.NewScanner(strings.NewReader("x"))
		sc.Scan()
		sc.Split(bufio.ScanWords)
	}()
	fmt.Println(bufio.MaxScanTokenSize)
	lc := &lineCounter{split: bufio.ScanWords}
	v := lineCounter{split: commaSplit}
	fmt.Println(lc.first("  alpha beta"), v.first("x,y"))
}
