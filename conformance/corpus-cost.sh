#!/bin/bash
# The corpus cost measure of ARCHITECTURE.md ("Performance": start-up passes):
# callgrind Ir of `minigo run` over the original corpus (the 114 cases 0xx and 1xx;
# three digits, so later four-digit cases such as 1020_* are not counted),
# both modes, one run each, summed. Per-run counts go to OUTFILE.
#   usage (from anywhere): conformance/corpus-cost.sh BINARY OUTFILE
set -eu
B="$(realpath "$1")"; O="$(realpath -m "$2")"
cd "$(dirname "${BASH_SOURCE[0]}")"
tot=0; : > "$O"
for f in cases/0[0-9][0-9]_*.go cases/1[0-9][0-9]_*.go; do
  for m in "" --no-open-coded; do
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B" run $m "$f" 2>&1 >/dev/null \
        | grep Collected | awk '{print $4}')
    echo "$n $m $f" >> "$O"
    tot=$((tot + n))
  done
done
echo "$tot"
