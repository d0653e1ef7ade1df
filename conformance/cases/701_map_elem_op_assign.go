// m[k] op= v and m[k]++ on a missing key read the element type's zero
// value (string, float64, float32, int8, uint8, int), evaluate the map,
// the key and then v once, panic on a nil map after evaluating v, and do
// the same inside deferred closures, also while a panic unwinds
package main

import "fmt"

func main() {
	groups := map[string]string{}
	for _, w := range []string{"apple", "avocado", "banana"} {
		groups[w[:1]] += w + ","
	}
	fmt.Println(groups)

	mf := map[string]float64{}
	mf["a"] += 1.5
	mf["b"]++
	mf["c"]--
	mf["a"] *= 3
	mf["d"] /= 2
	m32 := map[string]float32{}
	m32["q"] += 0.1
	m32["q"] += 0.2
	mi8 := map[int]int8{}
	mi8[1] += 127
	mi8[1]++
	mu8 := map[int]uint8{}
	mu8[1]--
	mi := map[int]int{}
	mi[3]++
	mi[4] += 5
	fmt.Println(mf, m32["q"], mi8, mu8, mi)

	// The map and key once, the right-hand side before the element read.
	keys := 0
	key := func() string { keys++; return "k" }
	m := map[string]string{"k": "x"}
	m[key()] += func() string { m["k"] = "Z"; return "r" }()
	n := map[string]float64{"a": 1}
	n["a"] += func() float64 { n["a"] = 100; return 1 }()
	fmt.Println(m, n, keys)

	var nilm map[string]string
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		nilm["x"] += func() string { fmt.Println("rhs first"); return "y" }()
	}()

	log := map[string]string{}
	count := map[string]float64{}
	func() {
		defer func() {
			r := recover()
			log["recover"] += fmt.Sprint(r)
			count["defers"]++
		}()
		defer func() {
			log["unwind"] += "second;"
			count["defers"] += 0.5
		}()
		log["run"] += "body;"
		panic("boom")
	}()
	fmt.Println(log, count)
}
