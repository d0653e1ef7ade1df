#!/bin/bash
# Differential test: runs every DIR/*.go with real Go (go.mod says go 1.27)
# and with minigo in both modes (open-coded defers, chain only), and prints
# the differences (stdout, stderr normalised as
# record.sh does, exit status).
#   usage: difftest.sh DIR [MINIGO_BINARY]
#   e.g.:  mkdir -p /tmp/rnd && python3 gen.py /tmp/rnd 0 100 && ./difftest.sh /tmp/rnd
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
B=${2:-${CARGO_TARGET_DIR:-$here/../../target}/debug/minigo}
export GOTOOLCHAIN=local
norm() { perl -ne 'last if /^goroutine /; next if /^\[signal/; print' "$1"; }
for f in "$1"/*.go; do
  d=$(mktemp -d); cp "$f" "$d/main.go"; printf 'module m\n\ngo 1.27\n' > "$d/go.mod"
  if ! (cd "$d" && go build -o prog . 2> build.err); then
    echo "GO BUILD FAIL $f"; head -3 "$d/build.err"; rm -rf "$d"; continue
  fi
  (cd "$d" && ./prog > out 2> err0 < /dev/null); st=$?
  norm "$d/err0" > "$d/err"
  for m in "" --no-open-coded; do
    "$B" run $m "$f" > "$d/mout" 2> "$d/merr0"; mst=$?
    norm "$d/merr0" > "$d/merr"
    if ! cmp -s "$d/out" "$d/mout" || ! cmp -s "$d/err" "$d/merr" || [ "$st" != "$mst" ]; then
      echo "=== DIFF $f [${m:-open-coded}] go=$st minigo=$mst"
      diff "$d/out" "$d/mout" | head -10; diff "$d/err" "$d/merr" | head -10
    fi
  done
  rm -rf "$d"
done
