//! The `[signal ...]` line of minigo's crash reports, which the corpus
//! (`corpus.rs`, like `record.sh`) leaves out. Go prints it whenever
//! `gp.sig` is set: a fault sets it, and only a recovery that leaves no
//! panic on the goroutine clears it. Each program's expected stderr is what
//! Go 1.27.3 printed up to `goroutine 1 [running]:`, with the fault's pc
//! written as 0x0 (as minigo prints it).

use minigo::{run_captured, Options};

const SIG: &str = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";

/// minigo's stderr for `src`, up to and including the first `goroutine `
/// line, in both modes (open-coded defers and chain only), which must agree.
fn crash(src: &str) -> String {
    let mut got = Vec::new();
    for open_coded in [true, false] {
        let opts = Options {
            open_coded,
            ..Options::default()
        };
        let c = run_captured("main.go", src, &opts);
        let text = String::from_utf8(c.stderr).expect("utf-8 stderr");
        let mut cut = String::new();
        for line in text.split_inclusive('\n') {
            cut.push_str(line);
            if line.starts_with("goroutine ") {
                break;
            }
        }
        got.push(cut);
    }
    assert_eq!(got[0], got[1], "open-coded and chain-only runs differ");
    got.swap_remove(0)
}

#[test]
fn fault_recovered_under_an_older_panic_keeps_the_signal_line() {
    let src = r#"package main

import "fmt"

func main() {
	defer func() {
		defer func() { r := recover(); fmt.Println("r", r) }()
		var nf func()
		nf()
	}()
	panic(1)
}
"#;
    assert_eq!(
        crash(src),
        format!("panic: 1\n{SIG}\ngoroutine 1 [running]:\n")
    );
}

#[test]
fn fault_recovered_under_a_goexit_keeps_the_signal_line() {
    let src = r#"package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer func() { panic(5) }()
	defer func() {
		defer func() { r := recover(); fmt.Println("r", r) }()
		var nf func()
		nf()
	}()
	runtime.Goexit()
}
"#;
    assert_eq!(
        crash(src),
        format!("panic: 5\n{SIG}\ngoroutine 1 [running]:\n")
    );
}

#[test]
fn a_recovery_that_empties_the_list_clears_the_signal_line() {
    let src = r#"package main

import "fmt"

func main() {
	defer func() { panic(2) }()
	defer func() { r := recover(); fmt.Println("r1", r) }()
	defer func() {
		defer func() { r := recover(); fmt.Println("r3", r) }()
		var nf func()
		nf()
	}()
	panic(1)
}
"#;
    assert_eq!(crash(src), "panic: 2\n\ngoroutine 1 [running]:\n");
}

#[test]
fn repanicking_a_saved_fault_value_prints_no_signal_line() {
    let src = r#"package main

import "fmt"

var saved any

func f() {
	defer func() { saved = recover() }()
	var nf func()
	nf()
}

func main() {
	f()
	fmt.Println("saved", saved)
	panic(saved)
}
"#;
    assert_eq!(
        crash(src),
        "panic: runtime error: invalid memory address or nil pointer dereference\n\ngoroutine 1 [running]:\n"
    );
}
