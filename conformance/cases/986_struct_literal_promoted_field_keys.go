package main

import (
	"errors"
	"fmt"
)

// Go 1.27: a keyed struct literal may name fields promoted from embedded
// structs (at any depth, not through an embedded pointer). The embedded
// values are built from those keys, the rest of their fields zero, and
// their methods are promoted as usual: here deferred as method values.

type Log struct {
	Prefix string
	Lines  []string
}

func (l *Log) Add(s string) { l.Lines = append(l.Lines, l.Prefix+s) }

type Resource struct {
	Log
	Name string
	Err  error
}

func (r *Resource) Close() {
	r.Add("close " + r.Name)
	if e := recover(); e != nil {
		r.Err = fmt.Errorf("closed after panic: %v", e)
	}
}

type Deep struct {
	Resource
	Level int
}

func use(r *Resource, fail bool) {
	defer r.Close()
	r.Add("use " + r.Name)
	if fail {
		panic(errors.New("boom"))
	}
}

func main() {
	r := &Resource{Prefix: "> ", Name: "db"}
	use(r, false)
	fmt.Printf("%q %v\n", r.Lines, r.Err)

	d := Deep{Prefix: "deep: ", Name: "cache", Level: 2}
	use(&d.Resource, true)
	fmt.Printf("%q %v %d\n", d.Lines, d.Err, d.Level)

	plain := Deep{Level: 1}
	fmt.Printf("%+v\n", plain)
	e := Deep{Lines: []string{"x"}, Err: errors.New("kept")}
	fmt.Printf("%q %v %q\n", e.Lines, e.Err, e.Prefix)
}
