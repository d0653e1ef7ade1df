// rule: E5, A8, B4
package main

import "fmt"

func transfer(amount int) {
	var rollback func()
	defer rollback()
	fmt.Println("transfer started")
	if amount > 100 {
		panic("insufficient funds")
	}
}

func main() {
	transfer(500)
}
