//! Shared harness for the core's integration tests: a panic value type with
//! Go's printing and identity rules, an environment that logs, and a runner.
#![allow(dead_code)]

use core::fmt;
use deferrt_core::{Arc, Cx, Outcome, PanicValue, Pool, Task, Unwinding, Worker};

/// A Go-ish panic value.
#[derive(Clone, Debug, PartialEq)]
pub enum V {
    /// A string constant (identical to itself, as gc's static strings).
    S(&'static str),
    /// A string built at run time: identical only to itself (same
    /// allocation), as a Go interface holding a heap string.
    D(std::rc::Rc<str>),
    /// An int.
    I(i64),
    /// `nil`: turned into a PanicNilError by `on_panic`.
    Nil,
    /// `*runtime.PanicNilError`.
    NilErr,
    /// A nil dereference (a fault: the report carries a signal line).
    NilDeref,
}

impl fmt::Display for V {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            V::S(s) => f.write_str(s),
            V::D(s) => f.write_str(s),
            V::I(i) => write!(f, "{i}"),
            V::Nil => f.write_str("nil"),
            V::NilErr => f.write_str("panic called with nil argument (goexit=false)"),
            V::NilDeref => {
                f.write_str("runtime error: invalid memory address or nil pointer dereference")
            }
        }
    }
}

impl PanicValue for V {
    fn on_panic(self) -> Self {
        match self {
            V::Nil => V::NilErr,
            v => v,
        }
    }
    fn same_value(&self, other: &Self) -> bool {
        match (self, other) {
            (V::S(a), V::S(b)) => core::ptr::eq(*a, *b),
            (V::D(a), V::D(b)) => std::rc::Rc::ptr_eq(a, b),
            (V::I(a), V::I(b)) => a == b,
            (V::NilErr, V::NilErr) => true,
            _ => false,
        }
    }
    fn signal(&self) -> Option<&str> {
        match self {
            V::NilDeref => {
                Some("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]")
            }
            _ => None,
        }
    }
}

/// The environment: what the "program" printed.
#[derive(Default, Debug)]
pub struct Env {
    pub out: Vec<String>,
}

pub type C<'a> = Cx<'a, Env, V>;

/// Appends a line to the program's output.
pub fn say(cx: &mut C<'_>, s: impl Into<String>) {
    cx.env().out.push(s.into());
}

/// What a program run ended with.
#[derive(Debug)]
pub struct Run {
    pub out: Vec<String>,
    /// `Ok` if main returned normally (or recovered), else how it died.
    pub died: Option<String>,
    pub pool: Arc<Pool>,
}

impl Run {
    pub fn out(&self) -> Vec<&str> {
        self.out.iter().map(String::as_str).collect()
    }
}

/// Runs `main` as Go's main function on a fresh task, then checks that
/// every record came back to a pool.
pub fn run(main: impl FnOnce(&mut C<'_>) -> Outcome) -> Run {
    let pool = Pool::new();
    let mut worker = Worker::new(&pool);
    let mut env = Env::default();
    let mut task: Task<Env, V> = Task::new(&pool);
    let r = {
        let mut cx = task.cx(&mut worker, &mut env).unwrap();
        cx.call(main)
    };
    assert_eq!(task.depth(), 0, "frames left open");
    assert_eq!(task.pending_records(), 0, "records left in the chain");
    let died = match r {
        Ok(_) => {
            assert!(!task.is_unwinding());
            None
        }
        Err(_) => Some(match task.unwinding() {
            Some(Unwinding::Goexit) => {
                "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n".to_string()
            }
            Some(Unwinding::Panic(_)) => task.crash_report().to_string(),
            None => panic!("Err without an unwinding"),
        }),
    };
    drop(task);
    let s = pool.stats();
    assert_eq!(pool.held(), 0, "a dropped task kept its stack chunk");
    assert_eq!(s.carved, s.central_free + worker.cached(), "records lost");
    Run {
        out: env.out,
        died,
        pool,
    }
}

/// Every chunk carved from `pool` is in exactly one place: the central pool,
/// one of `workers`' caches, or a live task's stack (`Pool::held`).
pub fn all_records_home(pool: &Pool, workers: &[&Worker]) {
    let s = pool.stats();
    let cached: usize = workers.iter().map(|w| w.cached()).sum();
    assert_eq!(
        s.carved,
        s.central_free + cached + pool.held(),
        "records lost"
    );
}

/// The text of a caught Rust panic.
pub fn panic_text(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}
