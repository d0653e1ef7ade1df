// blocker: BUG op= and ++/-- on a map element of a non-int numeric type rejected: "operator + not defined on float64", "u8["x"]-- (non-numeric type uint8)"
// uses: (?!)
package main

import "fmt"

func main() {
	f, u := map[string]float64{}, map[string]uint8{}
	f["x"] += 1.5
	u["x"]--
	fmt.Println(f, u)
}
