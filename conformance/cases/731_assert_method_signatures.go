// rule: a type implements an interface only when it has each method with
// the interface's signature: a method of the same name with other parameter
// or result types does not count, so the assertion to that interface fails
// (comma-ok false; else a panic "missing method Name" that a deferred
// recover can stop), and a type switch skips the case.
package main

import (
	"errors"
	"fmt"
)

type Small struct{}

func (*Small) Size() int8 { return 8 }

type Wide struct{}

func (Wide) Size() int64 { return 64 }

type Sizer8 interface{ Size() int8 }
type Sizer64 interface{ Size() int64 }
type Sizer interface{ Size() int }

type Texter interface{ Error() []byte }

func kind(x any) string {
	switch v := x.(type) {
	case Sizer:
		return fmt.Sprint("int ", v.Size())
	case Sizer64:
		return fmt.Sprint("int64 ", v.Size())
	case Sizer8:
		return fmt.Sprint("int8 ", v.Size())
	}
	return "none"
}

func main() {
	var s8 Sizer8 = &Small{}
	_, ok64 := s8.(Sizer64)
	_, ok8 := any(s8).(Sizer8)
	fmt.Println(ok64, ok8, kind(s8), kind(Wide{}), kind(3))

	var err error = errors.New("boom")
	_, isTexter := err.(Texter)
	_, isStringer := err.(fmt.Stringer)
	fmt.Println(isTexter, isStringer)

	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(s8.(Sizer).Size())
}
