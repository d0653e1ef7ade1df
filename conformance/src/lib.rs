//! # minigo
//!
//! A Go-subset interpreter that embeds `deferrt-core` for `defer`, `panic`,
//! `recover` and `runtime.Goexit`, checked against real Go 1.27 outputs
//! (the corpus in `conformance/cases`).
//!
//! The pipeline: [`lexer`] → [`parser`] ([`ast`]) → [`checker`] ([`ir`]) →
//! `compile` ([`code`]) → [`vm`], the register machine, which runs on the
//! core with the values and package functions of [`rt`]. [`run`] runs a
//! source file on a thread of its own and writes the program's stdout and
//! stderr to the writers it is given; [`run_captured`] collects them in
//! memory.
//!
//! ```
//! let r = minigo::run_captured("x.go", "package main\n\nfunc main() { defer println(\"b\"); println(\"a\") }\n", &minigo::Options::default());
//! assert_eq!(r.stderr, b"a\nb\n");
//! assert_eq!(r.status, minigo::RunStatus::Exit(0));
//! ```
#![warn(missing_docs)]

pub mod ast;
pub mod buildtag;
pub mod checker;
pub mod code;
pub mod compile;
mod fastmap;
pub mod ir;
pub mod lexer;
pub mod parser;
pub mod rt;
pub mod sched;
pub mod types;
pub mod value;
pub mod vm;

use std::io::Write;
use std::sync::{Arc, Mutex};

pub use vm::{Func, RunStatus, Session};

/// How to run a program.
#[derive(Debug, Clone)]
pub struct Options {
    /// Open-code the defers of functions that qualify (the default); when
    /// false every frame uses the core's defer chain.
    pub open_coded: bool,
    /// The deepest interpreted call nesting before Go's "stack overflow".
    pub max_depth: usize,
    /// Stop with [`RunStatus::BudgetExhausted`] after this many steps: a
    /// step is a function call or a backward jump (a loop's next
    /// iteration, a `goto` back): every unbounded execution takes steps
    /// without end.
    pub step_budget: Option<u64>,
    /// `os.Exit` ends the whole process (the binary) instead of stopping the
    /// interpreter (the library default, for in-process tests).
    pub exit_process: bool,
    /// Kept so that older callers compile: there is one engine.
    pub engine: Engine,
    /// Print the run's statistics (goroutines, migrations between workers,
    /// the record pool's accounting) to stderr at the end.
    pub stats: bool,
    /// Worker threads that run goroutines (`minigo run --procs N`); `None`:
    /// `GOMAXPROCS` from the environment, else the machine's cores.
    pub procs: Option<usize>,
    /// The seed of the workers' random numbers (`select`'s choice).
    pub seed: u64,
    /// Stack size of the interpreter thread and of each worker thread, in
    /// bytes. The machine keeps interpreted calls as data, so its host stack
    /// use does not grow with the interpreted call depth.
    pub stack_size: usize,
    /// Never free the program's syntax tree, the checker's tables, the
    /// checked program and the compiled code (the `minigo` binary, whose
    /// process ends with the run: freeing them would only delay it, by
    /// about 30 k instructions for a corpus program). Default `false`.
    pub leak_program: bool,
}

/// The interpreter that runs a program: there is one, the register machine
/// (ARCHITECTURE.md, "minigo's machine"). The tree walker is gone; both
/// values are kept so that older callers compile, and both run the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// The register machine.
    #[default]
    Vm,
    /// Formerly the tree walker; now runs the register machine too (the
    /// command line refuses `--engine=tree`).
    Tree,
}

/// Interpreted calls allowed before the stack overflow error: about the
/// depth at which Go's 1 GB stack is full of ~100-byte frames. A goroutine
/// also overflows when its activations take more than 1.5 GiB of the
/// machine's memory (a million calls with a defer each fit).
pub const DEFAULT_MAX_DEPTH: usize = 10_000_000;

impl Default for Options {
    fn default() -> Self {
        Options {
            open_coded: true,
            max_depth: DEFAULT_MAX_DEPTH,
            step_budget: None,
            exit_process: false,
            engine: Engine::Vm,
            stats: false,
            procs: None,
            seed: 0x5eed,
            stack_size: 16 << 20,
            leak_program: false,
        }
    }
}

/// Parses and checks `src` without running it; `Err` is the first compile
/// error as `FILE:LINE:COL: message`.
///
/// ```
/// assert!(minigo::check("x.go", "package main\n\nfunc main() {}\n").is_ok());
/// assert_eq!(minigo::check("x.go", "package main\n\nfunc main() { y }\n").unwrap_err(),
///            "x.go:3:15: undefined: y");
/// ```
pub fn check(file_name: &str, src: &str) -> Result<ir::Program, String> {
    check_leaking(file_name, src, false)
}

/// [`check`]; with `leak`, the syntax tree is not freed
/// ([`Options::leak_program`]).
fn check_leaking(file_name: &str, src: &str, leak: bool) -> Result<ir::Program, String> {
    let file = parser::parse(src).map_err(|e| format!("{file_name}:{}: {}", e.pos, e.msg))?;
    let prog = checker::check_source_leaking(&file, src, leak);
    if leak {
        std::mem::forget(file);
    }
    let mut prog = prog.map_err(|e| format!("{file_name}:{}: {}", e.pos, e.msg))?;
    // Only a stack walk shows the absolute path: the OS is asked for it
    // only then (no current-directory query per run, none under Miri).
    if prog.walks_stack {
        let path = std::path::absolute(file_name).unwrap_or_else(|_| file_name.into());
        prog.file = std::rc::Rc::from(path.to_string_lossy().as_ref());
    }
    prog.file_name = std::rc::Rc::from(file_name);
    Ok(prog)
}

/// [`check`], then compiles to the machine's code.
///
/// ```
/// let image = minigo::compile("x.go", "package main\n\nfunc main() { println(1) }\n").unwrap();
/// assert_eq!(&*image.protos[image.main as usize].name, "main.main");
/// ```
pub fn compile(file_name: &str, src: &str) -> Result<code::Image, String> {
    check(file_name, src).map(|p| compile::program(&p))
}

/// Where each defer statement's calls live: one line per defer statement,
/// `FILE:LINE:COL: FUNC: defer #SITE: TIER`, where TIER is
/// `open-coded (slot SITE)` or `chain (REASON)`. `Err` is the first compile
/// error, as for `compile`. With `open_coded == false` every site reports
/// the chain, as `minigo run --no-open-coded` runs it.
///
/// ```
/// let src = "package main\n\nfunc main() {\n\tdefer println(1)\n\tfor i := 0; i < 2; i++ {\n\t\tfunc() {\n\t\t\tdefer println(i)\n\t\t}()\n\t}\n}\n";
/// let t = minigo::tiers("x.go", src, true).unwrap();
/// assert_eq!(t, "x.go:7:4: main.main.func1: defer #0: open-coded (slot 0)\n\
///                x.go:4:2: main.main: defer #0: open-coded (slot 0)\n");
/// ```
pub fn tiers(file_name: &str, src: &str, open_coded: bool) -> Result<String, String> {
    let prog = check(file_name, src)?;
    let mut out = String::new();
    for t in &prog.tiers {
        let tier = match (open_coded, &t.chain_reason) {
            (true, None) => format!("open-coded (slot {})", t.site),
            (true, Some(why)) => format!("chain ({why})"),
            (false, _) => "chain (--no-open-coded)".to_string(),
        };
        out.push_str(&format!(
            "{file_name}:{}: {}: defer #{}: {tier}\n",
            t.pos, t.func, t.site
        ));
    }
    Ok(out)
}

/// Runs the program in `src` (named `file_name` in error messages) on a
/// new thread of `opts.stack_size` bytes, writing its output to `out` and
/// `err`. A compile error is written to `err` as `FILE:LINE:COL: message`.
///
/// A Rust panic inside the interpreter (a bug) is resumed on the calling
/// thread.
pub fn run(
    file_name: &str,
    src: &str,
    opts: &Options,
    out: Box<dyn Write + Send>,
    err: Box<dyn Write + Send>,
) -> RunStatus {
    let name = file_name.to_string();
    let src = src.to_string();
    let opts = opts.clone();
    let handle = std::thread::Builder::new()
        .name("minigo".into())
        .stack_size(opts.stack_size)
        .spawn(move || run_here(&name, &src, &opts, out, err));
    match handle {
        Ok(h) => match h.join() {
            Ok(s) => s,
            Err(p) => std::panic::resume_unwind(p),
        },
        Err(e) => {
            eprintln!("minigo: cannot start the interpreter thread: {e}");
            RunStatus::Exit(2)
        }
    }
}

/// [`run`] on the current thread: a program that cannot start goroutines
/// runs on it too (its one worker is this thread), so give it a stack of
/// [`Options::stack_size`] bytes as [`run`] does.
pub fn run_here(
    file_name: &str,
    src: &str,
    opts: &Options,
    out: Box<dyn Write + Send>,
    mut err: Box<dyn Write + Send>,
) -> RunStatus {
    let compiled = check_leaking(file_name, src, opts.leak_program).map(|p| {
        let image = compile::program(&p);
        if opts.leak_program {
            std::mem::forget(p);
        }
        image
    });
    let prog = match compiled {
        Ok(p) => p,
        Err(msg) => {
            let _ = writeln!(err, "{msg}");
            let _ = err.flush();
            return RunStatus::CompileError;
        }
    };
    let settings = vm::Settings {
        open_coded: opts.open_coded,
        max_depth: opts.max_depth,
        budget: opts.step_budget,
        exit_process: opts.exit_process,
        stats: opts.stats,
        procs: opts.procs,
        seed: opts.seed,
        stack_size: opts.stack_size,
        leak_code: opts.leak_program,
    };
    vm::execute(prog, &settings, out, err)
}

/// The worker count when [`Options::procs`] is `None`: the `GOMAXPROCS`
/// environment variable if it is a positive number, as Go reads it, else
/// the machine's cores.
///
/// ```
/// assert!(minigo::procs_from_env() >= 1);
/// ```
pub fn procs_from_env() -> usize {
    std::env::var("GOMAXPROCS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(sched::default_procs)
}

/// A finished run's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
    /// How it ended.
    pub status: RunStatus,
}

/// A writer into a shared buffer.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut v) => v.extend_from_slice(buf),
            Err(p) => p.into_inner().extend_from_slice(buf),
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Shared {
    fn take(&self) -> Vec<u8> {
        match self.0.lock() {
            Ok(mut v) => std::mem::take(&mut *v),
            Err(p) => std::mem::take(&mut *p.into_inner()),
        }
    }
}

/// [`run`] with stdout and stderr collected in memory.
pub fn run_captured(file_name: &str, src: &str, opts: &Options) -> Captured {
    let out = Shared::default();
    let err = Shared::default();
    let status = run(
        file_name,
        src,
        opts,
        Box::new(out.clone()),
        Box::new(err.clone()),
    );
    Captured {
        stdout: out.take(),
        stderr: err.take(),
        status,
    }
}
