//! The interpreter: runs a checked [`Program`] on a deferrt-core task.
//!
//! Every interpreted call enters a core frame (an open frame when the
//! checker open-coded the function's defers and open coding is on, a chain
//! frame otherwise); `defer` registers a `DeferredCall` (`eval.rs`) through the core;
//! panics are core panics, and `Err(Unwind)` travels up the Rust call
//! stack of the interpreter with `?` until a frame's `unwind` recovers it.

mod eval;
mod exec;
mod session;
mod vm;

pub use session::{Func, Session};

use std::io::Write;
use std::rc::Rc;

use deferrt_core::{Pool, Task, Unwind, Unwinding, Worker};

use crate::ir::Program;
use crate::value::{cell, Cell, Closure, Value};

/// Arguments a call keeps inline, with no allocation: a deferred call's
/// arguments live in its pooled record (the closure is sized so that a
/// `DeferredCall` fits the core's 224-byte class), a direct call's on the
/// interpreter's stack.
pub(crate) const ARGS_INLINE: usize = 4;

/// A call's argument values, as evaluated at the call (or `defer`)
/// statement: up to [`ARGS_INLINE`] inline, more on the heap.
pub(crate) type ArgVals = smallvec::SmallVec<[Value; ARGS_INLINE]>;

/// The core context type the interpreter runs with.
pub(crate) type Cx<'a> = deferrt_core::Cx<'a, Interp, Value>;

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

/// The interpreter's state: the environment of the core task.
pub struct Interp {
    funcs: Vec<Rc<Closure>>,
    globals: Vec<Cell>,
    out: Box<dyn Write + Send>,
    err: Box<dyn Write + Send>,
    open_coded: bool,
    depth: usize,
    max_depth: usize,
    steps: u64,
    budget: Option<u64>,
    halted: Option<Halt>,
    exit_process: bool,
    stack_base: usize,
    stack_limit: usize,
    literals: std::collections::HashSet<usize>,
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
    pub fn code(self) -> i32 {
        match self {
            RunStatus::Exit(n) => n,
            RunStatus::CompileError => 1,
            RunStatus::BudgetExhausted => 3,
        }
    }
}

impl Interp {
    fn write_out(&mut self, s: &str) {
        let _ = self.out.write_all(s.as_bytes());
    }

    fn write_err(&mut self, s: &str) {
        let _ = self.err.write_all(s.as_bytes());
        let _ = self.err.flush();
    }

    /// Whether `s` is a string constant's data (gc's static data: converting
    /// it to an interface allocates nothing).
    fn is_literal(&self, s: &Rc<str>) -> bool {
        self.literals.contains(&(s.as_ptr() as usize))
    }

    /// Bytes of host stack used since [`execute`] started.
    fn stack_used(&self) -> usize {
        let here = 0u8;
        let addr = std::hint::black_box(&here) as *const u8 as usize;
        self.stack_base.abs_diff(addr)
    }

    fn flush(&mut self) {
        let _ = self.out.flush();
        let _ = self.err.flush();
    }
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
        Halt::StackOverflow => it.write_err(
            "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\ngoroutine 1 [running]:\n",
        ),
        Halt::Budget => it.write_err("minigo: step budget exhausted\n"),
        Halt::Exit(_) => {}
    }
    it.halted = Some(h);
    cx.goexit()
}

/// Settings for [`execute`].
pub(crate) struct Settings {
    pub open_coded: bool,
    pub max_depth: usize,
    pub budget: Option<u64>,
    pub exit_process: bool,
    /// Stack bytes the interpreter may use (its thread's stack minus a margin).
    pub stack_limit: usize,
    /// Run on the register machine (`--engine vm`) instead of the tree walker.
    pub vm: bool,
    /// Print the run's statistics to stderr at the end (`--stats`).
    pub stats: bool,
}

/// Runs `prog` on one core task, writing to `out` and `err`.
pub(crate) fn execute(
    prog: &Program,
    s: &Settings,
    out: Box<dyn Write + Send>,
    err: Box<dyn Write + Send>,
) -> RunStatus {
    let funcs = prog
        .funcs
        .iter()
        .map(|code| {
            Rc::new(Closure {
                code: code.clone(),
                captured: Vec::new(),
            })
        })
        .collect();
    let mut interp = Interp {
        funcs,
        globals: (0..prog.nglobals).map(|_| cell(Value::Nil)).collect(),
        out,
        err,
        open_coded: s.open_coded,
        depth: 0,
        max_depth: s.max_depth,
        steps: 0,
        budget: s.budget,
        halted: None,
        exit_process: s.exit_process,
        stack_base: 0,
        stack_limit: s.stack_limit,
        literals: prog.literals.iter().map(|s| s.as_ptr() as usize).collect(),
    };
    let base = 0u8;
    interp.stack_base = std::hint::black_box(&base) as *const u8 as usize;
    let pool = Pool::new();
    let mut worker = Worker::new(&pool);
    let mut task: Task<Interp, Value> = Task::new(&pool);
    let mut workers = [Worker::new(&pool), Worker::new(&pool)];
    let mut migrations = 0;
    let result = if s.vm {
        vm::run_task(&mut task, &mut workers, &mut interp, prog).map(|(r, m)| {
            migrations = m;
            r
        })
    } else {
        match task.cx(&mut worker, &mut interp) {
            Ok(mut cx) => Some(exec::run_program(&mut cx, prog)),
            Err(_) => None,
        }
    };
    let status = match (result, interp.halted) {
        (None, _) => {
            interp.write_err("minigo: internal error: worker and task pools differ\n");
            RunStatus::Exit(2)
        }
        (_, Some(Halt::Exit(n))) => RunStatus::Exit(n),
        (_, Some(Halt::StackOverflow)) => RunStatus::Exit(2),
        (_, Some(Halt::Budget)) => RunStatus::BudgetExhausted,
        (Some(Ok(())), None) => RunStatus::Exit(0),
        (Some(Err(_)), None) => {
            let _ = interp.out.flush();
            let text = match task.unwinding() {
                Some(Unwinding::Panic(_)) => task.crash_report().to_string(),
                Some(Unwinding::Goexit) => {
                    "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"
                        .to_string()
                }
                None => "minigo: internal error: unwinding without a panic\n".to_string(),
            };
            interp.write_err(&text);
            RunStatus::Exit(2)
        }
    };
    let discarded = task.discarded_calls();
    drop(task);
    if s.stats {
        // Every record back in a cache or the central pool: none lost.
        let p = pool.stats();
        let cached = worker.cached() + workers.iter().map(Worker::cached).sum::<usize>();
        interp.write_err(&format!(
            "minigo: stats: goroutines 1, migrations {migrations}, records carved {}, \
             in the central pool {}, in worker caches {cached}, discarded calls {discarded}\n",
            p.carved, p.central_free
        ));
    }
    interp.flush();
    status
}
