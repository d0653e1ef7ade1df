// rule: issue9 (wild) defer tx.Rollback() on a nil *Tx: the receiver is evaluated at the defer, the panic happens when it runs
package main

import (
	"errors"
	"fmt"
)

type Tx struct {
	id     int
	closed bool
}

func (t *Tx) Rollback() error {
	if t.closed {
		return errors.New("already closed")
	}
	t.closed = true
	fmt.Println("rolled back tx", t.id)
	return nil
}

func begin(fail bool) (*Tx, error) {
	if fail {
		return nil, errors.New("connection refused")
	}
	return &Tx{id: 7}, nil
}

func work(fail bool) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	tx, err := begin(fail)
	defer tx.Rollback() // bug: deferred before the error check
	if err != nil {
		return err
	}
	fmt.Println("working in tx", tx.id)
	return nil
}

func main() {
	fmt.Println("ok run:", work(false))
	fmt.Println("failing run:", work(true))
	var t *Tx
	defer fmt.Println("main deferred print runs")
	defer t.Rollback()
	fmt.Println("about to return from main")
}
