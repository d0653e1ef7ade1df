//! The open-coded path, checked in the CURRENT release build's assembly.
//!
//! The test compiles the benches library in release mode with
//! `--emit=asm` (into its own target dir under `CARGO_TARGET_TMPDIR`, so it
//! never fights the caller's build; incremental after the first run), then
//! reads the function `deferrt_benches::body_open` — the kernel the
//! gungraun `body` bench measures — and fails when it contains a `call` or
//! a tail `jmp` to any `deferrt_core` symbol (the open-coded path must not
//! call into the engine, Go's open-coded defers make no runtime call) or to
//! an allocator (`__rust_alloc`, `malloc`, ...).
//!
//! One exception, because the engine never unwinds the host stack: the
//! unusual cases of an open frame's exit (a deferred call that panicked,
//! registered chain defers, frames left out of order) must be handled by
//! engine code reached from the frame itself. A call to a `deferrt_core`
//! function that the compiler placed in `.text.unlikely` (a `#[cold]`
//! function, defined in this same asm) is therefore allowed and printed, not
//! failed: it is off the normal path, where branch layout puts it after the
//! `ret`. Set `ASM_CHECK_STRICT=1` to fail on those too (any `deferrt_core`
//! symbol at all). Allocator calls are never allowed.
//!
//! `deferrt_benches::body_leaf` (one open-coded `Leaf` slot) is checked the
//! same way: the `Leaf` call itself cannot reach the engine, but the frame's
//! exit keeps one cold call, for chain calls an embedder registered on the
//! open frame (they must run after its slots, not be left for a later frame).
//!
//! Only x86-64 is checked (the asm is Intel syntax from LLVM).
#![cfg(target_arch = "x86_64")]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The release asm of the benches library, built once per test process.
fn release_asm() -> &'static str {
    static ASM: OnceLock<String> = OnceLock::new();
    ASM.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("asm-check");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let out = Command::new(cargo)
            .current_dir(manifest)
            .env_remove("CARGO_TARGET_DIR")
            .args(["rustc", "--release", "-p", "deferrt-benches", "--lib"])
            .arg("--target-dir")
            .arg(&target)
            .args(["--", "--emit=asm", "-C", "llvm-args=-x86-asm-syntax=intel"])
            .output()
            .expect("run cargo rustc --emit=asm");
        assert!(
            out.status.success(),
            "release build with --emit=asm failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let deps = target.join("release").join("deps");
        let newest = std::fs::read_dir(&deps)
            .expect("deps dir")
            .filter_map(Result::ok)
            .filter(|e| {
                let n = e.file_name();
                let n = n.to_string_lossy();
                n.starts_with("deferrt_benches-") && n.ends_with(".s")
            })
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
            .expect("an emitted deferrt_benches-*.s");
        std::fs::read_to_string(newest.path()).expect("read the .s file")
    })
}

/// The instruction lines of the function whose (legacy-mangled) symbol is
/// `deferrt_benches::<name>`.
fn function<'a>(asm: &'a str, name: &str) -> Vec<&'a str> {
    // _ZN15deferrt_benches9body_open17h0123456789abcdefE:
    let prefix = format!("_ZN15deferrt_benches{}{}17h", name.len(), name);
    let mut lines = asm.lines();
    lines
        .by_ref()
        .find(|l| l.starts_with(&prefix) && l.ends_with("E:"))
        .unwrap_or_else(|| panic!("no function deferrt_benches::{name} in the asm"));
    lines
        .take_while(|l| !l.trim_start().starts_with(".Lfunc_end") && !l.contains(".cfi_endproc"))
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('.') && !l.starts_with('#'))
        .collect()
}

/// Targets of the calls of a function's instructions: direct and through
/// the GOT (`call sym`, `call qword ptr [rip + sym@GOTPCREL]`), tail calls
/// (`jmp sym`), and symbols loaded from the GOT into a register for a later
/// `call reg` (`mov r12, qword ptr [rip + sym@GOTPCREL]`).
fn call_targets(insns: &[&str]) -> Vec<String> {
    insns
        .iter()
        .filter_map(|l| {
            let (op, rest) = l.split_once(char::is_whitespace)?;
            let rest = rest.trim();
            match op {
                "call" => Some(rest.to_string()),
                // A jump to a symbol (not a local .L label) is a tail call.
                "jmp" if !rest.starts_with(".L") => Some(rest.to_string()),
                "mov" if rest.contains("@GOTPCREL") => Some(rest.to_string()),
                _ => None,
            }
        })
        .collect()
}

/// The bare symbol of a call target (`qword ptr [rip + sym@GOTPCREL]`,
/// `sym@PLT`, `r12, qword ptr [rip + sym@GOTPCREL]`).
fn symbol(target: &str) -> &str {
    let t = target.rsplit("rip + ").next().unwrap_or(target);
    let t = t.trim_end_matches(']');
    t.split('@').next().unwrap_or(t).trim()
}

/// Symbols the asm defines in a `.text.unlikely.*` section: cold functions.
fn cold_functions(asm: &str) -> Vec<&str> {
    asm.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l.strip_prefix(".section")?.trim().trim_start_matches('"');
            let sym = rest.strip_prefix(".text.unlikely.")?;
            Some(sym.split(['"', ',']).next().unwrap_or(sym))
        })
        .collect()
}

fn is_engine(target: &str) -> bool {
    target.contains("deferrt_core")
}

fn is_alloc(target: &str) -> bool {
    [
        "__rust_alloc",
        "__rust_alloc_zeroed",
        "__rust_realloc",
        "__rdl_alloc",
        "exchange_malloc",
        "malloc",
        "calloc",
        "realloc",
        "posix_memalign",
    ]
    .iter()
    .any(|a| target.contains(a))
}

/// Checks `deferrt_benches::<kernel>`: no allocator call ever, and no
/// call into `deferrt_core` — except, unless `strict`, to a `#[cold]`
/// engine function (printed, not failed).
fn check_no_engine_call(kernel: &str, strict: bool, why: &str) {
    let asm = release_asm();
    let insns = function(asm, kernel);
    let cold = cold_functions(asm);
    let targets = call_targets(&insns);
    let cold_engine: Vec<&String> = targets
        .iter()
        .filter(|t| is_engine(t) && cold.contains(&symbol(t)))
        .collect();
    let bad: Vec<&String> = targets
        .iter()
        .filter(|t| is_alloc(t) || (is_engine(t) && (strict || !cold.contains(&symbol(t)))))
        .collect();
    if !cold_engine.is_empty() {
        eprintln!(
            "{kernel} reaches these #[cold] engine functions off the normal path{}:\n  {}",
            if strict { " (strict: failing)" } else { "" },
            cold_engine
                .iter()
                .map(|t| symbol(t))
                .collect::<Vec<_>>()
                .join("\n  ")
        );
    }
    assert!(
        bad.is_empty(),
        "deferrt_benches::{kernel} ({why}) calls into the engine or allocates{}:\n  {}\n\
         (see benches/CORE-PERF.md and asm-notes/README.md; its asm:)\n{}",
        if strict {
            " (strict rule: no deferrt_core call at all, cold or not)"
        } else {
            ""
        },
        bad.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        insns.join("\n")
    );
}

#[test]
fn open_coded_body_defer_calls_no_engine_code_and_allocates_nothing() {
    // The general slot may reach the engine off the normal path (a #[cold]
    // function); ASM_CHECK_STRICT=1 fails on that too.
    let strict = std::env::var_os("ASM_CHECK_STRICT").is_some_and(|v| v == "1");
    check_no_engine_call("body_open", strict, "one open-coded defer");
}

#[test]
fn open_coded_leaf_defer_calls_no_engine_code_and_allocates_nothing() {
    // A Leaf slot cannot reach the engine, and the frame's exit knows it
    // (`Deferred::LEAF`): no engine call on the normal path; the one cold
    // call left handles chain calls registered on the open frame.
    let strict = std::env::var_os("ASM_CHECK_STRICT").is_some_and(|v| v == "1");
    check_no_engine_call("body_leaf", strict, "one open-coded Leaf defer");
}

#[test]
fn inline_frame_calls_no_engine_code_at_all() {
    // An inline frame is not a frame of the task: its exit is the Leaf
    // calls and nothing else, so no deferrt_core call at all, cold or not.
    check_no_engine_call("body_inline", true, "one Leaf defer in an inline frame");
}

#[test]
fn symbols_and_cold_sections_parse() {
    assert_eq!(
        symbol("qword ptr [rip + _ZN3foo3bar17hE@GOTPCREL]"),
        "_ZN3foo3bar17hE"
    );
    assert_eq!(
        symbol("r12, qword ptr [rip + _ZN3foo17hE@GOTPCREL]"),
        "_ZN3foo17hE"
    );
    assert_eq!(symbol("_Unwind_Resume@PLT"), "_Unwind_Resume");
    assert_eq!(symbol("_ZN3foo17hE"), "_ZN3foo17hE");
    let asm = "\t.section\t\".text.unlikely._ZN1a17hE\",\"ax\",@progbits\n\
               \t.section\t.text.unlikely._ZN1b17hE,\"ax\",@progbits\n\
               \t.section\t.text._ZN1c17hE,\"ax\",@progbits\n";
    assert_eq!(cold_functions(asm), ["_ZN1a17hE", "_ZN1b17hE"]);
}

/// The scanner is not blind: the naive baseline allocates and the chain
/// path reaches the engine's (cold) refill, and the scanner sees both.
#[test]
fn the_scanner_sees_engine_calls_and_allocations() {
    let asm = release_asm();
    let naive = call_targets(&function(asm, "loop_naive"));
    assert!(naive.iter().any(|t| is_alloc(t)), "{naive:?}");
    let chain = call_targets(&function(asm, "loop_chain"));
    assert!(chain.iter().any(|t| is_engine(t)), "{chain:?}");
    let hand = call_targets(&function(asm, "body_hand"));
    assert!(hand.is_empty(), "{hand:?}");
}
