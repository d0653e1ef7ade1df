// rule: Go's evaluation order where the written order and the storage order
// differ: a keyed struct literal evaluates its elements in source order
// (not field order); in an assignment the operands of index expressions and
// pointer indirections on the left are evaluated left to right, before the
// right-hand side, whatever kinds of target are mixed; the assignments are
// then made left to right, so a panic storing into a nil map leaves the
// targets before it assigned and those after it not.
package main

import "fmt"

var trace string

func t(s string, v int) int { trace += s; return v }
func key(s string) string   { trace += s; return s }
func ptr(s string) *int     { trace += s; return new(int) }
func pair() (int, int)      { trace += "R"; return 1, 2 }

type Box struct{ a, b, c int }

func box(s string) *Box { trace += s; return &Box{} }

func main() {
	b := Box{c: t("c", 3), a: t("a", 1), b: t("b", 2)}
	p := &Box{b: t("B", 5)}
	fmt.Println(b, *p, trace)

	m := map[string]int{}
	s := []int{0, 0, 0}
	trace = ""
	m[key("k")], *ptr("p") = pair()
	fmt.Println(trace, m)
	trace = ""
	*ptr("p"), m[key("j")], s[t("i", 1)] = t("x", 7), t("y", 8), t("z", 9)
	fmt.Println(trace, m["j"], s)
	trace = ""
	box("b").a, s[t("i", 2)] = pair()
	fmt.Println(trace, s)

	defer func() {
		fmt.Println("recovered:", recover(), trace, m, s)
	}()
	trace = ""
	var nilMap map[string]int
	s[0], nilMap[key("n")], m[key("late")] = t("v", 4), t("w", 5), t("u", 6)
}
