package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	for _, p := range []string{"", ".", "/", "a/b/../c", "/../x", "../../a/./b/", "a//b", "/a/b/c/../../..", "..", "a/..", "abc/def/../../../g"} {
		fmt.Printf("%q clean=%q base=%q dir=%q ext=%q abs=%v\n", p, filepath.Clean(p), filepath.Base(p), filepath.Dir(p), filepath.Ext(p), filepath.IsAbs(p))
	}
	fmt.Println(filepath.Join("a", "", "b/", "../c.txt"), filepath.Join(), filepath.Join("", ""), filepath.Join("/", "x"))
	parts := []string{"x", "y", "z.go"}
	fmt.Println(filepath.Join(parts...), filepath.Ext(filepath.Join(parts...)))

	dir, err := os.MkdirTemp("", "fp")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "sub", "f.txt")
	fmt.Println(os.MkdirAll(filepath.Dir(name), 0o755))
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	defer func() {
		fmt.Println("close:", f.Close())
		fi, err := os.Stat(name)
		fmt.Println(fi.Name(), fi.Size(), err)
	}()
	fmt.Fprintf(f, "in %s\n", filepath.Base(filepath.Dir(name)))
	fmt.Println(strings.HasPrefix(f.Name(), dir))
}
