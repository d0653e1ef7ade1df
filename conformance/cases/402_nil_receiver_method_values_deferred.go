// rule: A1, A8, C2; issue9 defer tx.Rollback() on a nil *Tx: the receiver is evaluated at the defer statement, and a nil receiver panics only when the method dereferences it
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type Tx struct {
	id   int
	done bool
}

func (tx *Tx) Rollback() error {
	if tx == nil {
		fmt.Println("rollback: nil tx")
		return errors.New("nil tx")
	}
	fmt.Println("rollback", tx.id, "done:", tx.done)
	return nil
}

func (tx *Tx) ID() int { return tx.id }

func open(fail bool) (*Tx, error) {
	if fail {
		return nil, errors.New("open failed")
	}
	return &Tx{id: 1}, nil
}

func run(fail bool) {
	tx, err := open(fail)
	defer tx.Rollback()
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	tx.done = true
	tx = nil
	fmt.Println("tx set to nil after the defer")
}

func idOf(tx *Tx) {
	defer func() {
		r := recover()
		e, ok := r.(runtime.Error)
		fmt.Println("recovered runtime.Error:", ok, e)
	}()
	defer fmt.Println("deferred before the nil dereference")
	fmt.Println("id:", tx.ID())
}

func main() {
	run(true)
	run(false)
	idOf(&Tx{id: 7})
	idOf(nil)
	var tx *Tx
	f := tx.Rollback
	defer f()
	fmt.Println("main done")
}
