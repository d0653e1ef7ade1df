// rule: issue9 (wild) a tiny expression evaluator with interfaces and type switches; errors from panics
package main

import (
	"fmt"
	"strings"
)

type Expr interface {
	Eval(env map[string]float64) float64
	String() string
}

type Num float64
type Var string
type Bin struct {
	Op   byte
	L, R Expr
}
type Call struct {
	Fn   string
	Args []Expr
}

func (n Num) Eval(map[string]float64) float64 { return float64(n) }
func (n Num) String() string                  { return fmt.Sprintf("%g", float64(n)) }

func (v Var) Eval(env map[string]float64) float64 {
	x, ok := env[string(v)]
	if !ok {
		panic(fmt.Sprintf("undefined variable %s", string(v)))
	}
	return x
}
func (v Var) String() string { return string(v) }

func (b Bin) Eval(env map[string]float64) float64 {
	l, r := b.L.Eval(env), b.R.Eval(env)
	switch b.Op {
	case '+':
		return l + r
	case '-':
		return l - r
	case '*':
		return l * r
	case '/':
		return l / r
	}
	panic(fmt.Sprintf("bad op %q", b.Op))
}
func (b Bin) String() string { return fmt.Sprintf("(%v %c %v)", b.L, b.Op, b.R) }

func (c Call) Eval(env map[string]float64) float64 {
	switch c.Fn {
	case "max":
		m := c.Args[0].Eval(env)
		for _, a := range c.Args[1:] {
			if v := a.Eval(env); v > m {
				m = v
			}
		}
		return m
	}
	panic(fmt.Errorf("unknown function %s/%d", c.Fn, len(c.Args)))
}
func (c Call) String() string {
	parts := make([]string, len(c.Args))
	for i, a := range c.Args {
		parts[i] = a.String()
	}
	return c.Fn + "(" + strings.Join(parts, ", ") + ")"
}

func describe(e Expr) string {
	switch e := e.(type) {
	case Num:
		return "number"
	case Var:
		return "variable " + string(e)
	case Bin:
		return "binary " + string(e.Op)
	case Call:
		return fmt.Sprintf("call with %d args", len(e.Args))
	case nil:
		return "nil"
	default:
		return fmt.Sprintf("unknown %T", e)
	}
}

func safeEval(e Expr, env map[string]float64) (v float64, err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case error:
			err = fmt.Errorf("eval %v: %w", e, r)
		case string:
			err = fmt.Errorf("eval %v: %s", e, r)
		default:
			panic(r)
		}
	}()
	return e.Eval(env), nil
}

func main() {
	env := map[string]float64{"x": 3, "y": 0.5}
	exprs := []Expr{
		Num(2),
		Bin{'+', Var("x"), Num(1)},
		Bin{'*', Bin{'-', Var("x"), Var("y")}, Num(4)},
		Call{"max", []Expr{Var("y"), Num(-1), Var("x")}},
		Bin{'/', Num(1), Var("z")},
		Call{"min", []Expr{Num(1)}},
		Bin{'%', Num(1), Num(2)},
		Bin{'/', Num(1), Num(0)},
		nil,
	}
	for _, e := range exprs {
		fmt.Printf("%-18s ", describe(e))
		if e == nil {
			fmt.Println()
			continue
		}
		v, err := safeEval(e, env)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%v = %.3f\n", e, v)
	}
}
