//! The register machine's own property: deferred calls are activations of
//! the machine, not Rust calls, so deep chains of deferred calls do not
//! use host stack (what goroutines that block inside deferred calls need).

use minigo::{run_captured, Options, RunStatus};

/// Each level runs the next one from a deferred call; the bottom panics and
/// `main` recovers after the panic has crossed every level's frames.
const DEEP_DEFERS: &str = r#"package main

import "fmt"

func down(n int) int {
	if n == 0 {
		panic("bottom")
	}
	r := 0
	func() {
		defer func() { r = down(n-1) + 1 }()
	}()
	return r
}

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(down(20000))
}
"#;

#[test]
fn deferred_calls_do_not_use_host_stack() {
    // 60 000 nested interpreted calls, each a deferred call inside a
    // deferred call, on a 1 MiB host stack: a Rust call per interpreted call
    // (the old tree walker needed kilobytes each) would overflow it; the
    // machine needs the same few frames of host stack at any depth.
    let opts = Options {
        stack_size: 1 << 20,
        ..Options::default()
    };
    let vm = run_captured("deep.go", DEEP_DEFERS, &opts);
    assert_eq!(String::from_utf8_lossy(&vm.stderr), "");
    assert_eq!(String::from_utf8_lossy(&vm.stdout), "recovered: bottom\n");
    assert_eq!(vm.status, RunStatus::Exit(0));
}

/// The number after `key ` in the `--stats` line.
fn stat(stderr: &str, key: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("minigo: stats:"))
        .unwrap_or_else(|| panic!("no stats line in {stderr:?}"));
    let at = line
        .find(&format!("{key} "))
        .unwrap_or_else(|| panic!("no {key} in {line:?}"));
    line[at + key.len() + 1..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number after {key} in {line:?}"))
}

/// `runtime.Gosched` inside deferred calls — while a panic runs them, in a
/// deferred call's own deferred call, between loop defers — suspends the
/// goroutine: the machine returns, its `Cx` is dropped, and it resumes on
/// whichever of the two workers is free (at most one migration per
/// Gosched; `sched_stress`-style tests with many goroutines show that
/// migrations happen). The output is Go's (case 114), every record is back
/// in a cache or the pool, and nothing was discarded.
#[test]
fn goroutine_suspends_inside_deferred_calls_and_resumes_on_another_worker() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let src = std::fs::read_to_string(dir.join("114_gosched_in_deferred_calls.go")).unwrap();
    let want = std::fs::read(dir.join("114_gosched_in_deferred_calls.stdout")).unwrap();
    for open_coded in [true, false] {
        let opts = Options {
            open_coded,
            stats: true,
            procs: Some(2),
            ..Options::default()
        };
        let r = run_captured("114.go", &src, &opts);
        let err = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.stdout, want, "stderr: {err}");
        assert_eq!(r.status, RunStatus::Exit(0));
        assert!(
            stat(&err, "migrations") <= 12,
            "one per Gosched call at most: {err}"
        );
        assert_eq!(stat(&err, "goroutines"), 1, "{err}");
        let carved = stat(&err, "carved");
        assert!(carved > 0, "the loop defers use chain records: {err}");
        assert_eq!(
            carved,
            stat(&err, "pool") + stat(&err, "caches"),
            "records lost: {err}"
        );
        assert_eq!(stat(&err, "calls"), 0, "calls discarded: {err}");
    }
}
