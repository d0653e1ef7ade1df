//! Runs a program through `deferrt-core`'s public API, as an embedder that
//! interprets the tree would, and checks the pool's accounting afterwards.

use std::rc::Rc;

use deferrt_core::{
    Arc, Cx, Deferred, InlineFrame, Leaf, OpenFrame, PanicValue, Pool, Task, Unwinding, Worker,
};

use super::{rec_line, End, Func, Kind, Outcome, Stmt, Val, SIGNAL, SLOTS};

impl PanicValue for Val {
    fn on_panic(self) -> Self {
        Val::on_panic(self)
    }
    fn same_value(&self, other: &Self) -> bool {
        self.identical(*other)
    }
    fn signal(&self) -> Option<&str> {
        match self {
            Val::NilDeref => Some(SIGNAL),
            _ => None,
        }
    }
}

/// The environment: the program's stdout.
#[derive(Default)]
pub struct Env {
    pub out: Vec<String>,
}

type C<'a> = Cx<'a, Env, Val>;
type R = deferrt_core::Outcome;

/// A deferred call in a general open-frame slot.
pub enum Slot {
    Lit(Rc<Func>),
    Nil,
}

impl Deferred<Env, Val, deferrt_core::Local> for Slot {
    fn call(self, cx: &mut C<'_>) -> R {
        match self {
            Slot::Lit(f) => run_deferred(cx, &f),
            Slot::Nil => Err(cx.fault(Val::NilDeref)),
        }
    }
}

/// A print-only deferred call in a `Leaf` slot.
pub type LeafCall = Leaf<Box<dyn FnOnce(&mut Env)>>;

fn leaf(f: &Func) -> LeafCall {
    let ids: Vec<u16> = f
        .body
        .iter()
        .map(|s| match s {
            Stmt::Print(id) => *id,
            _ => unreachable!("normalize keeps Leaf bodies print-only"),
        })
        .collect();
    Leaf(Box::new(move |env: &mut Env| {
        for id in ids {
            env.out.push(format!("p {id}"));
        }
    }))
}

/// Where the running function's defers go.
enum Regs<'f> {
    Chain,
    Open(&'f mut OpenFrame<Slot, SLOTS>),
    OpenLeaf(&'f mut OpenFrame<LeafCall, SLOTS>),
    Inline(&'f mut InlineFrame<LeafCall, SLOTS>),
}

/// Runs `main` on a fresh pool, twice, on one worker: the second run takes
/// its records from the worker's cache and must end the same way. `Err`
/// names an accounting problem (frames or records left, calls discarded,
/// records lost) or a second run that differs.
pub fn run(main: &Func) -> Result<Outcome, String> {
    let pool = Pool::new();
    let mut worker = Worker::new(&pool);
    let first = run_once(&pool, &mut worker, main)?;
    let second = run_once(&pool, &mut worker, main)?;
    if second != first {
        return Err(format!(
            "a second run on the same worker differs: {second:?}"
        ));
    }
    Ok(first)
}

fn run_once(pool: &Arc<Pool>, worker: &mut Worker, main: &Func) -> Result<Outcome, String> {
    let mut env = Env::default();
    let mut task: Task<Env, Val> = Task::new(pool);
    let r = {
        let mut cx = task.cx(worker, &mut env).expect("same pool");
        call(&mut cx, main)
    };
    let mut problems = Vec::new();
    if task.depth() != 0 {
        problems.push(format!("depth {} after main", task.depth()));
    }
    if task.pending_records() != 0 {
        problems.push(format!("{} records left", task.pending_records()));
    }
    if task.discarded_calls() != 0 {
        problems.push(format!("{} calls discarded", task.discarded_calls()));
    }
    let end = match r {
        Ok(()) => {
            if task.is_unwinding() {
                problems.push("main returned normally while unwinding".into());
            }
            End::Normal
        }
        Err(_) => match task.unwinding() {
            Some(Unwinding::Goexit) => End::GoexitDeadlock,
            Some(Unwinding::Panic(_)) => End::Crash(task.crash_report().to_string()),
            None => {
                problems.push("Err without an unwinding".into());
                End::Normal
            }
        },
    };
    drop(task);
    let s = pool.stats();
    if s.carved != s.central_free + worker.cached() {
        problems.push(format!(
            "records lost: carved {} != central {} + cached {}",
            s.carved,
            s.central_free,
            worker.cached()
        ));
    }
    if problems.is_empty() {
        Ok(Outcome { out: env.out, end })
    } else {
        Err(problems.join("; "))
    }
}

/// A call statement: enter a frame of the function's kind, run the body,
/// leave the frame by the body's outcome.
fn call(cx: &mut C<'_>, f: &Func) -> R {
    match f.kind {
        Kind::Chain => {
            let fr = cx.enter();
            match body(cx, &f.body, &mut Regs::Chain) {
                Ok(()) => cx.exit(fr),
                Err(u) => cx.unwind(fr, u),
            }
        }
        Kind::Leave => {
            let fr = cx.enter();
            let r = body(cx, &f.body, &mut Regs::Chain);
            cx.leave(fr, r)
        }
        Kind::CallFn => cx
            .call(|cx| body(cx, &f.body, &mut Regs::Chain))
            .map(|_| ()),
        Kind::Open => {
            let mut fr = cx.enter_open::<Slot, SLOTS>();
            match body(cx, &f.body, &mut Regs::Open(&mut fr)) {
                Ok(()) => cx.exit_open(fr),
                Err(u) => cx.unwind_open(fr, u),
            }
        }
        Kind::OpenCall => cx
            .call_open::<Slot, SLOTS, ()>(|cx, fr| body(cx, &f.body, &mut Regs::Open(fr)))
            .map(|_| ()),
        Kind::OpenLeaf => {
            let mut fr = cx.enter_open::<LeafCall, SLOTS>();
            match body(cx, &f.body, &mut Regs::OpenLeaf(&mut fr)) {
                Ok(()) => cx.exit_open(fr),
                Err(u) => cx.unwind_open(fr, u),
            }
        }
        Kind::Inline => {
            let mut fr = cx.enter_inline::<LeafCall, SLOTS>();
            match body(cx, &f.body, &mut Regs::Inline(&mut fr)) {
                Ok(()) => {
                    cx.exit_inline(fr);
                    Ok(())
                }
                Err(u) => Err(cx.unwind_inline(fr, u)),
            }
        }
    }
}

/// A deferred function's body, run in the frame the engine entered for the
/// call: directly (its defers on the chain), or with that frame adopted as
/// an open frame.
fn run_deferred(cx: &mut C<'_>, f: &Func) -> R {
    match f.kind {
        Kind::Open | Kind::OpenCall => {
            let mut fr = cx.adopt_open::<Slot, SLOTS>();
            match body(cx, &f.body, &mut Regs::Open(&mut fr)) {
                Ok(()) => cx.exit_open(fr),
                Err(u) => cx.unwind_open(fr, u),
            }
        }
        Kind::OpenLeaf => {
            let mut fr = cx.adopt_open::<LeafCall, SLOTS>();
            match body(cx, &f.body, &mut Regs::OpenLeaf(&mut fr)) {
                Ok(()) => cx.exit_open(fr),
                Err(u) => cx.unwind_open(fr, u),
            }
        }
        Kind::Chain | Kind::Leave | Kind::CallFn | Kind::Inline => {
            body(cx, &f.body, &mut Regs::Chain)
        }
    }
}

fn body(cx: &mut C<'_>, stmts: &[Stmt], regs: &mut Regs<'_>) -> R {
    let mut slot = 0usize;
    for s in stmts {
        match s {
            Stmt::Print(id) => cx.env().out.push(format!("p {id}")),
            Stmt::Call(f) => {
                call(cx, f)?;
                cx.env().out.push(format!("ret {}", f.id));
            }
            Stmt::Defer(f) => {
                let chain = f.chain || matches!(regs, Regs::Chain);
                if chain {
                    let f = Rc::new(f.clone());
                    cx.defer(move |cx: &mut C<'_>| run_deferred(cx, &f));
                } else {
                    let armed = match regs {
                        Regs::Chain => unreachable!(),
                        Regs::Open(fr) => fr.defer_at(slot, Slot::Lit(Rc::new(f.clone()))).is_ok(),
                        Regs::OpenLeaf(fr) => fr.defer_at(slot, leaf(f)).is_ok(),
                        Regs::Inline(fr) => fr.defer_at(slot, leaf(f)).is_ok(),
                    };
                    assert!(armed, "normalize keeps open frames within {SLOTS} slots");
                    slot += 1;
                }
            }
            Stmt::DeferNil => match regs {
                Regs::Chain => cx.defer(|cx: &mut C<'_>| Err(cx.fault(Val::NilDeref))),
                Regs::Open(fr) => {
                    assert!(fr.defer_at(slot, Slot::Nil).is_ok());
                    slot += 1;
                }
                Regs::OpenLeaf(_) | Regs::Inline(_) => {
                    unreachable!("normalize keeps nil defers out of Leaf frames")
                }
            },
            Stmt::Panic(v) => return Err(cx.panic(*v)),
            Stmt::Recover(id) => {
                let r = recover(cx);
                cx.env().out.push(rec_line(*id, r));
            }
            Stmt::Repanic(id) => {
                let r = recover(cx);
                cx.env().out.push(rec_line(*id, r));
                return Err(cx.panic(r.unwrap_or(Val::Nil)));
            }
            Stmt::RecoverRepanic(id) => {
                let r = recover(cx);
                cx.env().out.push(rec_line(*id, r));
                if let Some(v) = r {
                    return Err(cx.panic(v));
                }
            }
            Stmt::Goexit => return Err(cx.goexit()),
            Stmt::NilCall => return Err(cx.fault(Val::NilDeref)),
            Stmt::Loop(n, b) => {
                assert!(
                    matches!(regs, Regs::Chain),
                    "normalize: loops force the chain"
                );
                for _ in 0..*n {
                    body(cx, b, regs)?;
                }
            }
        }
    }
    Ok(())
}

/// `recover()`, checking that `can_recover` predicted it.
fn recover(cx: &mut C<'_>) -> Option<Val> {
    let can = cx.can_recover();
    let r = cx.recover();
    assert_eq!(
        can,
        r.is_some(),
        "can_recover() said {can}, recover() gave {r:?}"
    );
    r
}
