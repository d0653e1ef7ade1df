//! The [`Host`] (the core's `E`: what a worker runs goroutines with — the
//! program's variables, its output, its limits) and [`execute`], which runs
//! a program's initialisation and `main` on the main goroutine.

use std::collections::HashSet;
use std::io::Write;
use std::sync::Arc;

use deferrt_core::{Pool, Task, Unwind, Unwinding, Worker};

use super::{Cx, G};
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

/// What a worker runs goroutines with: the core's `E`.
pub struct Host {
    /// The top-level functions as func values (one identity each).
    pub(crate) funcs: Vec<Arc<Closure>>,
    /// Package-level variables.
    pub(crate) globals: Vec<Cell>,
    out: Box<dyn Write + Send>,
    err: Box<dyn Write + Send>,
    pub(crate) open_coded: bool,
    pub(crate) max_depth: usize,
    pub(crate) steps: u64,
    budget: Option<u64>,
    pub(crate) halted: Option<Halt>,
    exit_process: bool,
    literals: HashSet<usize>,
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

impl Output for Host {
    fn out(&mut self, b: &[u8]) {
        let _ = self.out.write_all(b);
    }

    fn err(&mut self, b: &[u8]) {
        let _ = self.err.write_all(b);
        let _ = self.err.flush();
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
            out,
            err,
            open_coded: s.open_coded,
            max_depth: s.max_depth,
            steps: 0,
            budget: s.budget,
            halted: None,
            exit_process: s.exit_process,
            literals: image.literals.iter().map(addr).collect(),
        }
    }

    /// Whether `s` is a string constant's data (gc's static data: converting
    /// it to an interface allocates nothing).
    pub(crate) fn is_literal(&self, s: &Str) -> bool {
        self.literals.contains(&addr(s))
    }

    /// Counts a statement; `true` when the budget is spent.
    pub(crate) fn count_step(&mut self) -> bool {
        self.steps += 1;
        self.budget.is_some_and(|b| self.steps > b)
    }

    pub(crate) fn flush(&mut self) {
        let _ = self.out.flush();
        let _ = self.err.flush();
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
            it.err(errors::STACK_OVERFLOW.as_bytes());
            it.err(b"goroutine 1 [running]:\n");
        }
        Halt::Budget => it.err(b"minigo: step budget exhausted\n"),
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
    /// Print the run's statistics to stderr at the end (`--stats`).
    pub stats: bool,
}

/// Runs the package initialisation, the `init` functions and `main` on the
/// main goroutine, writing to `out` and `err`.
pub(crate) fn execute(
    image: Image,
    s: &Settings,
    out: Box<dyn Write + Send>,
    err: Box<dyn Write + Send>,
) -> RunStatus {
    let image = Arc::new(image);
    let mut host = Host::new(&image, s, out, err);
    let pool = Pool::new();
    let mut workers = [Worker::new(&pool), Worker::new(&pool)];
    let mut g = G::new(image.clone(), Task::new(&pool));
    let init = Arc::new(Closure {
        proto: image.init.clone(),
        captured: Vec::new(),
    });
    let entries = std::iter::once(init).chain(
        image
            .inits
            .iter()
            .chain(std::iter::once(&image.main))
            .filter_map(|&i| host.funcs.get(i as usize).cloned()),
    );
    let (mut on, mut migrations) = (0, 0);
    let mut result = Some(Ok(()));
    for entry in entries.collect::<Vec<_>>() {
        match g.run_to_end(entry, Vec::new(), &mut workers, &mut on, &mut host) {
            Some((r, _, m)) => {
                migrations += m;
                result = Some(r);
                if result != Some(Ok(())) {
                    break;
                }
            }
            None => {
                result = None;
                break;
            }
        }
    }
    if matches!(result, Some(Err(_))) && host.halted.is_none() {
        if let Some(Unwinding::Panic(_)) = g.task.unwinding() {
            g.preprint(&mut workers, &mut on, &mut host);
        }
    }
    let status = finish(&mut host, &g.task, result);
    if s.stats {
        // Every record back in a cache or the central pool: none lost.
        let p = pool.stats();
        let discarded = g.task.discarded_calls();
        drop(g);
        let cached = workers.iter().map(Worker::cached).sum::<usize>();
        host.err(
            format!(
                "minigo: stats: goroutines 1, migrations {migrations}, records carved {}, \
                 in the central pool {}, in worker caches {cached}, discarded calls {discarded}\n",
                p.carved, p.central_free
            )
            .as_bytes(),
        );
    }
    host.flush();
    status
}

/// The run's status, after printing the crash report if `main` panicked.
fn finish(
    host: &mut Host,
    task: &Task<Host, Value, deferrt_core::Sendable>,
    result: Option<Result<(), Unwind>>,
) -> RunStatus {
    match (result, host.halted) {
        (None, _) => {
            host.err(b"minigo: internal error: worker and task pools differ\n");
            RunStatus::Exit(2)
        }
        (_, Some(Halt::Exit(n))) => RunStatus::Exit(n),
        (_, Some(Halt::StackOverflow)) => RunStatus::Exit(2),
        (_, Some(Halt::Budget)) => RunStatus::BudgetExhausted,
        (Some(Ok(())), None) => RunStatus::Exit(0),
        (Some(Err(_)), None) => {
            let _ = host.out.flush();
            let text = match task.unwinding() {
                Some(Unwinding::Panic(_)) => task.crash_report().to_string(),
                Some(Unwinding::Goexit) => errors::GOEXIT_DEADLOCK.to_string(),
                None => "minigo: internal error: unwinding without a panic\n".to_string(),
            };
            host.err(text.as_bytes());
            RunStatus::Exit(2)
        }
    }
}
