package main

// fmt calls String/Error on exported struct fields (a nil *T too), at any
// depth, and on map values; not on unexported fields.

import (
	"errors"
	"fmt"
)

type State int

func (s State) String() string { return [...]string{"A", "B"}[int(s)] }

type Node struct {
	Val   int
	Left  *Node
	Right *Node
}

func (n *Node) String() string {
	if n == nil {
		return "()"
	}
	return fmt.Sprintf("(%v %d %v)", n.Left, n.Val, n.Right)
}

type Pair struct {
	S     State
	hid   State
	Err   error
	Inner struct{ T State }
	M     map[string]State
}

type Boom struct{}

func (Boom) String() string { panic("boom") }

type Holder struct{ B Boom; N *Node }

func main() {
	fmt.Println(Node{Val: 1, Left: &Node{Val: 0}})
	p := Pair{S: 1, hid: 1, Err: errors.New("e"), M: map[string]State{"x": 0, "y": 1}}
	p.Inner.T = 1
	fmt.Println(p)
	fmt.Printf("%v|%+v|%d\n", p, p, p.S)
	fmt.Println(map[string]State{"k": 1}, map[int]State(nil))
	fmt.Println(p.M["y"])
	defer func() {
		r := recover()
		fmt.Printf("recovered %v\n", r)
	}()
	defer fmt.Println("deferred", Holder{}, p)
	p.S = 0
	panic(fmt.Sprint(Holder{}))
}
