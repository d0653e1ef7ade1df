package main

import "fmt"

// A struct type's field tags are part of its identity: a type switch or
// assertion tells tagged and untagged struct types apart, a failed
// assertion's panic (recovered by a deferred call) names the tags as Go
// spells them, and %T prints them. Conversions ignore tags.

type Wire struct {
	ID   int    `json:"id"`
	Name string `json:"name,omitempty"`
}

type Plain struct {
	ID   int
	Name string
}

func kind(x any) string {
	switch x.(type) {
	case struct {
		N int `k:"v"`
	}:
		return "tagged"
	case struct{ N int }:
		return "plain"
	}
	return "other"
}

func assertPlain(x any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	_ = x.(struct{ N int })
	return nil
}

func main() {
	var tagged any = struct {
		N int `k:"v"`
	}{1}
	var plain any = struct{ N int }{2}
	fmt.Println(kind(tagged), kind(plain))
	fmt.Printf("%T\n%T\n", tagged, plain)
	fmt.Printf("%T\n", struct {
		X int `a:"1" b:"tab\tquote\"" c:"back\\slash"`
	}{})
	fmt.Println(assertPlain(plain))
	fmt.Println(assertPlain(tagged))

	w := Wire{7, "seven"}
	p := Plain(w)
	pp := (*Plain)(&w)
	pp.Name = "changed"
	fmt.Println(p, w, struct {
		ID   int
		Name string
	}(w))
	fmt.Printf("%+v %T\n", p, p)
}
