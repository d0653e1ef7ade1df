//! A compiled program kept loaded, whose top-level functions an embedder
//! calls again and again on one task: what the benchmarks measure minigo
//! with (the compile and the package initialisation happen once, outside
//! the measured calls).

use std::io::Write;
use std::rc::Rc;

use deferrt_core::{Arc, Pool, Task, Worker};

use super::eval::call_closure;
use super::{ArgVals, Interp};
use crate::ir::Program;
use crate::value::{cell, Closure, Value};

/// A loaded program: its interpreter state, one task, and the worker whose
/// record cache the task uses.
///
/// ```
/// let src = "package main\n\nvar sink int\n\nfunc add(n int) { for i := 0; i < n; i++ { defer func(v int) { sink += v }(i) } }\n\nfunc total() int { return sink }\n\nfunc main() {}\n";
/// let mut s = minigo::Session::new("x.go", src).unwrap();
/// s.call("add", &[4]).unwrap();
/// s.call("add", &[4]).unwrap();
/// assert_eq!(s.call("total", &[]).unwrap(), [12]);
/// ```
pub struct Session {
    prog: Program,
    interp: Interp,
    worker: Worker,
    task: Task<Interp, Value>,
    _pool: Arc<Pool>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("funcs", &self.prog.funcs.len())
            .field("task", &self.task)
            .finish()
    }
}

impl Session {
    /// Compiles `src`, and runs its package-level variable initialisation
    /// (not `init` or `main`). Output goes nowhere.
    ///
    /// ```
    /// let e = minigo::Session::new("x.go", "package main\n\nfunc main() { x }\n").unwrap_err();
    /// assert!(e.starts_with("x.go:3:"), "{e}");
    /// ```
    pub fn new(file_name: &str, src: &str) -> Result<Session, String> {
        let prog = crate::compile(file_name, src)?;
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
        let interp = Interp {
            funcs,
            globals: (0..prog.nglobals).map(|_| cell(Value::Nil)).collect(),
            out: Box::new(std::io::sink()) as Box<dyn Write + Send>,
            err: Box::new(std::io::sink()),
            open_coded: true,
            depth: 0,
            max_depth: crate::DEFAULT_MAX_DEPTH,
            steps: 0,
            budget: None,
            halted: None,
            exit_process: false,
            stack_base: 0,
            stack_limit: usize::MAX,
            literals: prog.literals.iter().map(|s| s.as_ptr() as usize).collect(),
        };
        let pool = Pool::new();
        let worker = Worker::new(&pool);
        let task = Task::new(&pool);
        let mut s = Session {
            prog,
            interp,
            worker,
            task,
            _pool: pool,
        };
        let init = std::mem::take(&mut s.prog.init);
        let r = s.run(|cx| super::exec::run_init(cx, &init));
        s.prog.init = init;
        r.map(|()| s)
    }

    fn run<R>(
        &mut self,
        f: impl FnOnce(&mut super::Cx<'_>) -> Result<R, deferrt_core::Unwind>,
    ) -> Result<R, String> {
        let base = 0u8;
        self.interp.stack_base = std::hint::black_box(&base) as *const u8 as usize;
        let r = {
            let mut cx = self
                .task
                .cx(&mut self.worker, &mut self.interp)
                .map_err(|e| e.to_string())?;
            f(&mut cx)
        };
        match r {
            Ok(v) => Ok(v),
            Err(_) => {
                let msg = if self.interp.halted.is_some() {
                    "the program halted".to_string()
                } else {
                    self.task.crash_report().to_string()
                };
                self.task.clear_panics();
                self.interp.halted = None;
                Err(msg)
            }
        }
    }

    /// The top-level function `name`, to call with [`Session::call_func`].
    ///
    /// ```
    /// let mut s = minigo::Session::new("x.go", "package main\n\nfunc one() int { return 1 }\n\nfunc main() {}\n").unwrap();
    /// let one = s.func("one").unwrap();
    /// assert_eq!(s.call_func(&one, &[]).unwrap(), [1]);
    /// assert!(s.func("two").is_err());
    /// ```
    pub fn func(&self, name: &str) -> Result<Func, String> {
        let full = format!("main.{name}");
        self.interp
            .funcs
            .iter()
            .find(|c| *c.code.name == *full)
            .map(|c| Func(Rc::clone(c)))
            .ok_or_else(|| format!("no function {full}"))
    }

    /// Calls `f` with `int` arguments; returns its `int` results (other
    /// results as 0). `Err` when it panicked (the crash report) or halted.
    ///
    /// ```
    /// let src = "package main\n\nfunc f(n int) int { if n < 0 { panic(\"neg\") }; return n * 2 }\n\nfunc main() {}\n";
    /// let mut s = minigo::Session::new("x.go", src).unwrap();
    /// let f = s.func("f").unwrap();
    /// assert_eq!(s.call_func(&f, &[21]).unwrap(), [42]);
    /// assert!(s.call_func(&f, &[-1]).unwrap_err().starts_with("panic: neg"));
    /// assert_eq!(s.call_func(&f, &[1]).unwrap(), [2]); // usable after a panic
    /// ```
    pub fn call_func(&mut self, f: &Func, args: &[i64]) -> Result<Vec<i64>, String> {
        let args: ArgVals = args.iter().map(|&a| Value::Int(a)).collect();
        let results = self.run(|cx| call_closure(cx, &f.0, args))?;
        Ok(results
            .into_iter()
            .map(|v| match v {
                Value::Int(n) => n,
                _ => 0,
            })
            .collect())
    }

    /// [`Session::func`] then [`Session::call_func`].
    ///
    /// ```
    /// let src = "package main\n\nfunc f(a, b int) (int, int) { return b, a }\n\nfunc main() {}\n";
    /// let mut s = minigo::Session::new("x.go", src).unwrap();
    /// assert_eq!(s.call("f", &[1, 2]).unwrap(), [2, 1]);
    /// assert!(s.call("g", &[]).is_err());
    /// ```
    pub fn call(&mut self, name: &str, args: &[i64]) -> Result<Vec<i64>, String> {
        let f = self.func(name)?;
        self.call_func(&f, args)
    }
}

/// A top-level function of a [`Session`]'s program.
///
/// ```
/// let s = minigo::Session::new("x.go", "package main\n\nfunc main() {}\n").unwrap();
/// let main = s.func("main").unwrap();
/// assert_eq!(format!("{main:?}"), "Func(main.main)");
/// ```
#[derive(Clone)]
pub struct Func(Rc<Closure>);

impl std::fmt::Debug for Func {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Func({})", self.0.code.name)
    }
}
