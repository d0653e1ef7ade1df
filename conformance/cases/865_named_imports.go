package main

import (
	"errors"
	out "fmt"
	_ "os"
	str "strings"
	xsort "sort"
)

// Packages imported under names of the program's choosing, and one
// imported for its initialisation only.
type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

var errEmpty = errors.New("empty word")

func shout(words []string) (res string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = out.Errorf("shout: %v", r)
		}
	}()
	xsort.Sort(byLen(words))
	for _, w := range words {
		if w == "" {
			panic(errEmpty)
		}
	}
	return str.ToUpper(str.Join(words, " ")), nil
}

func main() {
	defer out.Println("done")
	out.Println(shout([]string{"defer", "go", "panic"}))
	_, err := shout([]string{"x", ""})
	out.Println(err, errors.Is(err, errEmpty))
	var b str.Builder
	out.Fprintf(&b, "%d-%s", 7, "up")
	out.Println(b.String(), xsort.IsSorted(byLen{"a", "bb"}))
}
