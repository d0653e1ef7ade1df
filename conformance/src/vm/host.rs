//! The [`Host`] (the core's `E`: what a worker runs goroutines with — the
//! program's variables, its output, its limits) and [`execute`], which runs
//! a program's initialisation and `main` on the main goroutine.

use std::collections::HashSet;
use std::io::Write;
use std::sync::{Arc, Mutex};

use deferrt_core::Unwind;

use super::Cx;
use crate::code::Image;
use crate::rt::errors;
use crate::rt::{cell, Cell, Closure, Output, Str, Value};

/// Why the program stopped early, without unwinding normally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Halt {
    /// `os.Exit(n)`.
    Exit(i32),
    /// Interpreted call depth over the limit: Go's fatal stack overflow.
    StackOverflow,
    /// The step budget ran out.
    Budget,
}

/// What a worker runs goroutines with: the core's `E`. Each worker thread
/// has its own (`Host::fork`); the program's functions, variables and
/// output are shared.
pub struct Host {
    /// The top-level functions as func values (one identity each).
    pub(crate) funcs: Vec<Arc<Closure>>,
    /// Package-level variables.
    pub(crate) globals: Vec<Cell>,
    io: Arc<Mutex<Io>>,
    pub(crate) open_coded: bool,
    pub(crate) max_depth: usize,
    pub(crate) steps: u64,
    budget: Option<u64>,
    pub(crate) halted: Option<Halt>,
    exit_process: bool,
    literals: Arc<HashSet<usize>>,
    /// The program may use the file system (`Options::files`).
    files: bool,
    /// The scheduler and the running goroutine, when the program runs on
    /// worker threads (`None` in a [`crate::Session`]).
    pub(crate) go: Option<super::go::GoCx>,
}

/// The program's stdout and stderr, shared by the workers.
struct Io {
    out: Box<dyn Write + Send>,
    err: Box<dyn Write + Send>,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    /// The process exit status Go would have (0, `os.Exit(n)`, 2 for a
    /// crash).
    Exit(i32),
    /// The program is not valid Go of the subset (exit status 1).
    CompileError,
    /// The step budget ran out (only with [`crate::Options::step_budget`]).
    BudgetExhausted,
}

impl RunStatus {
    /// The process exit status for this outcome.
    ///
    /// ```
    /// assert_eq!(minigo::RunStatus::CompileError.code(), 1);
    /// ```
    pub fn code(self) -> i32 {
        match self {
            RunStatus::Exit(n) => n,
            RunStatus::CompileError => 1,
            RunStatus::BudgetExhausted => 3,
        }
    }
}

impl Host {
    fn io(&self) -> std::sync::MutexGuard<'_, Io> {
        self.io.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Writes to stderr even after the program ended (the runtime's last
    /// words: a crash report, a deadlock, `--stats`).
    pub(crate) fn err_always(&mut self, b: &[u8]) {
        let mut io = self.io();
        let _ = io.err.write_all(b);
        let _ = io.err.flush();
    }

    /// Whether the program is over (another goroutine ended it): nothing
    /// more is written.
    fn ended(&self) -> bool {
        self.go.as_ref().is_some_and(|g| g.exiting())
    }
}

impl Output for Host {
    fn out(&mut self, b: &[u8]) {
        if !self.ended() {
            let _ = self.io().out.write_all(b);
        }
    }

    fn err(&mut self, b: &[u8]) {
        if !self.ended() {
            let mut io = self.io();
            let _ = io.err.write_all(b);
            let _ = io.err.flush();
        }
    }

    fn files(&self) -> bool {
        self.files
    }
}

impl Host {
    /// A host for `image`, writing to `out` and `err`.
    pub(crate) fn new(
        image: &Image,
        s: &Settings,
        out: Box<dyn Write + Send>,
        err: Box<dyn Write + Send>,
    ) -> Host {
        let funcs = image
            .protos
            .iter()
            .map(|p| {
                Arc::new(Closure {
                    proto: p.clone(),
                    captured: Vec::new(),
                })
            })
            .collect();
        Host {
            funcs,
            globals: (0..image.nglobals).map(|_| cell(Value::Nil)).collect(),
            io: Arc::new(Mutex::new(Io { out, err })),
            open_coded: s.open_coded,
            max_depth: s.max_depth,
            steps: 0,
            budget: s.budget,
            halted: None,
            exit_process: s.exit_process,
            literals: Arc::new(image.literals.iter().map(addr).collect()),
            files: s.files,
            go: None,
        }
    }

    /// Another worker's host for the same program: the same functions,
    /// variables and output; its own step count and halt state.
    pub(crate) fn fork(&self) -> Host {
        Host {
            funcs: self.funcs.clone(),
            globals: self.globals.clone(),
            io: self.io.clone(),
            open_coded: self.open_coded,
            max_depth: self.max_depth,
            steps: 0,
            budget: self.budget,
            halted: None,
            exit_process: self.exit_process,
            literals: self.literals.clone(),
            files: self.files,
            go: None,
        }
    }

    /// Whether `s` is a string constant's data (gc's static data: converting
    /// it to an interface allocates nothing).
    pub(crate) fn is_literal(&self, s: &Str) -> bool {
        self.literals.contains(&addr(s))
    }

    /// Counts a step; `true` when the budget is spent.
    pub(crate) fn count_step(&mut self) -> bool {
        self.steps += 1;
        self.budget.is_some_and(|b| self.steps > b)
    }

    /// Counts `n` steps at once (a goroutine's wait); `true` when the
    /// budget is spent.
    pub(crate) fn count_steps(&mut self, n: u64) -> bool {
        self.steps += n;
        self.budget.is_some_and(|b| self.steps > b)
    }

    /// Stops the program with `h` from outside any goroutine's machine
    /// (no task to unwind): the message and the shared halt state of
    /// [`halt`], for `Halt::Budget`.
    pub(crate) fn halt_outside(&mut self, h: Halt) {
        if h == Halt::Budget {
            self.err(b"minigo: step budget exhausted\n");
        }
        self.halted = Some(h);
        if let Some(g) = self.go.as_ref() {
            g.shared.halted(h);
        }
    }

    pub(crate) fn flush(&mut self) {
        let mut io = self.io();
        let _ = io.out.flush();
        let _ = io.err.flush();
    }
}

fn addr(s: &Str) -> usize {
    s.as_bytes().as_ptr() as usize
}

/// Stops the program: records why and returns a Goexit unwinding, during
/// which no interpreted code runs any more (deferred calls return at once).
pub(crate) fn halt(cx: &mut Cx<'_>, h: Halt) -> Unwind {
    let it = cx.env();
    match h {
        Halt::Exit(n) if it.exit_process => {
            it.flush();
            std::process::exit(n);
        }
        Halt::StackOverflow => {
            let gid = it.go.as_ref().map_or(1, |g| g.gid);
            it.err(errors::STACK_OVERFLOW.as_bytes());
            it.err(format!("goroutine {gid} [running]:\n").as_bytes());
        }
        Halt::Budget => it.err(b"minigo: step budget exhausted\n"),
        Halt::Exit(_) => {}
    }
    it.halted = Some(h);
    if let Some(g) = it.go.as_ref() {
        g.shared.halted(h);
    }
    cx.goexit()
}

/// Settings for [`execute`].
pub(crate) struct Settings {
    pub open_coded: bool,
    pub max_depth: usize,
    pub budget: Option<u64>,
    pub exit_process: bool,
    /// Print the run's statistics to stderr at the end (`--stats`).
    pub stats: bool,
    /// Worker threads (`--procs`); `None`: `GOMAXPROCS`, else the
    /// machine's cores, read only when the program can start goroutines or
    /// asks for the count (`runtime.GOMAXPROCS`).
    pub procs: Option<usize>,
    /// The seed of the workers' random numbers (`select`).
    pub seed: u64,
    /// Each worker thread's stack, in bytes.
    pub stack_size: usize,
    /// Never free the compiled program (`Options::leak_program`).
    pub leak_code: bool,
    /// The program may use the file system (`Options::files`).
    pub files: bool,
}
