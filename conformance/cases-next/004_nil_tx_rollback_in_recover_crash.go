// rule: E5, B4, B3; issue9 nil pointer receiver dereferenced in a recover block
package main

import "fmt"

type Tx struct{ done bool }

func (tx *Tx) Rollback() {
	tx.done = true
	fmt.Println("rolled back")
}

func transfer(amount int) {
	var tx *Tx
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			tx.Rollback()
		}
	}()
	if amount > 10 {
		panic("insufficient funds")
	}
	tx = &Tx{}
}

func main() {
	defer fmt.Println("main defer runs before the report")
	transfer(5)
	fmt.Println("first transfer ok")
	transfer(50)
	fmt.Println("unreachable")
}
