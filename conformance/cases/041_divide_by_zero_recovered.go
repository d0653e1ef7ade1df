// rule: B3, C4
package main

import "fmt"

func safeDiv(a int, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
			q = -1
		}
	}()
	q = a / b
	return q, nil
}

func main() {
	q, err := safeDiv(9, 3)
	fmt.Println(q, err)
	q, err = safeDiv(9, 0)
	fmt.Println(q, err)
	fmt.Println("err text:", err.Error())
}
