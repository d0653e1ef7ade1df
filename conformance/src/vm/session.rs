//! A compiled program kept loaded, whose top-level functions an embedder
//! calls again and again on one task: what the benchmarks measure minigo
//! with (the compile and the package initialisation happen once, outside
//! the measured calls).

use std::sync::Arc;

use deferrt_core::{Pool, Task, Worker};

use super::host::{Host, Settings};
use super::G;
use crate::code::Image;
use crate::rt::{Closure, Value};

/// A loaded program: its host (variables, limits), one goroutine, and the
/// worker whose record cache its task uses.
///
/// ```
/// let src = "package main\n\nvar sink int\n\nfunc add(n int) { for i := 0; i < n; i++ { defer func(v int) { sink += v }(i) } }\n\nfunc total() int { return sink }\n\nfunc main() {}\n";
/// let mut s = minigo::Session::new("x.go", src).unwrap();
/// s.call("add", &[4]).unwrap();
/// s.call("add", &[4]).unwrap();
/// assert_eq!(s.call("total", &[]).unwrap(), [12]);
/// ```
pub struct Session {
    image: Arc<Image>,
    host: Host,
    workers: [Worker; 1],
    g: G,
    _pool: Arc<Pool>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("funcs", &self.image.protos.len())
            .field("task", &self.g.task)
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
        let image = Arc::new(crate::compile::program(&crate::check(file_name, src)?));
        let settings = Settings {
            open_coded: true,
            max_depth: crate::DEFAULT_MAX_DEPTH,
            budget: None,
            exit_process: false,
            stats: false,
            procs: Some(1),
            seed: 0,
            stack_size: 2 << 20,
            leak_code: false,
            files: false,
        };
        let host = Host::new(
            &image,
            &settings,
            Box::new(std::io::sink()),
            Box::new(std::io::sink()),
        );
        let pool = Pool::new();
        let g = G::new(image.clone(), Task::new(&pool));
        let mut s = Session {
            workers: [Worker::new(&pool)],
            image: image.clone(),
            host,
            g,
            _pool: pool,
        };
        let init = Arc::new(Closure {
            proto: image.init.clone(),
            captured: Vec::new(),
        });
        s.run(init, Vec::new()).map(|_| s)
    }

    fn run(&mut self, f: Arc<Closure>, args: Vec<Value>) -> Result<Vec<Value>, String> {
        let r = self
            .g
            .run_to_end(f, args, &mut self.workers, &mut 0, &mut self.host);
        match r {
            None => Err("the worker is not of the task's pool".to_string()),
            Some((Ok(()), results, _)) => Ok(results),
            Some((Err(_), _, _)) => {
                let msg = if self.host.halted.is_some() {
                    "the program halted".to_string()
                } else {
                    self.g.task.crash_report().to_string()
                };
                self.g.task.clear_panics();
                self.host.halted = None;
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
        self.host
            .funcs
            .iter()
            .find(|c| *c.proto.name == *full)
            .map(|c| Func(Arc::clone(c)))
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
        let args = args.iter().map(|&a| Value::Int(a)).collect();
        let results = self.run(f.0.clone(), args)?;
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
pub struct Func(Arc<Closure>);

impl std::fmt::Debug for Func {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Func({})", self.0.proto.name)
    }
}
