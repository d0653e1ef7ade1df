// rule: issue9 (wild) an order state machine: iota states, a transition table map, panics on invalid transitions
package main

import (
	"errors"
	"fmt"
)

type State int

const (
	Created State = iota + 1
	Paid
	Shipped
	Delivered
	Cancelled
)

func (s State) String() string {
	return [...]string{"?", "Created", "Paid", "Shipped", "Delivered", "Cancelled"}[s]
}

var transitions = map[State][]State{
	Created: {Paid, Cancelled},
	Paid:    {Shipped, Cancelled},
	Shipped: {Delivered},
}

type TransitionError struct {
	From, To State
}

func (e TransitionError) Error() string {
	return fmt.Sprintf("invalid transition %v -> %v", e.From, e.To)
}

type Order struct {
	ID      int
	State   State
	History []State
}

func (o *Order) mustMove(to State) {
	for _, allowed := range transitions[o.State] {
		if allowed == to {
			o.History = append(o.History, o.State)
			o.State = to
			return
		}
	}
	panic(TransitionError{o.State, to})
}

func (o *Order) Apply(events ...State) (err error) {
	defer func() {
		if r := recover(); r != nil {
			var te TransitionError
			if e, ok := r.(error); ok && errors.As(e, &te) {
				err = fmt.Errorf("order %d: %w", o.ID, te)
				return
			}
			panic(r)
		}
	}()
	for _, ev := range events {
		o.mustMove(ev)
	}
	return nil
}

func main() {
	o1 := &Order{ID: 1, State: Created}
	fmt.Println(o1.Apply(Paid, Shipped, Delivered), o1.State, o1.History)
	o2 := &Order{ID: 2, State: Created}
	err := o2.Apply(Paid, Delivered)
	fmt.Println(err, o2.State, o2.History)
	var te TransitionError
	fmt.Println(errors.As(err, &te), te.From, te.To, te == TransitionError{Paid, Delivered})
	fmt.Printf("%v %d %s\n", Cancelled, Cancelled, Shipped)
	o3 := &Order{ID: 3}
	defer fmt.Println("o3 state:", o3.State)
	o3.Apply(Paid)
}
