//! The reference: Go 1.27's runtime rules for defer, panic, recover and
//! Goexit, interpreted directly. It knows nothing of the engine; each step
//! names the function of `runtime/panic.go` it stands for.
//!
//! The goroutine's stack is `frames`, innermost last, exactly as Go's
//! physical stack: a deferred call runs on top of everything (the frames a
//! panic is unwinding stay alive below it until a recovery discards them).
//! A frame's pending defers are its own LIFO list (Go's `_defer` records
//! and open-coded slots behave alike). A panic (`_panic`) remembers the
//! frame that started it (`origin`, Go's `startSP` compares like
//! `origin >= g` for "started at or below frame g") and the frame its
//! defer walk has reached (`cur`, Go's `sp`). A recovery is a jump to a
//! frame, modelled as a value the interpreter returns up its own Rust
//! frames to the activation of that Go frame.

use super::{rec_line, End, Func, Outcome, Stmt, Val, SIGNAL};

#[derive(Clone)]
enum Pending<'p> {
    /// `defer func() { body }()`
    Lit(&'p [Stmt]),
    /// `defer nf()` with a nil `nf`
    Nil,
}

struct Frame<'p> {
    id: u64,
    defers: Vec<Pending<'p>>,
}

struct Panic {
    /// `None` for Goexit.
    arg: Option<Val>,
    recovered: bool,
    /// Index of the frame that called `panic`/`Goexit`.
    origin: usize,
    /// Index of the frame whose defers the walk is taking.
    cur: usize,
    /// Id of the frame of the deferred call this panic called last (Go:
    /// the one frame between `gopanic` and `gorecover`).
    runs: Option<u64>,
}

/// Non-local control transfers.
#[derive(Debug)]
enum Jump {
    /// `recovery`: resume frame `g` at its `deferreturn`.
    Recover(usize),
    /// `recovery` stopped at a pending Goexit: its loop resumes.
    ResumeGoexit(usize),
    /// `fatalpanic`.
    Fatal,
    /// `goexit1` after Goexit ran every defer.
    Exit,
}

struct G<'p> {
    frames: Vec<Frame<'p>>,
    panics: Vec<Panic>,
    /// `gp.sig`: set by a fault, cleared only by a recovery that leaves no
    /// panic on the goroutine.
    sig: bool,
    out: Vec<String>,
    next_id: u64,
}

/// Runs `main` under Go's rules.
pub fn run(main: &Func) -> Outcome {
    let mut g = G {
        frames: Vec::new(),
        panics: Vec::new(),
        sig: false,
        out: Vec::new(),
        next_id: 0,
    };
    let end = match g.invoke(Pending::Lit(&main.body), None) {
        Ok(()) => End::Normal,
        Err(Jump::Fatal) => End::Crash(g.printpanics()),
        Err(Jump::Exit) => End::GoexitDeadlock,
        Err(j) => panic!("model: {j:?} escaped main"),
    };
    Outcome { out: g.out, end }
}

impl<'p> G<'p> {
    /// A function invocation: push a frame, run the body, then
    /// `deferreturn`; a recovery aimed at this frame resumes at its
    /// `deferreturn`, and the function then returns normally.
    fn invoke(&mut self, f: Pending<'p>, runner: Option<usize>) -> Result<(), Jump> {
        let idx = self.frames.len();
        let id = self.next_id;
        self.next_id += 1;
        self.frames.push(Frame {
            id,
            defers: Vec::new(),
        });
        if let Some(p) = runner {
            self.panics[p].runs = Some(id);
        }
        let mut r = match f {
            Pending::Lit(body) => self.exec(body),
            // Calling a nil func value faults (sigpanic).
            Pending::Nil => Err(self.fault()),
        };
        loop {
            match r {
                Ok(()) => {
                    r = self.deferreturn(idx);
                    if r.is_ok() {
                        break;
                    }
                }
                Err(Jump::Recover(g)) if g == idx => r = Ok(()),
                Err(_) => break,
            }
        }
        self.frames.truncate(idx);
        r
    }

    /// `deferreturn`: the frame's remaining defers, LIFO, no panic running.
    fn deferreturn(&mut self, idx: usize) -> Result<(), Jump> {
        while let Some(d) = self.frames[idx].defers.pop() {
            self.invoke(d, None)?;
        }
        Ok(())
    }

    fn exec(&mut self, body: &'p [Stmt]) -> Result<(), Jump> {
        for s in body {
            match s {
                Stmt::Print(id) => self.out.push(format!("p {id}")),
                Stmt::Call(f) => {
                    self.invoke(Pending::Lit(&f.body), None)?;
                    self.out.push(format!("ret {}", f.id));
                }
                Stmt::Defer(f) => self.top().defers.push(Pending::Lit(&f.body)),
                Stmt::DeferNil => self.top().defers.push(Pending::Nil),
                Stmt::Panic(v) => return Err(self.gopanic(Some(v.on_panic()))),
                Stmt::Recover(id) => {
                    let r = self.gorecover();
                    self.out.push(rec_line(*id, r));
                }
                Stmt::Repanic(id) => {
                    let r = self.gorecover();
                    self.out.push(rec_line(*id, r));
                    return Err(self.gopanic(Some(r.unwrap_or(Val::Nil).on_panic())));
                }
                Stmt::RecoverRepanic(id) => {
                    let r = self.gorecover();
                    self.out.push(rec_line(*id, r));
                    if let Some(v) = r {
                        return Err(self.gopanic(Some(v)));
                    }
                }
                Stmt::Goexit => return Err(self.goexit()),
                Stmt::NilCall => return Err(self.fault()),
                Stmt::Loop(n, b) => {
                    for _ in 0..*n {
                        self.exec(b)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn top(&mut self) -> &mut Frame<'p> {
        self.frames.last_mut().expect("a frame is running")
    }

    /// `sigpanic` for a nil dereference: sets `gp.sig`, then `panicmem`.
    fn fault(&mut self) -> Jump {
        self.sig = true;
        self.gopanic(Some(Val::NilDeref))
    }

    /// `gopanic`: push the panic, then take defers frame by frame from the
    /// panicking frame outwards.
    fn gopanic(&mut self, arg: Option<Val>) -> Jump {
        let origin = self.frames.len() - 1;
        self.panics.push(Panic {
            arg,
            recovered: false,
            origin,
            cur: origin,
            runs: None,
        });
        let me = self.panics.len() - 1;
        self.defer_loop(me)
    }

    /// `Goexit`: a `_panic` with `goexit` set and the same loop; when no
    /// defer is left, the goroutine exits (`goexit1`).
    fn goexit(&mut self) -> Jump {
        self.gopanic(None)
    }

    fn defer_loop(&mut self, me: usize) -> Jump {
        loop {
            // nextDefer: the panic stack's top must be this panic.
            assert_eq!(self.panics.len() - 1, me, "model: bad panic stack");
            if self.panics[me].recovered {
                return self.recovery(me);
            }
            let Some(d) = self.next_defer(me) else {
                return if self.panics[me].arg.is_none() {
                    Jump::Exit
                } else {
                    Jump::Fatal
                };
            };
            match self.invoke(d, Some(me)) {
                Ok(()) => {}
                Err(Jump::ResumeGoexit(i)) if i == me => {}
                Err(j) => return j,
            }
        }
    }

    /// `nextDefer` + `nextFrame`: the newest pending defer of the frame the
    /// walk is in, else move one frame out.
    fn next_defer(&mut self, me: usize) -> Option<Pending<'p>> {
        loop {
            let c = self.panics[me].cur;
            if let Some(d) = self.frames[c].defers.pop() {
                return Some(d);
            }
            if c == 0 {
                return None;
            }
            self.panics[me].cur = c - 1;
        }
    }

    /// `recovery`: drop every panic started at or below the recovering frame
    /// `g` (newest first), stopping at a pending Goexit, which resumes
    /// instead; otherwise frame `g` resumes at its `deferreturn`.
    fn recovery(&mut self, me: usize) -> Jump {
        let g = self.panics[me].cur;
        while let Some(p) = self.panics.last() {
            if p.origin < g {
                break;
            }
            if p.arg.is_none() {
                return Jump::ResumeGoexit(self.panics.len() - 1);
            }
            self.panics.pop();
        }
        if self.panics.is_empty() {
            self.sig = false;
        }
        Jump::Recover(g)
    }

    /// `gorecover`: only the newest panic, not Goexit, not yet recovered,
    /// and only from the frame that panic's loop called.
    fn gorecover(&mut self) -> Option<Val> {
        let here = self.frames.last().map(|f| f.id);
        let p = self.panics.last_mut()?;
        if p.arg.is_none() || p.recovered || p.runs != here {
            return None;
        }
        p.recovered = true;
        p.arg
    }

    /// `preprintpanics` + `printpanics` + the `[signal` line of `dopanic_m`,
    /// up to the goroutine header.
    fn printpanics(&self) -> String {
        let n = self.panics.len();
        // preprintpanics: an entry whose newer neighbour holds the identical
        // interface value (nil for Goexit) is "repanicked".
        let mut repanicked = vec![false; n];
        for i in (1..n).rev() {
            let same = match (self.panics[i - 1].arg, self.panics[i].arg) {
                (Some(a), Some(b)) => a.identical(b),
                (None, None) => true,
                _ => false,
            };
            if same {
                repanicked[i - 1] = true;
            }
        }
        let mut s = String::new();
        self.print_one(n - 1, &repanicked, &mut s);
        if self.sig {
            s.push_str(SIGNAL);
            s.push('\n');
        }
        s.push_str("\ngoroutine 1 [running]:\n");
        s
    }

    /// `printpanics(p)`: older entries first; a repanicked older entry
    /// swallows this one; a tab unless the older entry is a Goexit.
    fn print_one(&self, i: usize, repanicked: &[bool], s: &mut String) {
        if i > 0 {
            self.print_one(i - 1, repanicked, s);
            if repanicked[i - 1] {
                return;
            }
            if self.panics[i - 1].arg.is_some() {
                s.push('\t');
            }
        }
        let p = &self.panics[i];
        let Some(v) = p.arg else { return };
        s.push_str("panic: ");
        // printpanicval / printindented: a tab after each newline.
        s.push_str(&v.to_string().replace('\n', "\n\t"));
        if p.recovered && repanicked[i] {
            s.push_str(" [recovered, repanicked]");
        } else if p.recovered {
            s.push_str(" [recovered]");
        }
        s.push('\n');
    }
}
