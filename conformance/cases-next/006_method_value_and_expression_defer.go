// rule: A1, A2, C2; issue9 method values and method expressions deferred, and recover inside a deferred method
package main

import "fmt"

type T struct{ name string }

func (t T) Hello(greet string)  { fmt.Println(greet, t.name) }
func (t *T) Rename(n string)    { t.name = n }
func (t *T) Recover(tag string) {
	if r := recover(); r != nil {
		fmt.Println(tag, t.name, "recovered:", r)
	}
}

func f() {
	t := T{"first"}
	h := t.Hello
	defer h("method value:")
	defer T.Hello(t, "method expression:")
	defer (*T).Rename(&t, "late")
	defer fmt.Println("name before the renames run:", t.name)
	t.name = "second"
	g := (*T).Hello
	g(&t, "pointer method expression:")
}

func g() {
	t := &T{"recoverer"}
	defer t.Recover("deferred method")
	panic("in g")
}

func h() {
	t := &T{"via value"}
	m := t.Recover
	defer m("deferred method value")
	panic("in h")
}

func main() {
	f()
	g()
	h()
	fmt.Println("main done")
}
