//! The register machine's own property: deferred calls are activations of
//! the machine, not Rust calls, so deep chains of deferred calls do not
//! use host stack (what goroutines that block inside deferred calls need).

use minigo::{run_captured, Engine, Options, RunStatus};

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
    // 16 MiB of host stack, of which the interpreters may use 12 MiB: the
    // tree walker needs kilobytes per interpreted call and stops with Go's
    // stack overflow long before 60 000 nested calls; the machine needs the
    // same few frames of host stack at any depth.
    let opts = |engine| Options {
        engine,
        stack_size: 16 << 20,
        ..Options::default()
    };
    let vm = run_captured("deep.go", DEEP_DEFERS, &opts(Engine::Vm));
    assert_eq!(String::from_utf8_lossy(&vm.stderr), "");
    assert_eq!(String::from_utf8_lossy(&vm.stdout), "recovered: bottom\n");
    assert_eq!(vm.status, RunStatus::Exit(0));
    let tree = run_captured("deep.go", DEEP_DEFERS, &opts(Engine::Tree));
    assert_eq!(tree.status, RunStatus::Exit(2));
    assert!(String::from_utf8_lossy(&tree.stderr).contains("fatal error: stack overflow"));
}
