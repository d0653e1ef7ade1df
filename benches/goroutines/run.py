#!/usr/bin/env python3
"""The goroutine row of benches/REPORT.md (issue 10), run by benches/report.sh.

usage: run.py --minigo PATH --out JSON [--rounds 5]

Builds goroutines.go with the `go` on PATH (Go 1.27.3), checks that the Go
binary and `minigo run` print the same total, then times both side by side,
interleaved, on 1 and 2 workers (GOMAXPROCS=P for Go, --procs P for minigo):
wall clock and CPU time (user + system of the child) per run, ROUNDS runs
each, the median kept. Then it runs a smaller instance (100 goroutines x 20
calls) of the same program in minigo under callgrind on one worker and
splits the instructions by where they are spent (the interpreter's dispatch,
its values, the scheduler, the defer engine, the allocator, ...), so the
report can say where the time goes. Standard library only.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "goroutines.go")
GOROUTINES, CALLS, DEFERS = 1000, 200, 8

# Symbol prefixes -> the part of the runtime they belong to, in this order
# (the first match wins). Inlined code is counted in the function it was
# inlined into, as callgrind sees it.
PARTS = [
    ("defer engine (deferrt-core)", r"deferrt_core::"),
    ("scheduler (minigo::sched)", r"minigo::sched::|minigo::rt::goroutines|minigo::vm::go::"),
    ("machine: dispatch, calls, frames (minigo::vm)", r"minigo::vm::"),
    ("values: cells, strings, boxing (minigo::rt)", r"minigo::rt::"),
    ("start-up: parse, check, compile", r"minigo::(lexer|parser|checker|compile|types)::"),
    ("allocator", r"malloc|free|realloc|calloc|__rust_alloc|__rust_dealloc|__rust_realloc|_int_"),
    ("locks, atomics, threads", r"pthread|futex|__lll_|std::sync::|std::thread::|parking"),
]


def timed(cmd, env):
    """(wall seconds, child CPU seconds, stdout) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out


def breakdown(minigo, work):
    """Instruction shares of a small instance of the program in minigo."""
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        return None
    src = open(SRC).read()
    src = src.replace("const goroutines = 1000", "const goroutines = 100")
    src = src.replace("const calls = 200", "const calls = 20")
    small = os.path.join(work, "small.go")
    open(small, "w").write(src)
    out = os.path.join(work, "callgrind.out")
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
         minigo, "run", "--procs", "1", small],
        capture_output=True, check=True)
    ann = subprocess.run(
        ["callgrind_annotate", "--inclusive=no", "--auto=no", "--threshold=100", out],
        capture_output=True, text=True, check=True).stdout
    total, shares = 0, {name: 0 for name, _ in PARTS}
    shares["other"] = 0
    for line in ann.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*)$", line)
        if not m:
            m2 = re.match(r"\s*([\d,]+)\s+\(100\.0%\)\s+PROGRAM TOTALS", line)
            if m2:
                total = int(m2.group(1).replace(",", ""))
            continue
        ir, sym = int(m.group(1).replace(",", "")), m.group(2)
        if "PROGRAM TOTALS" in sym:
            total = ir
            continue
        # "file:function [object]": classify by the function (inlined code
        # shows the file it came from, the function it was inlined into).
        sym = sym.split(":", 1)[-1]
        for name, pat in PARTS:
            if re.search(pat, sym):
                shares[name] += ir
                break
        else:
            shares["other"] += ir
    if total == 0:
        total = sum(shares.values())
    return {"total_ir": total, "goroutines": 100, "calls": 20,
            "parts": {k: v for k, v in shares.items()}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minigo", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    work = tempfile.mkdtemp()
    gobin = os.path.join(work, "goroutines")
    subprocess.run(["go", "build", "-o", gobin, SRC], check=True, cwd=HERE,
                   env={**os.environ, "GO111MODULE": "off"})
    base = {k: v for k, v in os.environ.items() if k != "GOMAXPROCS"}
    want = subprocess.run([gobin], capture_output=True, text=True, check=True).stdout
    got = subprocess.run([a.minigo, "run", SRC], capture_output=True, text=True,
                         env=base, check=True).stdout
    if want != got:
        sys.exit(f"minigo printed {got!r}, Go {want!r}: not the same work")
    runs = {}
    for _ in range(a.rounds):
        for p in (1, 2):
            for who, cmd, env in (
                ("go", [gobin], {**base, "GOMAXPROCS": str(p)}),
                ("minigo", [a.minigo, "run", "--procs", str(p), SRC], base),
            ):
                wall, cpu, out = timed(cmd, env)
                if out != want:
                    sys.exit(f"{who} --procs {p} printed {out!r}, want {want!r}")
                runs.setdefault(f"{who}/{p}", {"wall": [], "cpu": []})
                runs[f"{who}/{p}"]["wall"].append(wall)
                runs[f"{who}/{p}"]["cpu"].append(cpu)
    med = {k: {m: statistics.median(v[m]) for m in ("wall", "cpu")} for k, v in runs.items()}
    res = {
        "goroutines": GOROUTINES, "calls": CALLS, "defers_per_call": DEFERS,
        "rounds": a.rounds, "median": med, "runs": runs,
        "breakdown": breakdown(a.minigo, work),
    }
    json.dump(res, open(a.out, "w"), indent=1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
