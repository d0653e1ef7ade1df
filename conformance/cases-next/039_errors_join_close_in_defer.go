// rule: A6, A1; issue9 errors.Join of the body's error and a deferred Close error (named result)
package main

import (
	"errors"
	"fmt"
)

type resource struct {
	name     string
	failOpen bool
	failStop bool
}

func (r *resource) Close() error {
	fmt.Println("closing", r.name)
	if r.failStop {
		return errors.New("close " + r.name + " failed")
	}
	return nil
}

func use(r *resource) (err error) {
	defer func() {
		err = errors.Join(err, r.Close())
	}()
	if r.failOpen {
		return errors.New("use " + r.name + " failed")
	}
	return nil
}

func main() {
	cases := []*resource{
		{name: "ok"},
		{name: "bad-use", failOpen: true},
		{name: "bad-close", failStop: true},
		{name: "both", failOpen: true, failStop: true},
	}
	for _, r := range cases {
		err := use(r)
		fmt.Printf("%s: nil=%t\n%v\n", r.name, err == nil, err)
	}
	j := errors.Join(nil, nil)
	fmt.Println(j == nil)
	sentinel := errors.New("sentinel")
	fmt.Println(errors.Is(errors.Join(errors.New("x"), sentinel), sentinel))
}
