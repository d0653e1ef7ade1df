// rule: A1, A3, A5; issue9 method sets: methods promoted from an embedded interface, methods on named func and slice types, method values of interface values deferred
package main

import (
	"errors"
	"fmt"
)

type Logger interface{ Log(string) }

type prefixLogger struct{ prefix string }

func (l prefixLogger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	Logger
	name string
}

type Steps []string

func (s Steps) Last() string { return s[len(s)-1] }

type HandlerFunc func(string) error

func (f HandlerFunc) Serve(s string) error { return f(s) }

type Server interface{ Serve(string) error }

func run(srv Server, in string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return srv.Serve(in)
}

func main() {
	s := Service{prefixLogger{"> "}, "svc"}
	defer s.Log("deferred promoted interface method")
	var lg Logger = s
	log := lg.Log
	defer log("deferred method value of an interface value")
	lg = prefixLogger{"# "}
	lg.Log("replaced after the defers")
	steps := Steps{"a", "b"}
	defer fmt.Println("deferred last step:", steps.Last())
	steps = append(steps, "c")
	h := HandlerFunc(func(in string) error {
		if in == "" {
			return errors.New("empty input")
		}
		if in == "boom" {
			panic("handler panicked")
		}
		return nil
	})
	fmt.Println(run(h, ""), run(h, "ok"), run(h, "boom"))
	var srv Server = h
	defer fmt.Println("deferred serve:", srv.Serve("late"))
	var empty Service
	defer func() { fmt.Println("nil embedded interface:", recover()) }()
	empty.Log("never")
}
