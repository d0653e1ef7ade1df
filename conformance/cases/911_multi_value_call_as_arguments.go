package main

// A call with several results passed as the whole argument list of
// another call: to the print builtins, to a generic function (its type
// arguments inferred from the results), to a generic variadic one, to a
// method value, and in go and defer statements of a method value.

import "fmt"

type counter struct{ total int }

func (c counter) plus(a, b int) int { return c.total + a + b }
func (c *counter) bump(a, b int)    { c.total += a * b; fmt.Println("bump to", c.total) }

func divmod(a, b int) (int, int) { return a / b, a % b }
func named() (string, bool)      { return "ok", true }

func Lookup[V any](m map[string]V, k string) (V, bool) {
	v, found := m[k]
	return v, found
}

func Both[A, B any](a A, b B) string { return fmt.Sprintf("%T=%v %T=%v", a, a, b, b) }

func Total[N int | float64](xs ...N) N {
	var s N
	for _, x := range xs {
		s += x
	}
	return s
}

var done = make(chan string)

func report(q, r int) { done <- fmt.Sprint("goroutine got ", q, " ", r) }

func main() {
	println(divmod(17, 5))
	print(named())
	println()
	m := map[string]float64{"pi": 3.5}
	println(Lookup(m, "pi"))
	println(Lookup(m, "e"))
	fmt.Println(Both(divmod(9, 4)))
	fmt.Println(Both(Lookup(map[string]string{"k": "v"}, "k")))
	fmt.Println(Total(divmod(23, 7)))

	c := &counter{total: 1}
	plus := c.plus
	bump := c.bump
	fmt.Println(plus(divmod(10, 3)))
	defer bump(divmod(7, 2))
	defer fmt.Println(Both(named()))
	bump(divmod(8, 3))
	go report(divmod(30, 4))
	fmt.Println(<-done)
	r := func(q, r int) { done <- fmt.Sprint("literal got ", q, r) }
	go r(divmod(5, 5))
	fmt.Println(<-done)
	c.total = 100
}
