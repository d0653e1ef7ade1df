#!/bin/sh
# Runs every loom model of deferrt-core (loom-tests/tests/loom_*.rs).
#
# Each model carries its own preemption bound (see README.md): the models
# with two worker threads explore every interleaving (or, for the largest,
# every one with at most 5 preemptions); the three-thread models use a
# bound of 1. LOOM_MAX_PREEMPTIONS, if set, can only lower those bounds.
# loom gets its own target dir: --cfg loom changes the build of every crate.
set -eu
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/loom}"
RUSTFLAGS="--cfg loom" exec cargo test -p deferrt-loom-tests --release "$@"
