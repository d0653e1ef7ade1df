#!/usr/bin/env bash
# Triage of the wild acceptance set: runs every cases-wild/NAME.go through
# minigo in each mode and judges it the way tests/cases_next.rs does
# (stdout exact; stderr cut before the first "goroutine " line and without
# "[signal" lines; the exit status; the first "goroutine " line against
# NAME.goroutine, a number other than 1 written N).
#
# Verdicts per program:
#   matches  every mode matches Go
#   refused  no mode matches and minigo refused it with one positioned
#            "FILE:LINE:COL: ... not supported by minigo" line
#   wrong    anything else: a wrong output, a non-refusal error, a mode that
#            matches while another refuses, or a CRASH (a Rust panic: exit 101
#            or "panicked at" on stderr; "minigo: internal error" on stderr;
#            or a HANG: still running after TRIAGE_TIMEOUT seconds, default 60)
#
# Then the blockers: every blockers/b_NAME.go is a minimal program for one
# construct (its header: "// blocker: what", "// uses: a Python regex",
# optionally "// also: NAME.go ..." for programs the regex cannot see, and
# "// ignore: goroutine-line" where Go's line carries addresses),
# recorded from Go like the programs. Each is judged the same way (fixed =
# matches Go in both modes) and listed with the number of wild programs that
# do not match yet and whose source matches its "uses" regex (a textual
# estimate of how many programs the construct blocks), most first.
#
# Usage: conformance/cases-wild/triage.sh [-v] [--md] [--build] [NAME.go ...]
#   -v       print what differs for each wrong run
#   --md     print the blocker table as Markdown (for TRIAGE.md)
#   --build  cargo build --release -p minigo first
#   MINIGO=path/to/minigo overrides the binary (default target/release/minigo)
# Modes: default (open-coded), --no-open-coded; when `minigo` accepts
# --procs, the goroutine programs (header names issue10) also run with
# --procs 1 and --procs 4 in both modes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
verbose=0
build=0
files=()
for a in "$@"; do
    case "$a" in
        -v) verbose=1 ;;
        --md) export TRIAGE_MD=1 ;;
        --build) build=1 ;;
        *) files+=("$a") ;;
    esac
done
if [ "$build" -eq 1 ]; then
    (cd "$root" && cargo build --release -p minigo >&2)
fi
minigo="$(realpath "${MINIGO:-$root/target/release/minigo}")"
[ -x "$minigo" ] || { echo "triage.sh: no minigo at $minigo (use --build)" >&2; exit 1; }
export TRIAGE_MINIGO="$minigo" TRIAGE_DIR="$here" TRIAGE_VERBOSE="$verbose"
exec python3 - "${files[@]}" <<'PY'
import os, re, subprocess, sys, glob
from collections import Counter, defaultdict

minigo = os.environ["TRIAGE_MINIGO"]
d = os.environ["TRIAGE_DIR"]
verbose = os.environ["TRIAGE_VERBOSE"] == "1"
timeout = float(os.environ.get("TRIAGE_TIMEOUT", "60"))
md = os.environ.get("TRIAGE_MD") == "1"
names = [os.path.basename(a) for a in sys.argv[1:]] or sorted(
    os.path.basename(p) for p in glob.glob(os.path.join(d, "*.go")))

helptext = subprocess.run([minigo], capture_output=True, text=True).stderr
has_procs = "--procs" in helptext

def modes(goroutines):
    m = [("open-coded", []), ("chain-only", ["--no-open-coded"])]
    if has_procs and goroutines:
        m += [("open-coded/p1", ["--procs", "1"]), ("open-coded/p4", ["--procs", "4"]),
              ("chain-only/p1", ["--no-open-coded", "--procs", "1"]),
              ("chain-only/p4", ["--no-open-coded", "--procs", "4"])]
    return m

def normalise(err):
    out = []
    for line in err.splitlines(keepends=True):
        if line.startswith(b"goroutine "):
            break
        if line.startswith(b"[signal"):
            continue
        out.append(line)
    return b"".join(out)

def goroutine_line(err):
    for line in err.splitlines(keepends=True):
        if line.startswith(b"goroutine "):
            m = re.match(rb"goroutine (\d+)(.*)", line, re.S)
            if m and m.group(1) != b"1":
                return b"goroutine N" + m.group(2)
            return line
    return None

REFUSAL = re.compile(r"^(?P<name>[^:\n]+):(?P<l>[1-9]\d*):(?P<c>[1-9]\d*): (?P<what>.+?) (?:is|are) not supported by minigo(?: \(.*\))?\n$")

def first_diff(what, want, got):
    w, g = want.decode(errors="replace").splitlines(), got.decode(errors="replace").splitlines()
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else "<none>"
        b = g[i] if i < len(g) else "<none>"
        if a != b:
            return f"{what} line {i+1}: want {a!r} got {b!r}"
    return f"{what}: final newline differs"

def judge(name, want, args, cwd=d, ignore_goroutine=False):
    try:
        p = subprocess.run([minigo, "run"] + args + [name], cwd=cwd, capture_output=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return ("crash", f"HANG: still running after {timeout:.0f}s")
    out, err, code = p.stdout, p.stderr, p.returncode
    if code == 101 or b"panicked at" in err:
        msg = [l for l in err.decode(errors="replace").splitlines() if "panicked at" in l or l.strip()][:2]
        return ("crash", "RUST PANIC: " + " | ".join(msg))
    if code < 0:
        return ("crash", f"killed by signal {-code}")
    if b"minigo: internal error" in err:
        msg = [l for l in err.decode(errors="replace").splitlines() if "internal error" in l][:1]
        return ("crash", "INTERNAL ERROR: " + " | ".join(msg))
    text = err.decode(errors="replace")
    m = REFUSAL.match(text)
    if code == 1 and not out and m and m.group("name") == name:
        return ("refused", m.group("what"))
    probs = []
    if out != want["stdout"]:
        probs.append(first_diff("stdout", want["stdout"], out))
    if normalise(err) != want["stderr"]:
        probs.append(first_diff("stderr", want["stderr"], normalise(err)))
    gl = goroutine_line(err)
    if gl != want["goroutine"] and not ignore_goroutine:
        probs.append(f"goroutine line: want {want['goroutine']!r} got {gl!r}")
    if code != want["exit"]:
        probs.append(f"exit: want {want['exit']} got {code}")
    return ("matches", "") if not probs else ("wrong", "; ".join(probs))

def load_want(base):
    return {
        "stdout": open(base + ".stdout", "rb").read(),
        "stderr": open(base + ".stderr", "rb").read(),
        "exit": int(open(base + ".exit").read().strip()),
        "goroutine": open(base + ".goroutine", "rb").read() if os.path.exists(base + ".goroutine") else None,
    }

results = {}
sources = {}
for name in names:
    base = os.path.join(d, name[:-3])
    src = open(os.path.join(d, name), encoding="utf-8").read()
    sources[name] = src
    goroutines = "issue10" in src.splitlines()[0]
    want = load_want(base)
    runs = [(m, judge(name, want, a)) for m, a in modes(goroutines)]
    kinds = [r[1][0] for r in runs]
    if any(k == "crash" for k in kinds):
        v = ("wrong", "CRASH " + "; ".join(f"[{m}] {r[1]}" for m, r in runs if r[0] == "crash"))
    elif all(k == "matches" for k in kinds):
        v = ("matches", "")
    elif all(k == "refused" for k in kinds):
        v = ("refused", runs[0][1][1])
    elif "matches" in kinds and "refused" in kinds:
        v = ("wrong", "matches in some modes, refused in others")
    else:
        v = ("wrong", "; ".join(f"[{m}] {r[1]}" for m, r in runs if r[0] != "matches"))
    results[name] = (v, goroutines)
    line = f"{v[0]:8} {name}"
    if v[0] == "refused":
        line += f"  -- {v[1]}"
    elif v[0] == "wrong":
        line += "  -- " + (v[1] if verbose else v[1][:160])
    print(line)

def counts(sel):
    c = Counter(v[0] for v, g in results.values() if sel(g))
    n = sum(c.values())
    return f"{c['matches']} matches / {c['refused']} refused / {c['wrong']} wrong (of {n})"

print()
print("overall:   ", counts(lambda g: True))
print("goroutine: ", counts(lambda g: g))
print("language:  ", counts(lambda g: not g))
crashes = [n for n, (v, g) in results.items() if v[1].startswith("CRASH")]
print("crashes:   ", ", ".join(crashes) if crashes else "none")
print(f"modes: open-coded, chain-only{' (+ --procs 1/4 for goroutine programs)' if has_procs else ' (minigo has no --procs)'}")
print()
print("refusals by construct (first refusal per program):")
by = defaultdict(list)
for n, (v, g) in results.items():
    if v[0] == "refused":
        key = re.sub(r"`[^`]*\.(\w+)`", lambda m: m.group(0), v[1])
        by[key].append(n)
for k, ns in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"  {len(ns):3}  {k}")

def code_of(src):
    # the source without // comments (a comment marker inside a string
    # literal is rare enough in these programs to ignore)
    return "\n".join(re.sub(r"(^|\s)//.*$", "", l) for l in src.splitlines())

bd = os.path.join(d, "blockers")
rows = []
for path in sorted(glob.glob(os.path.join(bd, "b_*.go"))):
    bname = os.path.basename(path)
    lines = open(path, encoding="utf-8").read().splitlines()
    what = lines[0].removeprefix("// blocker: ")
    uses = re.compile(lines[1].removeprefix("// uses: "))
    want = load_want(path[:-3])
    ignore_g = any(l.startswith("// ignore: goroutine-line") for l in lines[2:4])
    vs = [judge(bname, want, a, cwd=bd, ignore_goroutine=ignore_g) for _, a in modes(False)]
    if all(v[0] == "matches" for v in vs):
        status = "fixed"
    elif all(v[0] == "refused" for v in vs):
        status = "refused: " + vs[0][1]
    else:
        status = "wrong: " + next(v[1] for v in vs if v[0] != "matches")[:120]
    also = set()
    if len(lines) > 2 and lines[2].startswith("// also: "):
        also = set(lines[2].removeprefix("// also: ").split())
    using = [n for n in names if n in also or uses.search(code_of(sources[n]))]
    blocked = [n for n in using if results[n][0][0] != "matches"]
    rows.append((len(blocked), len(using), bname, what, status, blocked))
open_blockers = {}
for blocked, using, bname, what, status, bl in rows:
    if status != "fixed":
        for n in bl:
            open_blockers.setdefault(n, []).append(bname)
def alone(bname, bl):
    return sum(1 for n in bl if open_blockers.get(n) == [bname])
rows = [(r[0], alone(r[2], r[5])) + r[1:] for r in rows]
rows.sort(key=lambda r: (r[5] == "fixed", -r[0], -r[1], r[3]))
print()
print("blockers: programs not matching that use the construct / of them, those with no other open")
print("blocker / all programs using it (by the regex in the blocker's header: an estimate)")
if md:
    print("| blocked | alone | uses | construct | repro | minigo now |")
    print("|---:|---:|---:|---|---|---|")
for blocked, lone, using, bname, what, status, bl in rows:
    if md:
        print(f"| {blocked} | {lone} | {using} | {what} | `blockers/{bname}` | {status.replace('|', '/')} |")
    else:
        print(f"  {blocked:3} / {lone:2} / {using:3}  {bname:32} {status[:86]}")
        if verbose:
            print("              " + " ".join(bl))
bc = [r[3] for r in rows if any(k in r[5] for k in ("INTERNAL ERROR", "RUST PANIC", "HANG", "killed by signal"))]
print("blocker crashes (Rust panic, internal error, hang):", ", ".join(bc) if bc else "none")
print()
print("programs not matching, with their open blockers (none: a construct no blocker covers yet):")
for n in names:
    v = results[n][0]
    if v[0] != "matches":
        bl = [b[2:-3] for b in open_blockers.get(n, [])]
        print(f"  {n:32} {v[0]:8} {' '.join(bl) if bl else '(none)'}")
PY
