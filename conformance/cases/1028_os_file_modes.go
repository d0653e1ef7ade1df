package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.ModePerm, os.ModeDir|0o755, os.ModePerm&0o640)
	fmt.Printf("%T %o %v\n", os.ModePerm, os.ModePerm, os.ModeDir.IsDir())
	var m os.FileMode = 0o604
	fmt.Println(m, m.Perm(), m.IsDir(), m.IsRegular(), (m | os.ModeDir).IsRegular())
	dir, err := os.MkdirTemp("", "modes")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	fi, err := os.Stat(dir)
	fmt.Println(fi.Mode().IsDir(), fi.Mode()&os.ModeDir != 0, fi.Mode().Perm()&0o700, err)
}
