// blocker: BUG calling a value of a named func type ("cannot call non-function ms[i] (value of type main.Middleware)"), as in the http.HandlerFunc pattern: type HandlerFunc func(string) string; func (f HandlerFunc) Serve(s string) string { return f(s) }
// uses: (?m)^type \w+ func\(
package main

import "fmt"

type Handler func(string) string
type Middleware func(Handler) Handler

func main() {
	ms := []Middleware{func(h Handler) Handler { return func(s string) string { return "<" + h(s) + ">" } }}
	h := Handler(func(s string) string { return s })
	fmt.Println(ms[0](h)("x"))
}
