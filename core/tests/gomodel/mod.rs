//! A tiny Go-like language of `defer`, `panic`, `recover` and `Goexit`
//! programs, run two ways and compared:
//!
//! * [`engine`] drives `deferrt-core` through its public API, choosing per
//!   function the way an embedder would leave it (chain frames through
//!   `exit`/`unwind`, `leave` or `call`; open frames with general or `Leaf`
//!   slots; inline frames; deferred bodies in adopted open frames);
//! * [`reference`] is a direct interpreter of Go 1.27's runtime rules
//!   (`gopanic`, `nextDefer`, `recovery`, `gorecover`, `Goexit`,
//!   `printpanics`), written from `runtime/panic.go`, not from the engine.
//!
//! [`goprint`] prints a program as Go source, so the reference model itself
//! is checked against the real Go toolchain (`DEFERRT_GO_CHECK=1`, see
//! `core/tests/model.rs`).
//!
//! Shared by the property test (`core/tests/model.rs`), the named
//! regressions (`core/tests/model_regressions.rs`) and the libFuzzer target
//! (`fuzz/fuzz_targets/model.rs`, which includes this directory by path).
#![allow(dead_code)]

pub mod engine;
pub mod goprint;
pub mod reference;

use core::fmt;

/// A panic value. The constants a program can name are `Int`, `Str` and
/// `Nil`; `NilErr` and `NilDeref` are made by the runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val {
    /// An integer constant: `panic(n)`.
    Int(u8),
    /// A string constant, an index into [`STRS`].
    Str(u8),
    /// `nil`: `panic(nil)` turns it into [`Val::NilErr`].
    Nil,
    /// `*runtime.PanicNilError`.
    NilErr,
    /// The nil-dereference `runtime.Error` (a fault: `[signal SIGSEGV ...]`).
    NilDeref,
}

/// The string constants a program can panic with.
pub const STRS: [&str; 2] = ["boom", "two\nlines"];

/// The `[signal ...]` line, with the program counter normalised to 0.
pub const SIGNAL: &str = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";

impl Val {
    /// What `panic(v)` carries (Go 1.21+: `panic(nil)` is a PanicNilError).
    pub fn on_panic(self) -> Val {
        match self {
            Val::Nil => Val::NilErr,
            v => v,
        }
    }

    /// Go's interface identity for these values: constants are static data
    /// (identical when equal), every PanicNilError is the same zero-size
    /// pointer, and the nil-dereference error is one global value.
    pub fn identical(self, other: Val) -> bool {
        self == other
    }
}

/// How `fmt.Println` and `printpanicval` show the value (they agree for
/// these values: errors print their `Error()` text).
impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Val::Int(n) => write!(f, "{n}"),
            Val::Str(i) => f.write_str(STRS[*i as usize % STRS.len()]),
            Val::Nil => f.write_str("<nil>"),
            Val::NilErr => f.write_str("runtime error: panic called with nil argument"),
            Val::NilDeref => {
                f.write_str("runtime error: invalid memory address or nil pointer dereference")
            }
        }
    }
}

/// One statement of a function body. Ids are assigned by [`normalize`], in
/// program order, so every trace line names the statement that wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stmt {
    /// `fmt.Println("p", id)`
    Print(u16),
    /// `func() { body }()` then `fmt.Println("ret", id)`
    Call(Func),
    /// `defer func() { body }()`
    Defer(Func),
    /// `var nf func(); defer nf()`: panics with a nil dereference when run.
    DeferNil,
    /// `panic(v)`
    Panic(Val),
    /// `r := recover(); fmt.Println("r", id, r)`
    Recover(u16),
    /// `r := recover(); fmt.Println("r", id, r); panic(r)` (nil: PanicNilError)
    Repanic(u16),
    /// `r := recover(); fmt.Println("r", id, r); if r != nil { panic(r) }`
    RecoverRepanic(u16),
    /// `runtime.Goexit()`
    Goexit,
    /// `var nf func(); nf()`
    NilCall,
    /// `for i := 0; i < n; i++ { body }`: a function with a loop keeps its
    /// defers on the chain (Go does not open-code defers in loops), and a
    /// long loop of defers runs the worker's cache through refills and
    /// spills.
    Loop(u8, Vec<Stmt>),
}

/// How the engine runner treats a function. Go does not see it: every kind
/// must give Go's behaviour. For a deferred function, the chain kinds run the
/// body as a plain deferred closure, `Open`/`OpenCall` in an adopted open
/// frame with general slots, `OpenLeaf` in an adopted open frame with `Leaf`
/// slots, and `Inline` as a plain closure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `enter` + `exit` / `unwind`
    Chain,
    /// `enter` + `leave`
    Leave,
    /// `Cx::call`
    CallFn,
    /// `enter_open` (general slots) + `exit_open` / `unwind_open`
    Open,
    /// `call_open` (general slots)
    OpenCall,
    /// `enter_open` with `Leaf` slots
    OpenLeaf,
    /// `enter_inline` (`Leaf` slots, not a frame of the task)
    Inline,
}

pub const KINDS: [Kind; 7] = [
    Kind::Chain,
    Kind::Leave,
    Kind::CallFn,
    Kind::Open,
    Kind::OpenCall,
    Kind::OpenLeaf,
    Kind::Inline,
];

/// A function literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Func {
    pub kind: Kind,
    /// For a `Defer` in an open frame: registered on the task's chain
    /// (`Cx::defer`) instead of a slot. [`normalize`] keeps it only where Go
    /// order is kept: before the frame's first slot defer.
    pub chain: bool,
    pub id: u16,
    pub body: Vec<Stmt>,
}

/// The most slots an open frame of the runner has.
pub const SLOTS: usize = 8;

/// Makes a generated tree one the runner can drive with Go's semantics, and
/// numbers the statements. Idempotent, so shrunk trees stay valid.
///
/// * `main` is never inline (there is no enclosing frame to inline into);
/// * a function with more than [`SLOTS`] defers uses the chain;
/// * `Leaf` slots (`OpenLeaf`, `Inline`, and the adopted `OpenLeaf` of a
///   deferred body) need every defer of the body to be a print-only
///   function; otherwise the kind falls back to `Open` (`Chain` for inline);
/// * an inline body never calls `recover` directly (the embedder's compiler
///   knows it statically) and registers nothing on the chain;
/// * chain-registered defers in an open frame come before its slot defers.
pub fn normalize(main: &mut Func) {
    if main.kind == Kind::Inline {
        main.kind = Kind::CallFn;
    }
    let mut next = 0u16;
    norm_func(main, false, &mut next, false);
}

fn norm_func(f: &mut Func, deferred: bool, next: &mut u16, in_loop: bool) {
    f.id = *next;
    *next = next.wrapping_add(1);
    let defers = f
        .body
        .iter()
        .filter(|s| matches!(s, Stmt::Defer(_) | Stmt::DeferNil))
        .count();
    let all_leaf = f.body.iter().all(|s| match s {
        Stmt::Defer(g) => is_leaf_body(&g.body),
        Stmt::DeferNil => false,
        _ => true,
    });
    let recovers = f.body.iter().any(|s| {
        matches!(
            s,
            Stmt::Recover(_) | Stmt::Repanic(_) | Stmt::RecoverRepanic(_)
        )
    });
    let loops = f.body.iter().any(|s| matches!(s, Stmt::Loop(..)));
    if f.kind == Kind::Inline && !deferred && (!all_leaf || recovers || defers > SLOTS) {
        f.kind = Kind::Chain;
    }
    if f.kind == Kind::OpenLeaf && !all_leaf {
        f.kind = Kind::Open;
    }
    if matches!(
        f.kind,
        Kind::Open | Kind::OpenCall | Kind::OpenLeaf | Kind::Inline
    ) && (defers > SLOTS || loops)
    {
        f.kind = Kind::Chain;
    }
    let open = matches!(f.kind, Kind::Open | Kind::OpenCall | Kind::OpenLeaf)
        || (f.kind == Kind::Inline && !deferred);
    let mut seen_slot = f.kind == Kind::Inline && !deferred;
    norm_stmts(&mut f.body, open, &mut seen_slot, next, in_loop);
}

fn norm_stmts(body: &mut [Stmt], open: bool, seen_slot: &mut bool, next: &mut u16, in_loop: bool) {
    for s in body {
        match s {
            Stmt::Print(id) | Stmt::Recover(id) | Stmt::Repanic(id) | Stmt::RecoverRepanic(id) => {
                *id = *next;
                *next = next.wrapping_add(1);
            }
            Stmt::Call(g) => norm_func(g, false, next, in_loop),
            Stmt::Defer(g) => {
                if !open || *seen_slot {
                    g.chain = false;
                } else if !g.chain {
                    *seen_slot = true;
                }
                norm_func(g, true, next, in_loop);
            }
            Stmt::DeferNil => *seen_slot = true,
            Stmt::Loop(n, b) => {
                // A loop inside a loop runs at most twice: the trace stays small.
                if in_loop {
                    *n = (*n).min(2);
                }
                norm_stmts(b, false, seen_slot, next, true);
            }
            _ => {}
        }
    }
}

/// A deferred body a `Leaf` slot can run: prints only.
pub fn is_leaf_body(body: &[Stmt]) -> bool {
    body.iter().all(|s| matches!(s, Stmt::Print(_)))
}

/// How a program ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum End {
    /// `main` returned (exit status 0).
    Normal,
    /// An unrecovered panic: the crash text up to `goroutine 1 [running]:`.
    Crash(String),
    /// `Goexit` on the main goroutine ran every deferred call.
    GoexitDeadlock,
}

/// What a run printed and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// stdout, one line per trace event (`p ID`, `r ID VALUE`, `ret ID`).
    pub out: Vec<String>,
    pub end: End,
}

impl Outcome {
    /// The text Go writes to stderr before the traceback.
    pub fn stderr(&self) -> String {
        match &self.end {
            End::Normal => String::new(),
            End::Crash(s) => s.clone(),
            End::GoexitDeadlock => {
                "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n".into()
            }
        }
    }
}

/// The trace line of a `recover()` result.
pub fn rec_line(id: u16, r: Option<Val>) -> String {
    match r {
        Some(v) => format!("r {id} {v}"),
        None => format!("r {id} <nil>"),
    }
}

/// Runs `main` through the engine and through the reference model, and
/// says how they differ (`Err`), with the program printed as Go.
pub fn check(main: &Func) -> Result<Outcome, String> {
    let want = reference::run(main);
    let got = engine::run(main);
    let got = match got {
        Ok(o) => o,
        Err(problem) => {
            return Err(format!(
                "engine accounting: {problem}\nprogram:\n{}",
                goprint::program(&[main])
            ))
        }
    };
    if got != want && !(KNOWN_SIGNAL_DIVERGENCE && signal_only(&want, &got)) {
        return Err(format!(
            "engine and model differ\n--- model (Go rules):\n{}\n{}--- engine:\n{}\n{}program:\n{}",
            want.out.join("\n"),
            want.stderr(),
            got.out.join("\n"),
            got.stderr(),
            goprint::program(&[main])
        ));
    }
    Ok(want)
}

/// A divergence once known, now fixed and kept as the regression
/// `model_regressions::fault_recovered_under_an_older_panic_keeps_the_signal_line`:
/// Go prints the `[signal ...]` line whenever `gp.sig` is set, and only a
/// recovery that leaves no panic on the goroutine clears it; the engine
/// used to print it only when a panic still on the stack carried a signal.
/// While this is `true`, a difference in that one line alone (the model has
/// it, the engine does not) is accepted; it is `false` since the engine
/// keeps its fault as Go does. `DEFERRT_MODEL_STRICT=1` turns the tolerance
/// off at run time.
pub const KNOWN_SIGNAL_DIVERGENCE: bool = false;

fn signal_only(want: &Outcome, got: &Outcome) -> bool {
    if std::env::var_os("DEFERRT_MODEL_STRICT").is_some() || want.out != got.out {
        return false;
    }
    match (&want.end, &got.end) {
        (End::Crash(w), End::Crash(g)) => {
            !g.contains(SIGNAL) && w.replacen(&format!("{SIGNAL}\n"), "", 1) == *g
        }
        _ => false,
    }
}

/// Reads a program from fuzzer bytes: each byte picks a statement; `Call`
/// and `Defer` take a kind byte and open a body, closed by a 0 byte or the
/// end of the input. Nesting is capped at `max_depth`; bodies at
/// `max_len` statements.
pub fn from_bytes(data: &[u8]) -> Func {
    let mut r = Bytes { data, pos: 0 };
    let kind = KINDS[r.next().unwrap_or(2) as usize % KINDS.len()];
    let body = read_body(&mut r, 0);
    let mut main = Func {
        kind,
        chain: false,
        id: 0,
        body,
    };
    normalize(&mut main);
    main
}

struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bytes<'_> {
    fn next(&mut self) -> Option<u8> {
        let b = self.data.get(self.pos).copied();
        self.pos += 1;
        b
    }
}

const MAX_DEPTH: usize = 5;
const MAX_LEN: usize = 12;

fn read_body(r: &mut Bytes<'_>, depth: usize) -> Vec<Stmt> {
    let mut body = Vec::new();
    while body.len() < MAX_LEN {
        let Some(b) = r.next() else { break };
        let s = match b % 16 {
            0 => break,
            1 | 2 => Stmt::Print(0),
            3..=5 if depth < MAX_DEPTH => {
                let k = r.next().unwrap_or(0);
                let f = Func {
                    kind: KINDS[(k & 7) as usize % KINDS.len()],
                    chain: k & 8 != 0,
                    id: 0,
                    body: read_body(r, depth + 1),
                };
                if b % 16 == 3 {
                    Stmt::Call(f)
                } else {
                    Stmt::Defer(f)
                }
            }
            6 => Stmt::DeferNil,
            7 | 8 => Stmt::Panic(match b >> 4 {
                0..=9 => Val::Int(b >> 4),
                10..=13 => Val::Str((b >> 4) & 1),
                _ => Val::Nil,
            }),
            9 | 10 => Stmt::Recover(0),
            11 => Stmt::Repanic(0),
            12 => Stmt::RecoverRepanic(0),
            13 => Stmt::Goexit,
            14 => Stmt::NilCall,
            15 if depth < MAX_DEPTH => {
                let n = r.next().unwrap_or(0) % 40;
                Stmt::Loop(n, read_body(r, depth + 1))
            }
            _ => Stmt::Print(0),
        };
        body.push(s);
    }
    body
}
