// rule: A1, A8; issue9 method values: `defer tx.Rollback()` on a nil *Tx evaluates the receiver at the defer statement and runs fine when the method checks for nil
package main

import (
	"errors"
	"fmt"
)

type Tx struct {
	id        int
	committed bool
}

func (tx *Tx) Rollback() error {
	if tx == nil {
		fmt.Println("rollback on nil tx: nothing to do")
		return errors.New("nil tx")
	}
	if tx.committed {
		fmt.Println("rollback after commit: no-op", tx.id)
		return nil
	}
	fmt.Println("rolled back", tx.id)
	return nil
}

func (tx *Tx) Commit() { tx.committed = true }

func begin(ok bool, id int) (*Tx, error) {
	if !ok {
		return nil, errors.New("cannot begin")
	}
	return &Tx{id: id}, nil
}

func work(ok, commit bool, id int) {
	tx, err := begin(ok, id)
	defer tx.Rollback()
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	if commit {
		tx.Commit()
	}
	fmt.Println("worked", id)
}

func main() {
	work(false, false, 1)
	work(true, false, 2)
	work(true, true, 3)
	var tx *Tx
	defer tx.Rollback()
	tx = &Tx{id: 9}
	fmt.Println("tx reassigned after defer; the deferred receiver is still nil")
}
