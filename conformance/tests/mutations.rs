//! Feeds hundreds of deterministically mutated corpus programs to the
//! interpreter, in process: each must either be rejected with a
//! `FILE:LINE:COL: message` compile error, or run to an end with Go-shaped
//! output (or exhaust its step budget) — never a Rust panic, never a hang.
//!
//! "Never a hang" is enforced: each mutant runs on a thread of its own and
//! the test waits for it at most [`hang_limit`]; a mutant still running
//! then fails the test at once, with its source. The limit is a hang guard,
//! not a speed check: it is far above what any mutant needs (each runs at
//! most `step_budget` statements), and only has to tell "finishes" from
//! "never finishes".

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

mod common;
use common::*;
use minigo::{run_captured, Captured, Engine, Options, RunStatus};

/// What became of one mutant.
enum Ran {
    Finished(Captured),
    /// A Rust panic inside the interpreter.
    Panicked,
}

/// Runs one mutant on its own thread and waits at most `limit` for it.
/// Panics (failing the test) when the mutant is still running then; its
/// thread is left behind, and ends with the test process.
fn run_guarded(k: usize, name: &str, src: &str, opts: &Options, limit: Duration) -> Ran {
    let (tx, rx) = mpsc::channel();
    let (n, s, o) = (name.to_string(), src.to_string(), opts.clone());
    thread::Builder::new()
        .name(format!("mutant-{k}"))
        .spawn(move || {
            let r = catch_unwind(AssertUnwindSafe(|| run_captured(&n, &s, &o)));
            let _ = tx.send(r);
        })
        .expect("spawn a mutant's thread");
    match rx.recv_timeout(limit) {
        Ok(Ok(c)) => Ran::Finished(c),
        Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => Ran::Panicked,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "mutant {k} of {name} hangs: still running after {limit:?} \
             (a hang guard, not a speed limit; MINIGO_HANG_LIMIT_SECS changes it)\n{src}"
        ),
    }
}

/// xorshift64*: small, seeded, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The seeds: the corpus, the acceptance corpus of issues 9 and 10 (whose
/// programs use the whole syntax: types, methods, composite literals,
/// switch, select, range, labels, channels), and the parser's program that
/// uses every construct.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v: Vec<PathBuf> = Vec::new();
    for dir in ["cases", "cases-next"] {
        if let Ok(rd) = fs::read_dir(root.join(dir)) {
            v.extend(rd.filter_map(|e| e.ok().map(|e| e.path())));
        }
    }
    v.retain(|p| p.extension().is_some_and(|e| e == "go"));
    v.sort();
    v.push(root.join("src/parser/all_syntax.go"));
    v.into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, fs::read_to_string(&p).ok()?))
        })
        // A mutant of a program with an hour-long timer can wait for it
        // as Go would (a deleted send leaves only `time.After(time.Hour)`
        // ready): a real wait the hang guard cannot tell from a hang.
        .filter(|(_, src)| !src.contains("time.Hour"))
        .collect()
}

/// Crude tokens: identifier/number runs, whitespace runs, single other chars.
fn tokens(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let class = |c: char| {
        if c.is_alphanumeric() || c == '_' {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        }
    };
    for c in s.chars() {
        if let Some(last) = cur.chars().last() {
            if class(last) != class(c) || class(c) == 2 {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

const PUNCT: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    ";",
    ",",
    ".",
    ":",
    "=",
    ":=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "!",
    "&&",
    "||",
    "<",
    ">",
    "\"",
    "`",
    "'",
    "[",
    "]",
    "\n",
    "nil",
    "defer ",
    "return ",
    "panic(1)",
    "recover()",
    "x",
    "0",
    "[",
    "]",
    "...",
    "<-",
    "&",
    "*",
    "^",
    "&^",
    "<<",
    "1.5",
    "'a'",
    "0x1p-2",
    "range ",
    "switch ",
    "case ",
    "default:",
    "fallthrough",
    "goto L",
    "L:",
    "break L",
    "select ",
    "go ",
    "struct{}",
    "map[int]int",
    "chan int",
    "interface{ M() }",
    "func()",
    ".(type)",
    "type T ",
    "const ",
    "iota",
];

fn mutate(src: &str, rng: &mut Rng) -> String {
    let mut toks = tokens(src);
    let lines: Vec<&str> = src.lines().collect();
    let n = toks.len();
    if n < 2 || lines.is_empty() {
        // Nothing left to cut: grow instead.
        return format!("{src}}}\n");
    }
    match rng.below(9) {
        0 => {
            toks.remove(rng.below(n));
        }
        1 => {
            let i = rng.below(n);
            let t = toks[i].clone();
            toks.insert(i, t);
        }
        2 => {
            let i = rng.below(n.saturating_sub(1));
            toks.swap(i, i + 1);
        }
        3 => {
            let i = rng.below(n);
            let j = rng.below(n);
            toks.swap(i, j);
        }
        4 => {
            let p = PUNCT[rng.below(PUNCT.len())];
            toks.insert(rng.below(n + 1), p.to_string());
        }
        5 => {
            let cut = rng.below(src.len());
            let mut end = cut;
            while !src.is_char_boundary(end) {
                end -= 1;
            }
            return src[..end].to_string();
        }
        6 => {
            let mut ls = lines.clone();
            let i = rng.below(ls.len());
            ls.remove(i);
            return ls.join("\n");
        }
        7 => {
            let mut ls = lines.clone();
            let i = rng.below(ls.len());
            let j = rng.below(ls.len());
            ls.swap(i, j);
            return ls.join("\n");
        }
        _ => {
            // Replace an identifier by another one of the file.
            let idents: Vec<usize> = (0..n)
                .filter(|&i| toks[i].chars().next().is_some_and(|c| c.is_alphabetic()))
                .collect();
            if idents.len() >= 2 {
                let a = idents[rng.below(idents.len())];
                let b = idents[rng.below(idents.len())];
                toks[a] = toks[b].clone();
            }
        }
    }
    toks.concat()
}

/// `NAME:LINE:COL: message`.
fn is_compile_error(name: &str, stderr: &str) -> bool {
    let Some(rest) = stderr.strip_prefix(name).and_then(|r| r.strip_prefix(':')) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().unwrap_or("");
    let col = parts.next().unwrap_or("");
    let msg = parts.next().unwrap_or("");
    !line.is_empty()
        && line.chars().all(|c| c.is_ascii_digit())
        && !col.is_empty()
        && col.chars().all(|c| c.is_ascii_digit())
        && msg.starts_with(' ')
        && msg.len() > 1
        && stderr.ends_with('\n')
}

#[test]
fn mutated_programs_never_crash_the_interpreter() {
    let mut srcs = sources();
    // MINIGO_MUTATE_ONLY=TEXT: only the seeds whose file name contains it
    // (a hunt focused on one construct, e.g. `generic`).
    if let Ok(only) = std::env::var("MINIGO_MUTATE_ONLY") {
        srcs.retain(|(n, _)| n.contains(&only));
    }
    assert!(!srcs.is_empty(), "no corpus sources");
    // MINIGO_MUTANTS / MINIGO_SEED override the count and the seed for a
    // longer hunt; the defaults keep the test fast and deterministic.
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let mut rng = Rng(env("MINIGO_SEED").unwrap_or(0x5eed_1234_abcd_0042) | 1);
    let mut problems = Vec::new();
    let (mut compile_errors, mut ran, mut budget) = (0, 0, 0);
    let total = env("MINIGO_MUTANTS").unwrap_or(1200) as usize;
    let limit = hang_limit();
    for k in 0..total {
        // Every seed is used; the program that uses the whole syntax
        // (the last seed) gets one mutant in eight.
        let (name, src) = if k % 8 == 7 {
            &srcs[srcs.len() - 1]
        } else {
            &srcs[(k / 8 * 7 + k % 8) % srcs.len()]
        };
        let mut m = mutate(src, &mut rng);
        if rng.below(3) == 0 {
            m = mutate(&m, &mut rng);
        }
        let opts = Options {
            open_coded: k % 2 == 0,
            engine: if k % 4 >= 2 { Engine::Vm } else { Engine::Tree },
            step_budget: Some(200_000),
            max_depth: 5_000,
            stack_size: 256 << 20,
            ..Options::default()
        };
        if std::env::var_os("MINIGO_MUTANT_TRACE").is_some() {
            eprintln!("mutant {k} of {name}:\n{m}\n---");
        }
        let r = match run_guarded(k, name, &m, &opts, limit) {
            Ran::Finished(r) => r,
            Ran::Panicked => {
                problems.push(format!("mutant {k} of {name}: Rust panic\n{m}"));
                continue;
            }
        };
        let stderr = String::from_utf8_lossy(&r.stderr);
        // `os.\nExit(7)` is still a call of os.Exit (no semicolon after `.`);
        // `log.Fatal` exits with status 1 too.
        let flat = m.split_whitespace().collect::<String>();
        let calls_exit = flat.contains("os.Exit") || flat.contains("log.Fatal");
        match r.status {
            RunStatus::CompileError => {
                compile_errors += 1;
                if !is_compile_error(name, &stderr) {
                    problems.push(format!(
                        "mutant {k} of {name}: bad compile error {stderr:?}\n{m}"
                    ));
                }
            }
            RunStatus::BudgetExhausted => budget += 1,
            RunStatus::Exit(code) => {
                ran += 1;
                let go_shaped = match code {
                    2 => {
                        stderr.contains("panic: ") || stderr.contains("fatal error: ") || calls_exit
                    }
                    0 => !stderr.contains("panic: ") && !stderr.contains("minigo:"),
                    // A run-time refusal (`runtime.Caller` through a frame
                    // minigo cannot name as gc does): one positioned line.
                    1 if stderr.ends_with(" is not supported by minigo\n") => {
                        is_compile_error(name, &stderr) && stderr.lines().count() == 1
                    }
                    _ => calls_exit,
                };
                if !go_shaped || stderr.contains("internal error") {
                    problems.push(format!(
                        "mutant {k} of {name}: exit {code} with stderr {stderr:?}\n{m}"
                    ));
                }
            }
        }
    }
    eprintln!(
        "{total} mutants: {compile_errors} compile errors, {ran} ran, {budget} out of budget"
    );
    assert!(
        compile_errors > 0 && ran > 0,
        "the mutations should produce both outcomes"
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}
