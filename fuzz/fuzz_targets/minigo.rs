//! Any bytes as a `.go` source: minigo must answer with a positioned compile
//! error (`x.go:LINE:COL: message`) or run the program to an exit status
//! (or stop at its step budget) — never a Rust panic, never a hang (libFuzzer's
//! `-timeout` catches those), never an "internal error".
#![no_main]

use libfuzzer_sys::fuzz_target;
use minigo::{run_captured, Options, RunStatus};

/// `FILE:LINE:COL: message\n`, as `conformance/tests/mutations.rs` checks it.
fn positioned(name: &str, stderr: &str) -> bool {
    let Some(rest) = stderr.strip_prefix(name).and_then(|r| r.strip_prefix(':')) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let num = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let (line, col, msg) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    num(line) && num(col) && msg.starts_with(' ') && msg.len() > 1 && stderr.ends_with('\n')
}

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let opts = Options {
        open_coded: data.first().is_some_and(|b| b & 1 == 0),
        // The budgets of the mutation test, smaller: a fuzz input runs in
        // milliseconds or stops at its budget.
        step_budget: Some(100_000),
        max_depth: 2_000,
        stack_size: 64 << 20,
        ..Options::default()
    };
    let r = run_captured("x.go", &src, &opts);
    let stderr = String::from_utf8_lossy(&r.stderr);
    match r.status {
        RunStatus::CompileError => {
            assert!(
                positioned("x.go", &stderr),
                "unpositioned compile error {stderr:?}"
            )
        }
        RunStatus::BudgetExhausted => {}
        RunStatus::Exit(code) => {
            assert!(
                !stderr.contains("internal error"),
                "exit {code}: {stderr:?}"
            );
        }
    }
});
