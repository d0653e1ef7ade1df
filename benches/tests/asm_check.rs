//! The normal path of the defer kernels, checked in the CURRENT release
//! build's assembly, strictly.
//!
//! The test compiles the benches library in release mode with
//! `--emit=asm` (into its own target dir under `CARGO_TARGET_TMPDIR`, so it
//! never fights the caller's build; incremental after the first run), then
//! reads the functions the gungraun benches measure and holds each to a
//! [`Rule`]:
//!
//! * **No allocator call**, ever: `__rust_alloc`, `__rust_dealloc`,
//!   `__rust_realloc`, `__rust_alloc_zeroed`, their `__rdl_` forms,
//!   `exchange_malloc`, and libc's `malloc`, `calloc`, `realloc`, `free`,
//!   `posix_memalign`, `aligned_alloc`.
//! * **Only the listed cold functions** may be called (directly, through the
//!   GOT, or as a tail `jmp`): each kernel's rule names the engine functions
//!   it may reach off the normal path, and each of them must be defined in
//!   `.text.unlikely` (a `#[cold]` function). Any other call fails, engine
//!   or not.
//! * **Cold calls only after the last `ret`** (for the body kernels, whose
//!   normal path is straight-line code): branch layout must have put every
//!   cold call in the tail of the function, off the fall-through path.
//! * **Indirect calls are counted** (`call reg`, `call [reg + ..]`, and the
//!   same as tail `jmp`s): the open-coded kernels may make none (the
//!   deferred closure is called directly, as Go's open-coded defers are);
//!   the chain's loop makes exactly two, both through the newest record's
//!   vtable: its `run` shim (a run of records of one type) or its `call`
//!   shim (a record alone of its type).
//!
//! The rules are plain data checked by [`violations`], whose own tests feed
//! it seeded problems (an indirect call, a `__rust_dealloc`, a cold call on
//! the fall-through path, an unlisted cold function, a listed one that is not
//! cold) and must see each. `.ci/run` runs this file as part of
//! `cargo test --workspace`; there is no lenient mode.
//!
//! Only x86-64 is checked (the asm is Intel syntax from LLVM).
#![cfg(target_arch = "x86_64")]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// `cargo rustc --release -p <package> --lib -- --emit=asm` into the check's
/// own target dir; returns the newest `<stem>-*.s`.
fn emit_asm(package: &str, stem: &str) -> String {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("asm-check");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(manifest)
        .env_remove("CARGO_TARGET_DIR")
        .args(["rustc", "--release", "-p", package, "--lib"])
        .arg("--target-dir")
        .arg(&target)
        .args(["--", "--emit=asm", "-C", "llvm-args=-x86-asm-syntax=intel"])
        .output()
        .expect("run cargo rustc --emit=asm");
    assert!(
        out.status.success(),
        "release build of {package} with --emit=asm failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let deps = target.join("release").join("deps");
    let newest = std::fs::read_dir(&deps)
        .expect("deps dir")
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.starts_with(&format!("{stem}-")) && n.ends_with(".s")
        })
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .unwrap_or_else(|| panic!("an emitted {stem}-*.s"));
    std::fs::read_to_string(newest.path()).expect("read the .s file")
}

/// The release asm of the benches library (the kernels, and the generic
/// engine code monomorphised for them), built once per test process.
fn release_asm() -> &'static str {
    static ASM: OnceLock<String> = OnceLock::new();
    ASM.get_or_init(|| emit_asm("deferrt-benches", "deferrt_benches"))
}

/// The `#[cold]` functions of the benches library and of the core itself
/// (the core's non-generic functions, e.g. `Worker::refill`, are defined in
/// its own object).
fn cold_defined() -> &'static [String] {
    static COLD: OnceLock<Vec<String>> = OnceLock::new();
    COLD.get_or_init(|| {
        let core = emit_asm("deferrt-core", "deferrt_core");
        cold_functions(release_asm())
            .into_iter()
            .chain(cold_functions(&core))
            .map(str::to_string)
            .collect()
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

/// An allocator entry point: the Rust allocator shims (by substring, they
/// are mangled or prefixed) or libc's (by exact symbol).
fn is_alloc(target: &str) -> bool {
    let rust = [
        "__rust_alloc",
        "__rust_alloc_zeroed",
        "__rust_dealloc",
        "__rust_realloc",
        "__rdl_alloc",
        "__rdl_dealloc",
        "__rdl_realloc",
        "__rdl_alloc_zeroed",
        "exchange_malloc",
    ];
    let libc = [
        "malloc",
        "calloc",
        "realloc",
        "free",
        "posix_memalign",
        "aligned_alloc",
    ];
    rust.iter().any(|a| target.contains(a)) || libc.contains(&symbol(target))
}

/// Whether `sym` (legacy-mangled) is the function `name` of some path:
/// `_ZN..14exit_open_cold17h..E`.
fn is_function(sym: &str, name: &str) -> bool {
    sym.contains(&format!("{}{}17h", name.len(), name))
}

const REGISTERS: &[&str] = &[
    "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13",
    "r14", "r15",
];

/// A `call` or `jmp` operand that is not a symbol: a register, or a memory
/// operand that is not a rip-relative (GOT) slot.
fn is_indirect(operand: &str) -> bool {
    let o = operand.trim();
    REGISTERS.contains(&o) || (o.contains('[') && !o.contains("rip"))
}

/// A call into `core::panicking` (`panic_fmt`, `panic`, ...): the engine's
/// misuse panics (a frame depth overflow, a token of another task). They
/// never return, and core's are `#[cold]`; a rule may allow them, after the
/// last `ret` like the cold calls.
fn is_panic(sym: &str) -> bool {
    sym.contains("4core9panicking")
}

/// What a kernel's assembly may contain besides straight-line code.
struct Rule {
    kernel: &'static str,
    why: &'static str,
    /// The engine functions it may call (by name), each only if it is
    /// `#[cold]` (defined in `.text.unlikely`).
    cold: &'static [&'static str],
    /// Whether it may call `core::panicking` (see [`is_panic`]).
    panics: bool,
    /// Whether every cold call must come after the function's last `ret`.
    cold_after_last_ret: bool,
    /// How many indirect calls it may make.
    indirect: usize,
}

/// Everything in `insns` that `rule` forbids; `cold_defined` are the
/// symbols of the `.text.unlikely` functions of the same asm.
fn violations<S: AsRef<str>>(insns: &[&str], cold_defined: &[S], rule: &Rule) -> Vec<String> {
    let mut bad = Vec::new();
    let last_ret = insns
        .iter()
        .rposition(|l| *l == "ret" || l.starts_with("ret\t"));
    let mut indirect = 0;
    // Registers loaded with a function's GOT slot: a `call reg` through one
    // is a direct call to that function (checked at the load), which LLVM
    // hoists out of a loop.
    let got_regs: Vec<&str> = insns
        .iter()
        .filter_map(|l| {
            let rest = l.strip_prefix("mov")?.trim();
            let (reg, src) = rest.split_once(',')?;
            src.contains("@GOTPCREL").then_some(reg.trim())
        })
        .collect();
    for (i, l) in insns.iter().enumerate() {
        let Some((op, rest)) = l.split_once(char::is_whitespace) else {
            continue;
        };
        let rest = rest.trim();
        if (op == "call" || op == "jmp") && got_regs.contains(&rest) {
            continue; // its target was checked where the register was loaded
        }
        if (op == "call" || op == "jmp") && is_indirect(rest) {
            indirect += 1;
            if indirect > rule.indirect {
                bad.push(format!(
                    "indirect {op} #{indirect} (allowed: {}): `{l}`",
                    rule.indirect
                ));
            }
            continue;
        }
        let target = match op {
            "call" => rest,
            "jmp" if !rest.starts_with(".L") => rest,
            "mov" if rest.contains("@GOTPCREL") => rest,
            _ => continue,
        };
        let sym = symbol(target);
        if is_alloc(target) {
            bad.push(format!("allocator call: `{l}`"));
            continue;
        }
        if rule.panics && is_panic(sym) {
            if rule.cold_after_last_ret && last_ret.is_none_or(|r| i < r) {
                bad.push(format!("panic call before the last `ret`: `{l}`"));
            }
            continue;
        }
        let Some(name) = rule.cold.iter().find(|n| is_function(sym, n)) else {
            bad.push(format!("call to an unlisted function: `{l}`"));
            continue;
        };
        if !cold_defined.iter().any(|c| c.as_ref() == sym) {
            bad.push(format!(
                "`{name}` is listed but not #[cold] (.text.unlikely): `{l}`"
            ));
        }
        if rule.cold_after_last_ret && last_ret.is_none_or(|r| i < r) {
            bad.push(format!(
                "cold call `{name}` before the last `ret` (on the fall-through path): `{l}`"
            ));
        }
    }
    bad
}

/// Checks a kernel of the current release build against its rule.
fn check(rule: &Rule) {
    let asm = release_asm();
    let insns = function(asm, rule.kernel);
    let bad = violations(&insns, cold_defined(), rule);
    assert!(
        bad.is_empty(),
        "deferrt_benches::{} ({}) breaks its rule:\n  {}\n\
         (see benches/CORE-PERF.md and asm-notes/README.md; its asm:)\n{}",
        rule.kernel,
        rule.why,
        bad.join("\n  "),
        insns.join("\n")
    );
}

/// One open-coded general slot: the slot's call is inlined; what a deferred
/// call that panicked or deferred, or frames left out of order, need is in
/// one cold function; entering the frame may panic (depth overflow).
const BODY_OPEN: Rule = Rule {
    kernel: "body_open",
    why: "one open-coded defer",
    cold: &["exit_open_slow"],
    panics: true,
    cold_after_last_ret: true,
    indirect: 0,
};

/// One open-coded `Leaf` slot: the one cold call left runs chain calls an
/// embedder registered on the open frame.
const BODY_LEAF: Rule = Rule {
    kernel: "body_leaf",
    why: "one open-coded Leaf defer",
    cold: &["exit_open_chain_calls"],
    panics: true,
    cold_after_last_ret: true,
    indirect: 0,
};

/// An inline frame is not a frame of the task: nothing but the Leaf call.
const BODY_INLINE: Rule = Rule {
    kernel: "body_inline",
    why: "one Leaf defer in an inline frame",
    cold: &[],
    panics: false,
    cold_after_last_ret: true,
    indirect: 0,
};

/// The chain in a loop: two indirect calls, both through the newest record's
/// vtable — its `run` shim (a run of records of one type: the whole loop
/// here) or its `call` shim (a record alone of its type) —, the
/// task's stack taking memory and then registering the record
/// (`push_after_grow`: a chunk from the worker, or a larger buffer; the task
/// keeps it, so nothing is given back at the exit), and the
/// exit's two cold paths: a token that is not the innermost frame's
/// (`align_to`), and a call that panicked or left frames or records
/// (`exit_after_unusual_call`, which finishes the frame).
const LOOP_CHAIN: Rule = Rule {
    kernel: "loop_chain",
    why: "n chain defers in a loop",
    cold: &["push_after_grow", "align_to", "exit_after_unusual_call"],
    panics: true,
    cold_after_last_ret: false,
    indirect: 2,
};

#[test]
fn open_coded_body_defer_calls_no_engine_code_and_allocates_nothing() {
    check(&BODY_OPEN);
}

#[test]
fn open_coded_leaf_defer_calls_no_engine_code_and_allocates_nothing() {
    check(&BODY_LEAF);
}

#[test]
fn inline_frame_calls_no_engine_code_at_all() {
    check(&BODY_INLINE);
}

#[test]
fn chain_loop_makes_only_its_vtable_calls_and_allocates_nothing() {
    check(&LOOP_CHAIN);
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
    assert!(is_function(
        "_ZN4core4open14exit_open_cold17h0123E",
        "exit_open_cold"
    ));
    assert!(!is_function(
        "_ZN4core4open14exit_open_cold17h0123E",
        "open_cold"
    ));
    assert!(is_indirect("rax") && is_indirect("qword ptr [rax + 8]"));
    assert!(!is_indirect("qword ptr [rip + _ZN3foo17hE@GOTPCREL]"));
    assert!(is_alloc("__rust_dealloc@PLT") && is_alloc("free@PLT"));
    assert!(!is_alloc(
        "qword ptr [rip + _ZN4core4pool6Worker8try_free17hE@GOTPCREL]"
    ));
}

/// A body kernel's shape, with `tail` put after the `ret` and `hot` before
/// it; `.text.unlikely` defines `_ZN4core4open14exit_open_slow17habcE`.
fn seeded(hot: &[&'static str], tail: &[&'static str]) -> Vec<String> {
    let mut insns = vec!["push\trbx", "mov\trcx, qword ptr [rdi]"];
    insns.extend_from_slice(hot);
    insns.extend(["pop\trbx", "ret"]);
    insns.extend_from_slice(tail);
    let cold = ["_ZN4core4open14exit_open_slow17habcE"];
    violations(&insns, &cold, &BODY_OPEN)
}

const COLD_CALL: &str = "call\tqword ptr [rip + _ZN4core4open14exit_open_slow17habcE@GOTPCREL]";

#[test]
fn the_rules_accept_a_cold_call_after_the_last_ret() {
    assert_eq!(
        seeded(&[], &[COLD_CALL, "jmp\t.LBB1_4"]),
        Vec::<String>::new()
    );
}

#[test]
fn seeded_indirect_call_is_caught() {
    let v = seeded(
        &["mov\trax, qword ptr [rdi + 8]", "call\tqword ptr [rax]"],
        &[],
    );
    assert!(v.iter().any(|m| m.starts_with("indirect call")), "{v:?}");
    let v = seeded(&[], &["jmp\trax"]);
    assert!(v.iter().any(|m| m.starts_with("indirect jmp")), "{v:?}");
}

#[test]
fn a_call_through_a_hoisted_got_load_is_direct() {
    let load = "mov\tr13, qword ptr [rip + _ZN4core4open14exit_open_slow17habcE@GOTPCREL]";
    assert_eq!(seeded(&[], &[load, "call\tr13"]), Vec::<String>::new());
    // Another register is still an indirect call.
    let v = seeded(&[], &[load, "call\tr12"]);
    assert!(v.iter().any(|m| m.starts_with("indirect call")), "{v:?}");
}

#[test]
fn seeded_dealloc_is_caught() {
    let v = seeded(&[], &["call\tqword ptr [rip + __rust_dealloc@GOTPCREL]"]);
    assert!(v.iter().any(|m| m.starts_with("allocator call")), "{v:?}");
    let v = seeded(&["call\tfree@PLT"], &[]);
    assert!(v.iter().any(|m| m.starts_with("allocator call")), "{v:?}");
}

#[test]
fn seeded_cold_call_on_the_fall_through_path_is_caught() {
    let v = seeded(&[COLD_CALL], &[]);
    assert!(
        v.iter().any(|m| m.contains("before the last `ret`")),
        "{v:?}"
    );
}

#[test]
fn seeded_panic_on_the_fall_through_path_is_caught() {
    let panic = "call\tqword ptr [rip + _RNvNtCs1a_4core9panicking9panic_fmt@GOTPCREL]";
    assert_eq!(seeded(&[], &[panic]), Vec::<String>::new());
    let v = seeded(&[panic], &[]);
    assert!(
        v.iter().any(|m| m.starts_with("panic call before")),
        "{v:?}"
    );
    // A rule that allows no panics (the inline frame) rejects it anywhere.
    let insns = ["ret", panic];
    let v = violations::<&str>(&insns, &[], &BODY_INLINE);
    assert!(
        v.iter().any(|m| m.starts_with("call to an unlisted")),
        "{v:?}"
    );
}

#[test]
fn seeded_unlisted_or_hot_engine_call_is_caught() {
    // An engine function not in the kernel's list, cold or not.
    let v = seeded(
        &[],
        &["call\tqword ptr [rip + _ZN4core4pool6Worker6refill17habcE@GOTPCREL]"],
    );
    assert!(
        v.iter().any(|m| m.starts_with("call to an unlisted")),
        "{v:?}"
    );
    // A listed name whose definition is not in .text.unlikely.
    let v = seeded(&[], &["call\t_ZN4core4open14exit_open_slow17hdefE"]);
    assert!(v.iter().any(|m| m.contains("not #[cold]")), "{v:?}");
    // Any other function, e.g. a memcpy the optimiser put in.
    let v = seeded(&["call\tqword ptr [rip + memcpy@GOTPCREL]"], &[]);
    assert!(
        v.iter().any(|m| m.starts_with("call to an unlisted")),
        "{v:?}"
    );
}

/// The scanner is not blind on real code: the naive baseline allocates and
/// frees, the chain's loop makes an indirect call and calls the engine, and
/// the body rule rejects all of it.
#[test]
fn the_scanner_sees_engine_calls_allocations_and_indirect_calls() {
    let asm = release_asm();
    let cold = cold_defined();
    let naive = violations(&function(asm, "loop_naive"), cold, &BODY_OPEN);
    assert!(
        naive.iter().any(|m| m.contains("__rust_alloc")),
        "{naive:?}"
    );
    assert!(
        naive.iter().any(|m| m.contains("__rust_dealloc")),
        "{naive:?}"
    );
    let chain = violations(&function(asm, "loop_chain"), cold, &BODY_OPEN);
    assert!(
        chain.iter().any(|m| m.starts_with("indirect call")),
        "{chain:?}"
    );
    assert!(
        chain.iter().any(|m| m.starts_with("call to an unlisted")),
        "{chain:?}"
    );
    let hand = violations(&function(asm, "body_hand"), cold, &BODY_INLINE);
    assert!(hand.is_empty(), "{hand:?}");
}
