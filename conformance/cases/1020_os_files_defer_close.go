package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

var dir string

// show prints an error with the temporary directory's name replaced.
func show(what string, err error) {
	s := fmt.Sprint(err)
	fmt.Println(what+":", strings.ReplaceAll(s, dir, "DIR"))
}

// write creates a file and closes it in a deferred call that reports the
// close error through the named result.
func write(name string, lines ...string) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for _, l := range lines {
		if _, err := f.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(f, "lines=%d\n", len(lines))
	return err
}

// count reads a file in small pieces until io.EOF; the file is closed by
// a deferred method value.
func count(name string) (int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	buf := make([]byte, 5)
	total := 0
	for {
		n, err := f.Read(buf)
		total += n
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// closeTwice shows Go's error for a second Close.
func closeTwice(name string) {
	f, err := os.Open(name)
	if err != nil {
		show("open", err)
		return
	}
	defer func() {
		err := f.Close()
		show("deferred close", err)
		fmt.Println("is ErrClosed:", errors.Is(err, os.ErrClosed))
		_, err = f.Write([]byte("x"))
		show("write after close", err)
		_, err = f.Read(make([]byte, 1))
		show("read after close", err)
	}()
	show("first close", f.Close())
}

// panicking holds an open file when it panics: the deferred Close still
// runs, before the recover in main's deferred call.
func panicking(name string) {
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	defer func() {
		fmt.Println("closing while panicking:", f.Close())
	}()
	f.WriteString("partial")
	panic("disk full (simulated)")
}

func main() {
	var err error
	dir, err = os.MkdirTemp("", "minigo-files-*")
	if err != nil {
		fmt.Println("mkdirtemp:", err)
		return
	}
	defer func() {
		fmt.Println("removeall:", os.RemoveAll(dir))
		_, err := os.Stat(dir)
		fmt.Println("gone:", os.IsNotExist(err))
	}()
	name := dir + "/a.txt"
	fmt.Println("write:", write(name, "alpha", "beta", "gamma"))
	data, err := os.ReadFile(name)
	fmt.Printf("readfile: %q %v\n", data, err)
	n, err := count(name)
	fmt.Println("count:", n, err)
	closeTwice(name)

	_, err = os.Open("nope.txt")
	show("open missing", err)
	fmt.Println(os.IsNotExist(err), errors.Is(err, os.ErrNotExist), errors.Is(err, os.ErrExist))
	var pe *os.PathError
	if errors.As(err, &pe) {
		fmt.Printf("%T op=%s path=%s err=%v (%T)\n", pe, pe.Op, pe.Path, pe.Err, pe.Err)
	}

	fi, err := os.Stat(name)
	fmt.Println("stat:", fi.Name(), fi.Size(), fi.IsDir(), err)
	fi, err = os.Stat(dir)
	fmt.Println("stat dir:", fi.IsDir(), fi.Mode().IsDir(), err)

	err = os.Mkdir(dir, 0o755)
	show("mkdir existing", err)
	fmt.Println(os.IsExist(err), errors.Is(err, os.ErrExist))
	fmt.Println("mkdirall:", os.MkdirAll(dir+"/x/y/z", 0o755))
	show("mkdirall over file", os.MkdirAll(name, 0o755))
	show("remove missing", os.Remove(dir+"/zz"))
	show("remove non-empty", os.Remove(dir+"/x"))

	_, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	show("create exclusive", err)
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err == nil {
		f.WriteString("appended\n")
		f.Close()
	}
	fmt.Println("writefile:", os.WriteFile(dir+"/b.txt", []byte("0123456789"), 0o644))
	g, _ := os.Open(dir + "/b.txt")
	pos, err := g.Seek(-4, io.SeekEnd)
	buf := make([]byte, 10)
	k, _ := g.Read(buf)
	fmt.Println("seek:", pos, err, string(buf[:k]))
	_, err = g.Write([]byte("no"))
	show("write to read-only", err)
	g.Close()
	data, _ = os.ReadFile(name)
	fmt.Printf("after append: %q\n", data)

	var nilFile *os.File
	fmt.Println("nil close:", nilFile.Close(), nilFile.Close() == os.ErrInvalid)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		panicking(dir + "/p.txt")
	}()
	data, _ = os.ReadFile(dir + "/p.txt")
	fmt.Printf("kept: %q\n", data)
}
