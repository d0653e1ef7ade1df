// rule: F1, F3, A2
package main

import "fmt"

var f0 func()
var f1 func()
var g0 func()
var g1 func()

func main() {
	for i := 0; i < 2; i++ {
		if i == 0 {
			f0 = func() { fmt.Println("per-iteration i =", i) }
		} else {
			f1 = func() { fmt.Println("per-iteration i =", i) }
		}
	}
	j := 0
	for j = 0; j < 2; j++ {
		if j == 0 {
			g0 = func() { fmt.Println("shared j =", j) }
		} else {
			g1 = func() { fmt.Println("shared j =", j) }
		}
	}
	defer f0()
	defer f1()
	defer g0()
	defer g1()
	f0 = nil
}
