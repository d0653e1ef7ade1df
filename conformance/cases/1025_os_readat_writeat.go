package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// patch rewrites bytes in place at an offset; the deferred Close reports
// its error through the named result, and the position Seek reports is
// unchanged by WriteAt and ReadAt.
func patch(name string, off int64, with string) (err error) {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if _, err = f.Seek(2, io.SeekStart); err != nil {
		return err
	}
	n, err := f.WriteAt([]byte(with), off)
	pos, _ := f.Seek(0, io.SeekCurrent)
	fmt.Println("patched", n, "position still", pos)
	return err
}

func main() {
	dir, err := os.MkdirTemp("", "at-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	hide := func(err error) string { return strings.ReplaceAll(fmt.Sprint(err), dir, "DIR") }

	name := dir + "/data.bin"
	if err := os.WriteFile(name, []byte("0123456789"), 0o644); err != nil {
		panic(err)
	}
	fmt.Println("patch:", patch(name, 3, "abc"))
	fmt.Println("patch missing:", hide(patch(dir+"/none", 0, "x")))

	f, err := os.Open(name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	buf := make([]byte, 4)
	for _, off := range []int64{0, 4, 8, 10, 12} {
		n, err := f.ReadAt(buf, off)
		fmt.Printf("readat %d: %d %q %v\n", off, n, buf[:n], err)
	}
	_, err = f.ReadAt(buf, -1)
	fmt.Println("negative:", hide(err))
	_, err = f.WriteAt([]byte("x"), 0)
	fmt.Println("writeat read-only:", hide(err))

	a, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		panic(err)
	}
	defer a.Close()
	_, err = a.WriteAt([]byte("x"), 0)
	fmt.Println("writeat append:", err)
	_, err = a.WriteString("!")
	fmt.Println("append:", err)
	data, _ := os.ReadFile(name)
	fmt.Printf("%q\n", data)
}
