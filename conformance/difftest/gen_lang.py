"""Statements over the composite values and statements of issue 9 for
gen.py: slices, maps, switch and range-over-func iterators, each mixed
with defer, panic and recover. Used only when gen.py is given features,
so the programs of the default generator do not change with it.

Every snippet is valid Go on its own: the variables it declares have
fresh names and are used. `r` is the enclosing function's named result."""

# Features that gen.py accepts (comma-separated on its command line).
FEATURES = ('slices', 'maps', 'switch', 'rangefunc', 'labels', 'errors')

# Top-level declarations the snippets use.
PRELUDE = '''func count(n int) func(func(int) bool) {
return func(yield func(int) bool) {
defer fmt.Println("count done", n)
for i := 0; i < n; i++ {
if !yield(i) {
fmt.Println("count stopped", i)
return
}
}
}
}

func pairs(yield func(string, int) bool) {
_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func guarded(yield func(int) bool) {
defer func() { fmt.Println("guarded sees", recover()) }()
yield(1)
}
'''


ERRORS_PRELUDE = '''var errBase = errors.New("base")

func wrapped(r int) (err error) {
defer func() {
if err != nil {
err = fmt.Errorf("wrapped %d: %w", r, err)
}
}()
if r%2 == 0 {
return errBase
}
return nil
}
'''


class Lang:
    def __init__(self, rnd, features, fresh):
        self.rnd = rnd
        self.features = [f for f in features if f in FEATURES]
        self.fresh = fresh  # () -> a new unique number

    def stmt(self, fi, depth, in_loop, body):
        """One snippet, or None. `body(fi, depth, in_loop)` makes nested
        statements of the main generator."""
        if not self.features:
            return None
        f = self.rnd.choice(self.features)
        return getattr(self, f)(fi, depth, in_loop, body)

    def slices(self, fi, depth, in_loop, body):
        rnd, n = self.rnd, self.fresh()
        s = f's{n}'
        elems = ', '.join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(0, 4)))
        out = [f'{s} := []int{{{elems}}}']
        k = rnd.random()
        if k < 0.3:
            out.append(f'{s} = append({s}, r, {rnd.randint(0, 9)})')
            out.append(f'defer fmt.Println("slice{n}", {s}, len({s}), cap({s}))')
        elif k < 0.5:
            # may be out of range: a run-time error to recover
            out.append(f'r += {s}[r%{rnd.randint(1, 6)}]')
        elif k < 0.65:
            t = f't{n}'
            out.append(f'{t} := {s}[:len({s})/2]')
            out.append(f'defer fmt.Println("shared{n}", {t}, cap({t}) >= len({t}))')
            out.append(f'{t} = append({t}, 42)')
            out.append(f'fmt.Println("after append{n}", {s})')
        elif k < 0.8:
            out.append(f'for i, v := range {s} {{\ndefer fmt.Println("rs{n}", i, v)\nr += v\n}}')
        else:
            c = f'c{n}'
            out.append(f'{c} := make([]int, r%4)')
            out.append(f'fmt.Println("copy{n}", copy({c}, {s}), {c})')
        return '\n'.join(out)

    def maps(self, fi, depth, in_loop, body):
        rnd, n = self.rnd, self.fresh()
        m = f'm{n}'
        k = rnd.random()
        if k < 0.2:
            # a nil map: reading is fine, writing panics
            return (f'var {m} map[string]int\nfmt.Println("nilmap{n}", {m}["x"], len({m}))\n'
                    f'if r%2 == {rnd.randint(0, 1)} {{\n{m}["x"] = r\n}}')
        out = [f'{m} := map[string]int{{"a": {rnd.randint(0, 9)}, "b": r}}']
        if k < 0.5:
            out.append(f'{m}["c"] += {rnd.randint(1, 5)}')
            out.append(f'delete({m}, "{rnd.choice("abz")}")')
            out.append(f'v{n}, ok{n} := {m}["a"]')
            out.append(f'fmt.Println("map{n}", len({m}), v{n}, ok{n}, {m})')
        else:
            out.append(f'defer func() {{ fmt.Println("deferred map{n}", {m}) }}()')
            out.append(f'{m}["d"] = r * 2')
            out.append(f'sum{n} := 0\nfor _, v := range {m} {{\nsum{n} += v\n}}')
            out.append(f'r += sum{n} % 7')
        return '\n'.join(out)

    def switch(self, fi, depth, in_loop, body):
        rnd = self.rnd
        if depth >= 2:
            return f'switch r % 2 {{\ncase 0:\nr++\ndefault:\nr--\n}}'
        cases = []
        m = rnd.randint(2, 4)
        for i in range(m - 1):
            inner = body(fi, depth + 1, in_loop)
            ft = '\nfallthrough' if rnd.random() < 0.3 else ''
            cases.append(f'case {i}:\n{inner}{ft}')
        cases.append('default:\n' + body(fi, depth + 1, in_loop))
        if rnd.random() < 0.5:
            return f'switch r % {m} {{\n' + '\n'.join(cases) + '\n}'
        head = 'switch {\n'
        conds = [c.replace(f'case {i}:', f'case r%{m} == {i}:', 1) for i, c in enumerate(cases[:-1])]
        conds.append(cases[-1])
        return head + '\n'.join(conds) + '\n}'

    def rangefunc(self, fi, depth, in_loop, body):
        rnd, n = self.rnd, self.fresh()
        k = rnd.random()
        if k < 0.4:
            stop = rnd.randint(0, 4)
            act = rnd.choice(['break', f'panic("rf{n}")', 'r++', 'continue'])
            return (f'for x := range count({rnd.randint(0, 4)}) {{\n'
                    f'defer fmt.Println("rfdefer{n}", x, r)\n'
                    f'if x == {stop} {{\n{act}\n}}\nr += x\n}}')
        if k < 0.6:
            return (f'for key, v := range pairs {{\n'
                    f'defer func() {{ fmt.Println("pairs{n}", key, v, recover()) }}()\n'
                    f'if v == {rnd.randint(1, 4)} {{\nbreak\n}}\n}}')
        if k < 0.75 and depth < 2:
            inner = body(fi, depth + 1, True)
            return f'for x := range count({rnd.randint(1, 3)}) {{\nr += x\n{inner}\n}}'
        # a body panic that the iterator recovers: Go turns it into a run-time error
        return (f'func() {{\ndefer func() {{ fmt.Println("rfrec{n}", recover()) }}()\n'
                f'for x := range guarded {{\ndefer fmt.Println("guarded body", x)\n'
                f'if r%2 == {rnd.randint(0, 1)} {{\npanic("gp{n}")\n}}\n}}\n}}()')

    def labels(self, fi, depth, in_loop, body):
        rnd, n = self.rnd, self.fresh()
        inner = body(fi, depth + 1, True) if depth < 2 else 'r++'
        act = rnd.choice([f'continue L{n}', f'break L{n}', 'continue', 'break', f'r += j{n}'])
        return (f'L{n}:\nfor i{n} := 0; i{n} < {rnd.randint(1, 3)}; i{n}++ {{\n'
                f'for j{n} := range {rnd.randint(1, 3)} {{\n'
                f'if i{n} > 5 {{\nbreak L{n}\n}}\n'
                f'defer fmt.Println("lab{n}", i{n}, j{n}, r)\n'
                f'if j{n} == {rnd.randint(0, 2)} {{\n{act}\n}}\n{inner}\n}}\n}}')

    def errors(self, fi, depth, in_loop, body):
        rnd, n = self.rnd, self.fresh()
        if rnd.random() < 0.5:
            return (f'e{n} := wrapped(r)\n'
                    f'defer fmt.Println("err{n}", e{n}, errors.Is(e{n}, errBase), errors.Unwrap(e{n}) == errBase)')
        return (f'func() {{\ndefer func() {{\nif x := recover(); x != nil {{\n'
                f'e, ok := x.(error)\nfmt.Println("rec-err{n}", ok, e)\n}}\n}}()\n'
                f'if r%3 == {rnd.randint(0, 2)} {{\npanic(fmt.Errorf("p{n}: %w", errBase))\n}}\n'
                f'var s{n} []int\n_ = s{n}[r%2]\n}}()')
