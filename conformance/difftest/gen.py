"""Random defer/panic/recover/Goexit programs for differential testing of
minigo against real Go (see difftest.sh). Deterministic per seed (and per
feature list: the default, none, gives the programs of the subset; see
gen_lang.py for slices, maps, switch and rangefunc)."""
import os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lang import Lang, PRELUDE, ERRORS_PRELUDE

def gen_program(seed, features=()):
    rnd = random.Random(seed)
    nf = rnd.randint(2, 5)
    uses_runtime = [False]
    label = [0]
    def L():
        label[0] += 1
        return label[0]

    def deferred_body(fi, depth):
        stmts = []
        for _ in range(rnd.randint(1, 3)):
            k = rnd.random()
            if k < 0.26:
                stmts.append(f'fmt.Println("rec{L()}", recover())')
            elif k < 0.3:
                # recovers when this deferred function returns, if a panic
                # runs it directly (GO-SEMANTICS A9, C2)
                stmts.append('defer recover()')
            elif k < 0.45:
                stmts.append(f'panic("dp{L()}")')
            elif k < 0.55 and fi + 1 < nf:
                stmts.append(f'f{rnd.randint(fi+1, nf-1)}()')
            elif k < 0.65 and depth < 2:
                stmts.append('defer func() {\n' + deferred_body(fi, depth + 1) + '\n}()')
            elif k < 0.67:
                uses_runtime[0] = True
                stmts.append('if r == 3 { runtime.Goexit() }')
            elif k < 0.68:
                # suspends the machine's goroutine mid-defer (GO-SEMANTICS
                # has no rule: with one goroutine Go lets nothing else run)
                uses_runtime[0] = True
                stmts.append('runtime.Gosched()')
            elif k < 0.72:
                stmts.append('helper()')
            elif k < 0.85:
                stmts.append(f'r = r*2 + {rnd.randint(1,5)}')
            else:
                stmts.append(f'fmt.Println("in defer {L()}", r)')
        return '\n'.join(stmts)

    lang = Lang(rnd, features, L)

    def body(fi, depth, in_loop):
        stmts = []
        for _ in range(rnd.randint(1, 5)):
            if lang.features and rnd.random() < 0.35:
                stmts.append(lang.stmt(fi, depth, in_loop, body))
                continue
            k = rnd.random()
            if k < 0.3:
                stmts.append('defer func() {\n' + deferred_body(fi, 0) + '\n}()')
            elif k < 0.4:
                stmts.append(f'defer fmt.Println("d{L()}", r)')
            elif k < 0.47 and fi + 1 < nf:
                stmts.append(f'defer f{rnd.randint(fi+1, nf-1)}()')
            elif k < 0.55:
                stmts.append(f'panic("p{L()}")' if rnd.random() < 0.7 else f'panic({rnd.randint(0,400)})')
            elif k < 0.7 and fi + 1 < nf:
                stmts.append(f'r += f{rnd.randint(fi+1, nf-1)}()')
            elif k < 0.78 and depth < 2:
                stmts.append(f'if r%2 == {rnd.randint(0,1)} {{\n' + body(fi, depth+1, in_loop) + '\n}')
            elif k < 0.85 and depth < 2 and not in_loop:
                stmts.append('for i := 0; i < 2; i++ {\ndefer func() { r += i; fmt.Println("loopd", i, recover()) }()\n' + body(fi, depth+1, True) + '\n}')
            elif k < 0.87:
                stmts.append(f'r = {rnd.randint(0,9)}')
            elif k < 0.88:
                stmts.append('defer recover()')
            elif k < 0.895:
                # (with features, statements nest in switch cases too: a
                # fresh name per declaration)
                # Without features, the first declaration in a block keeps
                # the name `nf` (the programs of earlier seeds do not change);
                # a second one in the same block gets a name of its own (it
                # was `nf redeclared in this block`, invalid Go).
                if lang.features:
                    nfn = f'nf{len(stmts)}_{depth}_{rnd.randint(0, 10**6)}'
                elif any(s.startswith('var nf func()') for s in stmts):
                    nfn = f'nf{len(stmts)}'
                else:
                    nfn = 'nf'
                stmts.append(f'var {nfn} func()\nif r > 4 {{ {nfn} = helper }}\ndefer {nfn}()')
            elif k < 0.9:
                uses_runtime[0] = True
                stmts.append('runtime.Gosched()')
            elif k < 0.92:
                stmts.append('defer helper()\nfunc() {\ndefer func() { fmt.Println("lit", recover()); r++ }()\npanic(nil)\n}()')
            else:
                stmts.append(f'return {rnd.randint(0,9)}')
        return '\n'.join(stmts)

    funcs = ['func helper() {\nfmt.Println("helper recover", recover())\n}\n']
    if lang.features:
        funcs.append(PRELUDE)
    if 'errors' in lang.features:
        funcs.append(ERRORS_PRELUDE)
    for i in range(nf):
        funcs.append(f'func f{i}() (r int) {{\n' + body(i, 0, False) + '\nreturn r\n}\n')
    main = 'func main() {\n'
    if rnd.random() < 0.5:
        main += 'defer func() { fmt.Println("main recover", recover()) }()\n'
    main += 'fmt.Println("f0 =", f0())\n'
    if nf > 1:
        main += 'fmt.Println("f1 =", f1())\n'
    main += '}\n'
    imports = '"fmt"\n' + ('"runtime"\n' if uses_runtime[0] else '')
    if 'errors' in lang.features:
        imports += '"errors"\n'
    return f'package main\n\nimport (\n{imports})\n\n' + '\n'.join(funcs) + main

# usage: gen.py OUTDIR FIRST_SEED LAST_SEED [FEATURES]
#   FEATURES: comma-separated, from gen_lang.FEATURES (slices,maps,switch,rangefunc)
out, n0, n1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
feats = tuple(f for f in (sys.argv[4].split(',') if len(sys.argv) > 4 else []) if f)
for s in range(n0, n1):
    open(f'{out}/p{s}.go', 'w').write(gen_program(s, feats))
