"""Random programs over issue 9's types for differential testing of minigo
against real Go (see difftest.sh): structs with value and pointer methods,
deferred method values and method calls (receivers evaluated at the defer
statement), nil pointer receivers, interfaces with dynamic dispatch, type
switches and assertions on recovered values, runtime.Error, sized integers
that wrap in deferred arguments. Deterministic per seed.

usage: python3 gen_types.py DIR FIRST_SEED COUNT
"""
import os
import random
import sys

PRELUDE = '''package main

import (
	"errors"
	"fmt"
	"runtime"
)

type Acc struct {
	name string
	n    int
	b    uint8
}

func (a Acc) Show(tag string) { fmt.Println(tag, a.name, a.n, a.b) }

func (a *Acc) Add(k int) {
	a.n += k
	a.b += uint8(k * 37)
}

func (a *Acc) Safe() string {
	if a == nil {
		return "nil acc"
	}
	return a.name
}

func (a *Acc) Name() string { return a.name }

type Namer interface{ Name() string }

type Wrap struct {
	*Acc
	tag string
}

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.code) }

var errBase = errors.New("base")

func classify(r any) {
	switch v := r.(type) {
	case nil:
		fmt.Println("no panic")
	case runtime.Error:
		fmt.Println("runtime error:", v.Error())
	case *MyErr:
		fmt.Println("my error", v.code)
	case error:
		fmt.Println("error:", v)
	case string:
		fmt.Println("string:", v)
	case int8:
		fmt.Println("int8:", v)
	default:
		fmt.Printf("other %T %v\\n", v, v)
	}
}
'''


def gen_program(seed):
    rnd = random.Random(seed)
    label = [0]

    def L():
        label[0] += 1
        return label[0]

    def panic_stmt():
        k = rnd.random()
        n = L()
        if k < 0.2:
            return f'var np{n} *Acc\nfmt.Println(np{n}.n)'
        if k < 0.35:
            return f'var nn{n} Namer\nfmt.Println(nn{n}.Name())'
        if k < 0.5:
            return f'panic(&MyErr{{{rnd.randint(1, 9)}}})'
        if k < 0.6:
            return f'var x{n} any = "s"\nfmt.Println(x{n}.(int))'
        if k < 0.7:
            return f'z{n} := 0\nfmt.Println({rnd.randint(1, 9)} / z{n})'
        if k < 0.8:
            return f'v{n} := int8({rnd.randint(100, 127)})\npanic(v{n} + int8({rnd.randint(1, 50)}))'
        if k < 0.9:
            return 'panic(fmt.Errorf("wrapped: %w", errBase))'
        return f'panic("p{L()}")'

    def stmt(depth):
        k = rnd.random()
        if k < 0.12:
            return f'defer a.Show("d{L()}")'
        if k < 0.22:
            n = L()
            return f'm{n} := a.Show\ndefer m{n}("mv{n}")'
        if k < 0.3:
            return f'defer a.Add({rnd.randint(1, 9)})'
        if k < 0.38:
            return f'a.Add({rnd.randint(1, 200)})\na.name = "n{L()}"'
        if k < 0.44:
            n = L()
            return f'var pa{n} *Acc\ndefer fmt.Println("safe", pa{n}.Safe())'
        if k < 0.5:
            n = L()
            return f'var nm{n} Namer = &a\ndefer func() {{ fmt.Println("iface", nm{n}.Name()) }}()\na.name = "late{n}"'
        if k < 0.56:
            n = L()
            return f'w{n} := Wrap{{&a, "w{n}"}}\ndefer w{n}.Show("promoted")\ndefer fmt.Println(w{n}.Name(), w{n}.tag)'
        if k < 0.64:
            return 'defer func() { classify(recover()) }()'
        if k < 0.72:
            return panic_stmt()
        if k < 0.78:
            n = L()
            return f'var i{n} int8 = {rnd.randint(120, 127)}\ndefer fmt.Println("i8", i{n}, uint16(i{n}))\ni{n} += {rnd.randint(1, 20)}'
        if k < 0.84 and depth < 2:
            return 'func() {\n' + block(depth + 1) + '\n}()'
        if k < 0.9:
            n = L()
            return f'cp{n} := a\ncp{n}.n = {rnd.randint(0, 99)}\ndefer fmt.Println("copy", cp{n}.n, a.n)'
        if k < 0.95:
            n = L()
            return f'p{n} := &a\ndefer func(q *Acc) {{ fmt.Println("ptr", q.n, q == p{n}) }}(p{n})\np{n}.n++'
        return f'fmt.Printf("%v %+v\\n", a, &a)'

    def block(depth):
        return '\n'.join(stmt(depth) for _ in range(rnd.randint(1, 5)))

    nf = rnd.randint(1, 3)
    funcs = []
    for i in range(nf):
        funcs.append(
            f'func f{i}() {{\n'
            'defer func() { classify(recover()) }()\n'
            f'a := Acc{{name: "f{i}", n: {rnd.randint(0, 9)}}}\n_ = a\n'
            + block(0) + '\n}\n'
        )
    main = 'func main() {\n' + '\n'.join(f'f{i}()' for i in range(nf))
    if rnd.random() < 0.3:
        main += '\n' + panic_stmt()
    main += '\n}\n'
    return PRELUDE + '\n' + '\n'.join(funcs) + '\n' + main


def main():
    out, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    for s in range(first, first + count):
        with open(os.path.join(out, f't{s}.go'), 'w') as f:
            f.write(gen_program(s))


if __name__ == '__main__':
    main()
