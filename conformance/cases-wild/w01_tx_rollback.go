// rule: issue9 (wild) a DB/Tx with defer tx.Rollback() and Commit, errors wrapped with %w
package main

import (
	"errors"
	"fmt"
)

var ErrTxDone = errors.New("sql: transaction has already been committed or rolled back")

type DB struct {
	name  string
	rows  map[string]int
	log   []string
}

type Tx struct {
	db      *DB
	pending map[string]int
	done    bool
}

func (db *DB) Begin() (*Tx, error) {
	db.log = append(db.log, "begin")
	return &Tx{db: db, pending: map[string]int{}}, nil
}

func (tx *Tx) Set(k string, v int) error {
	if tx.done {
		return ErrTxDone
	}
	if v < 0 {
		return fmt.Errorf("set %q: negative value %d", k, v)
	}
	tx.pending[k] = v
	return nil
}

func (tx *Tx) Commit() error {
	if tx.done {
		return ErrTxDone
	}
	for k, v := range tx.pending {
		tx.db.rows[k] = v
	}
	tx.done = true
	tx.db.log = append(tx.db.log, "commit")
	return nil
}

func (tx *Tx) Rollback() error {
	if tx.done {
		return ErrTxDone
	}
	tx.done = true
	tx.db.log = append(tx.db.log, "rollback")
	return nil
}

func transfer(db *DB, from, to string, amount int) (err error) {
	tx, err := db.Begin()
	if err != nil {
		return fmt.Errorf("transfer: %w", err)
	}
	defer func() {
		if rerr := tx.Rollback(); rerr != nil && !errors.Is(rerr, ErrTxDone) {
			err = errors.Join(err, rerr)
		}
	}()
	if err := tx.Set(from, db.rows[from]-amount); err != nil {
		return fmt.Errorf("transfer %s->%s: %w", from, to, err)
	}
	if err := tx.Set(to, db.rows[to]+amount); err != nil {
		return fmt.Errorf("transfer %s->%s: %w", from, to, err)
	}
	return tx.Commit()
}

func main() {
	db := &DB{name: "bank", rows: map[string]int{"alice": 100, "bob": 20}}
	fmt.Println(transfer(db, "alice", "bob", 30))
	fmt.Println(transfer(db, "bob", "alice", 80))
	fmt.Println("alice:", db.rows["alice"], "bob:", db.rows["bob"])
	fmt.Println(db.log)
	tx, _ := db.Begin()
	tx.Commit()
	if err := tx.Rollback(); errors.Is(err, ErrTxDone) {
		fmt.Println("second rollback:", err)
	}
}
