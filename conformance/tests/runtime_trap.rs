//! `runtime.Breakpoint()`: Go's process stops at once with SIGTRAP's report
//! and status 2, running no deferred call (the corpus cannot record it: the
//! report's PC line carries an address, which minigo writes as 0x0).

use minigo::{run_captured, Options, RunStatus};

#[test]
fn breakpoint_stops_the_process_without_running_deferred_calls() {
    let src = r#"package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("before")
	defer fmt.Println("deferred: never printed")
	func() {
		defer func() { fmt.Println("inner deferred: never printed", recover()) }()
		runtime.Breakpoint()
	}()
	fmt.Println("after: never printed")
}
"#;
    for open_coded in [true, false] {
        let opts = Options {
            open_coded,
            ..Options::default()
        };
        let c = run_captured("main.go", src, &opts);
        assert_eq!(String::from_utf8_lossy(&c.stdout), "before\n");
        assert_eq!(
            String::from_utf8_lossy(&c.stderr),
            "SIGTRAP: trace trap\nPC=0x0 m=0 sigcode=128\n\n"
        );
        assert_eq!(c.status, RunStatus::Exit(2));
    }
}
