#!/usr/bin/env python3
"""Extract functions from an LLVM .s file (Intel syntax) into one file each.

usage: extract.py FILE.s OUTDIR NAME=SYMBOL_PATH[+vtable] ...

SYMBOL_PATH is a Rust path such as deferrt_benches::body_open (matched
against the legacy-mangled symbol). With "+vtable", every function named in
a vtable the function loads (`lea reg, [rip + .Lanon...]`) is extracted too,
as NAME.vtable.<field>.s, together with the cold functions those call in
the same crate. Directives (.loc, .cfi_*, .file, ...) are dropped; labels,
instructions and `#APP` markers (black_box) are kept; names are demangled
with c++filt.
"""
import re
import subprocess
import sys


def mangled_prefix(path):
    parts = path.split("::")
    return "_ZN" + "".join(f"{len(p)}{p}" for p in parts) + "17h"


def demangle(text):
    return subprocess.run(["c++filt"], input=text, capture_output=True, text=True, check=True).stdout


def functions(lines):
    """symbol -> list of body lines (label line excluded)."""
    out, cur, body = {}, None, []
    for line in lines:
        m = re.match(r"^([A-Za-z_.$][\w.$]*):\s*(#.*)?$", line)
        if m and not m.group(1).startswith(".L") and m.group(1).startswith("_Z"):
            cur, body = m.group(1), []
            out[cur] = body
            continue
        if cur is None:
            continue
        if ".cfi_endproc" in line or line.startswith(".Lfunc_end"):
            cur = None
            continue
        body.append(line)
    return out


KEEP_DIRECTIVE = re.compile(r"^\s*(#APP|#NO_APP)")


def clean(body):
    out = []
    for line in body:
        s = line.rstrip()
        if not s.strip():
            continue
        t = s.strip()
        if KEEP_DIRECTIVE.match(s):
            out.append("\t" + t + "\t\t# black_box barrier (inline asm)")
            continue
        if t.startswith("#") or (t.startswith(".") and not re.match(r"^\.L\w+:", t)):
            continue
        if re.match(r"^\.Ltmp\d+:", t):
            continue
        out.append(s)
    return out


def vtables(body, text):
    """Symbols listed in the vtables (.Lanon constants) a function loads."""
    syms = []
    for label in re.findall(r"lea\s+\w+,\s*\[rip \+ (\.Lanon[\w.]+)\]", "\n".join(body)):
        m = re.search(re.escape(label) + r":\n((?:\s+\.(?:quad|zero|long|byte|ascii)[^\n]*\n)+)", text)
        if not m:
            continue
        quads = re.findall(r"\.quad\s+(\S+)", m.group(1))
        syms.append((label, quads))
    return syms


def main():
    src, outdir, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
    text = open(src).read()
    funcs = functions(text.splitlines())
    for spec in specs:
        name, path = spec.split("=", 1)
        follow = path.endswith("+vtable")
        path = path.removesuffix("+vtable")
        prefix = mangled_prefix(path)
        syms = [s for s in funcs if s.startswith(prefix)]
        if len(syms) != 1:
            sys.exit(f"extract.py: {path}: {len(syms)} symbols match {prefix}")
        todo = [(name, syms[0])]
        if follow:
            for label, quads in vtables(funcs[syms[0]], text):
                # CallVTable's function fields, in order (core/src/task/vtable.rs;
                # its first field, minus the record's size, is data: `.ascii`/`.quad`
                # of a number, skipped by the `in funcs` test below).
                fields = ["call", "run", "drop"]
                quads = [q for q in quads if q in funcs]
                for i, q in enumerate(quads[:3]):
                    if q in funcs:
                        todo.append((f"{name}.vtable.{fields[i]}", q))
                        # cold helpers the shim calls in this crate
                        for callee in re.findall(r"call\s+(?:qword ptr \[rip \+ )?(_ZN\w+)", "\n".join(funcs[q])):
                            if "cold" in callee and callee in funcs:
                                todo.append((f"{name}.vtable.{fields[i]}.cold", callee))
        for fname, sym in todo:
            body = clean(funcs[sym])
            header = f"{sym}:\n"
            with open(f"{outdir}/{fname}.s", "w") as f:
                f.write(demangle(header + "\n".join(body) + "\n"))
            n = sum(1 for l in body if not l.strip().startswith(".L") and not l.strip().startswith("#"))
            print(f"{outdir}/{fname}.s: {demangle(sym).strip()} ({n} instructions)")


if __name__ == "__main__":
    main()
