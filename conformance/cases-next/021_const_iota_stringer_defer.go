// rule: A1, A6; issue9 named types, const blocks with iota, untyped constants, methods on named types
package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Stopped
	_
	Failed
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const big = 1 << 100
const ratio = big >> 98

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	case Stopped:
		return "stopped"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type Machine struct{ st State }

func (m *Machine) Run() (final State) {
	defer func() {
		if r := recover(); r != nil {
			final = Failed
		}
		fmt.Println("transition done:", m.st, "->", final)
	}()
	m.st = Running
	if m.st+1 == Stopped {
		panic("stop")
	}
	return Stopped
}

func main() {
	m := &Machine{}
	fmt.Println(m.st, Running, Failed, State(3))
	fmt.Println(m.Run())
	fmt.Println(KB, MB, GB, ratio)
	fmt.Printf("%v %d %s %T\n", Stopped, Stopped, Stopped, Stopped)
	const typed int8 = 100
	fmt.Println(typed/3, typed%7, 7/2.0)
}
