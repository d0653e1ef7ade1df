// blocker: BUG op= and ++/-- on a map, slice or array element whose type is not int (int8, uint8, rune, float64, a named int) rejected: "operator + not defined on float64", "(non-numeric type uint8)"; on locals and fields they work
// uses: (?!)
package main

import "fmt"

func main() {
	f, u, r := map[string]float64{}, []uint8{0}, [1]rune{'a'}
	f["x"] += 1.5
	u[0]--
	r[0]++
	fmt.Println(f, u, r)
}
