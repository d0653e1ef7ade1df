//! `minigo run [--no-open-coded] [--stats] [--procs N] [--seed N] FILE.go`:
//! runs a Go-subset program as Go would, with Go's output and exit status,
//! on the register machine (ARCHITECTURE.md), its goroutines on `N` worker
//! threads (default: `GOMAXPROCS`, else the machine's cores; `--seed` fixes
//! `select`'s random choices). `--engine=vm` is accepted and does nothing
//! (there is one engine); `--engine=tree` is refused (the tree walker is
//! gone).
//!
//! `minigo tiers [--no-open-coded] FILE.go`: prints, for every defer
//! statement, whether its calls are open-coded (and in which slot) or go on
//! the core's chain, and why.
//!
//! The binary has its own C `main` (`#![no_main]`): Rust's start-up asks
//! glibc for the main thread's stack bounds to report a stack overflow
//! (`pthread_getattr_np`, which parses `/proc/self/maps`: about 110 k
//! instructions, a fifth of a hello-world run), and this thread does
//! nothing but read the arguments and wait for the interpreter thread.
//! What that start-up does that matters here is done below: `SIGPIPE`
//! ignored (a write to a closed pipe is an error, as before), stdout
//! flushed at the end, a Rust panic (an interpreter bug) exits with 101.
//! Not done: the stack-overflow message (an overflow of a host stack, a
//! bug, ends with `SIGSEGV` instead of Rust's message and `SIGABRT`) and
//! reopening closed standard descriptors on `/dev/null`.
//!
//! Safety: the only `unsafe` here is the exported `main` symbol (nothing
//! else in the program defines one) and the call of C's `signal` with
//! `SIGPIPE` and `SIG_IGN`, which touches no memory of ours.
// The test harness brings its own `main` (this file has no tests).
#![cfg_attr(not(test), no_main)]
#![cfg_attr(test, allow(dead_code))]

use std::io::{BufWriter, Write};

const USAGE: &str =
    "usage: minigo run|tiers [--no-open-coded] [--stats] [--procs N] [--seed N] FILE.go";

#[cfg(not(test))]
unsafe extern "C" {
    /// C's `signal(2)`; the handler as an address (`SIG_IGN` is 1).
    fn signal(sig: i32, handler: usize) -> usize;
}

/// `SIGPIPE` on Linux.
const SIGPIPE: i32 = 13;
/// `SIG_IGN` on Linux.
const SIG_IGN: usize = 1;

/// The process's entry, called by the C run time (std reads the arguments
/// itself on Linux).
// SAFETY: no other object of the program defines `main` (`#![no_main]`).
#[cfg(not(test))]
#[unsafe(no_mangle)]
extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    // SAFETY: sets the disposition of one signal; no memory is shared.
    unsafe { signal(SIGPIPE, SIG_IGN) };
    let code = std::panic::catch_unwind(minigo_main).unwrap_or(101);
    let _ = std::io::stdout().flush();
    code
}

fn minigo_main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = minigo::Options {
        exit_process: true,
        ..minigo::Options::default()
    };
    let mut file = None;
    let tiers = match args.first().map(String::as_str) {
        Some("run") => false,
        Some("tiers") => true,
        _ => {
            eprintln!("{USAGE}");
            return 2;
        }
    };
    let mut rest = args[1..].iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--procs" | "--seed" => {
                let n = rest.next().and_then(|v| v.parse::<u64>().ok());
                match (a.as_str(), n) {
                    ("--procs", Some(n)) if n > 0 => opts.procs = Some(n as usize),
                    ("--seed", Some(n)) => opts.seed = n,
                    _ => {
                        eprintln!("minigo: {a} needs a number (--procs: at least 1)\n{USAGE}");
                        return 2;
                    }
                }
            }
            "--no-open-coded" => opts.open_coded = false,
            "--engine=vm" => {}
            "--engine=tree" => {
                eprintln!("minigo: --engine=tree: the tree walker is gone; the register machine is the only engine");
                return 2;
            }
            "--stats" => opts.stats = true,
            s if s.starts_with('-') => {
                eprintln!("minigo: unknown flag {s}\n{USAGE}");
                return 2;
            }
            s if file.is_none() => file = Some(s.to_string()),
            _ => {
                eprintln!("{USAGE}");
                return 2;
            }
        }
    }
    let Some(path) = file else {
        eprintln!("{USAGE}");
        return 2;
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("minigo: {path}: {e}");
            return 1;
        }
    };
    if tiers {
        return match minigo::tiers(&path, &src, opts.open_coded) {
            Ok(t) => {
                print!("{t}");
                0
            }
            Err(msg) => {
                eprintln!("{msg}");
                1
            }
        };
    }
    let out = BufWriter::new(std::io::stdout());
    let status = minigo::run(
        &path,
        &src,
        &opts,
        Box::new(out),
        Box::new(std::io::stderr()),
    );
    let _ = std::io::stdout().flush();
    status.code() & 0xff
}
