//! The `sync` package's types and methods, `time.Sleep` and its
//! durations, `runtime.NumGoroutine`.
//!
//! A `sync` value lives in its variable as the run time's object, made on
//! the variable's first use (Go's zero value is ready to use). `once.Do(f)`
//! and `wg.Go(f)` are Go functions around the objects' primitives, written
//! here as checked code, so that `f` runs as ordinary machine frames (it may
//! block, panic, or call `Do` again).

use std::rc::Rc;

use super::chan::go_call;
use crate::ast::Expr as AExpr;
use crate::checker::expr::show;
use crate::checker::{err, Checker};
use crate::ir::{
    Args, AtomicOp, Builtin, Call, Expr, FuncCode, GoBuiltin, GoExpr, GoStmt, Stmt, SyncKind,
    Target, Var,
};
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::{FuncType, Type};

/// `sync.NAME` as a type.
pub(crate) fn sync_type(name: &str) -> Option<SyncKind> {
    Some(match name {
        "WaitGroup" => SyncKind::WaitGroup,
        "Mutex" => SyncKind::Mutex,
        "RWMutex" => SyncKind::RwMutex,
        "Once" => SyncKind::Once,
        _ => return None,
    })
}

/// A method receiver of a `sync` type or a pointer to one: its kind, and
/// whether it is the pointer.
pub(crate) fn sync_receiver(t: &Type) -> Option<(SyncKind, bool)> {
    match t {
        Type::Sync(k) => Some((*k, false)),
        Type::Pointer(p) => match &**p {
            Type::Sync(k) => Some((*k, true)),
            _ => None,
        },
        _ => None,
    }
}

/// `time.NAME` as a constant (a `time.Duration`, which is an `int64` of
/// nanoseconds; minigo's `int`).
pub(crate) fn time_const(name: &str) -> Option<i64> {
    Some(match name {
        "Nanosecond" => 1,
        "Microsecond" => 1_000,
        "Millisecond" => 1_000_000,
        "Second" => 1_000_000_000,
        "Minute" => 60_000_000_000,
        "Hour" => 3_600_000_000_000,
        _ => return None,
    })
}

fn none() -> Type {
    Type::Tuple(Rc::from(Vec::new()))
}

fn func0() -> Type {
    Type::Func(Rc::new(FuncType {
        params: Vec::new(),
        results: Vec::new(),
        variadic: false,
    }))
}

impl Checker {
    /// `time.Sleep(d)`, `runtime.NumGoroutine()`: `None` for other names.
    pub(crate) fn go_package_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        match (pkg, name) {
            ("time", "Sleep") => Some(
                self.args(&[self.duration()], args, pos, "time.Sleep")
                    .map(|a| (go_call_args(GoBuiltin::Sleep, a), none())),
            ),
            ("runtime", "GOMAXPROCS") => Some(
                self.args(&[Type::Int], args, pos, "runtime.GOMAXPROCS")
                    .map(|a| (go_call_args(GoBuiltin::GoMaxProcs, a), Type::Int)),
            ),
            ("runtime", "Caller" | "Callers" | "FuncForPC" | "CallersFrames") => {
                Some(self.stack_call(name, args, pos))
            }
            ("debug", "Stack" | "PrintStack") => Some(self.debug_stack_call(name, args, pos)),
            ("runtime", "SetFinalizer" | "GC") | ("debug", _) => {
                self.collector_call(pkg, name, args, pos)
            }
            ("runtime", "NumCPU") => Some(
                self.args(&[], args, pos, "runtime.NumCPU")
                    .map(|a| (go_call_args(GoBuiltin::NumCpu, a), Type::Int)),
            ),
            ("runtime", "NumGoroutine") => Some(
                self.args(&[], args, pos, "runtime.NumGoroutine")
                    .map(|a| (go_call_args(GoBuiltin::NumGoroutine, a), Type::Int)),
            ),
            ("time", "Duration") => Some(self.duration_conversion(args, pos)),
            ("sync", "OnceFunc" | "OnceValue") => Some(self.once_func(name, args, pos)),
            ("sync", "OnceValues") => Some(self.once_values(args, pos)),
            ("time", "NewTimer" | "NewTicker" | "Tick") => self.time_constructor(name, args, pos),
            ("atomic", name) => self.atomic_func(name, args, pos),
            ("time", "Now") => Some(
                self.args(&[], args, pos, "time.Now")
                    .map(|a| (go_call_args(GoBuiltin::Now, a), Type::Int)),
            ),
            ("time", "After") => Some(self.args(&[self.duration()], args, pos, "time.After").map(
                |a| {
                    let t = Type::Chan(crate::ast::ChanDir::Recv, Rc::new(Type::Int));
                    (go_call_args(GoBuiltin::After, a), t)
                },
            )),
            ("time", "Since") => {
                let d = self.duration();
                Some(
                    self.args(&[Type::Int], args, pos, "time.Since")
                        .map(|a| (go_call_args(GoBuiltin::Since, a), d)),
                )
            }
            _ => None,
        }
    }

    /// `x.name(args)` where `x` is of a `sync` type (`pointer`: of a
    /// pointer to one; `xe` is then the pointer). The methods have pointer
    /// receivers: `x` itself is addressed, as Go does.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn sync_call(
        &mut self,
        x: &AExpr,
        xe: Expr,
        (kind, pointer): (SyncKind, bool),
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let ptr = if pointer {
            xe
        } else {
            self.addr_of(x, x.pos)?.0
        };
        let fname = format!("{}.{name}", show(x));
        if matches!(kind, SyncKind::AtomicInt(_) | SyncKind::AtomicBool) {
            return self.atomic_method(ptr, kind, (name, &fname), args, pos);
        }
        let obj = Expr::Go(Box::new(GoExpr::SyncAt { ptr, kind }));
        use GoBuiltin as B;
        use SyncKind as K;
        let (b, params, t) = match (kind, name) {
            (K::WaitGroup, "Add") => (B::WgAdd, vec![Type::Int], none()),
            (K::WaitGroup, "Done") => (B::WgDone, vec![], none()),
            (K::WaitGroup, "Wait") => (B::WgWait, vec![], none()),
            (K::WaitGroup, "Go") => {
                let f = self.args(&[func0()], args, pos, &fname)?;
                return Ok((call_code(wg_go_code(), obj, f), none()));
            }
            (K::Once, "Do") => {
                let f = self.args(&[func0()], args, pos, &fname)?;
                return Ok((call_code(once_do_code(), obj, f), none()));
            }
            (K::Mutex | K::RwMutex, "Lock") => (B::Lock, vec![], none()),
            (K::Mutex | K::RwMutex, "Unlock") => (B::Unlock, vec![], none()),
            (K::Mutex | K::RwMutex, "TryLock") => (B::TryLock, vec![], Type::Bool),
            (K::RwMutex, "RLock") => (B::RLock, vec![], none()),
            (K::RwMutex, "RUnlock") => (B::RUnlock, vec![], none()),
            _ => {
                return err(
                    pos,
                    format!(
                        "{}.{name} undefined (type {} has no field or method {name})",
                        show(x),
                        kind.name()
                    ),
                )
            }
        };
        let Args::List(mut a) = self.args(&params, args, pos, &fname)? else {
            return Err(SyntaxError::unsupported(
                pos,
                "multi-valued arguments to `sync` methods",
            ));
        };
        a.insert(0, obj);
        Ok((go_call(b, a), t))
    }
}

impl Checker {
    /// `runtime.Caller`, `Callers`, `FuncForPC`, `CallersFrames`: the
    /// machine's builtins (vm/go/caller.rs); the walks get the call's line
    /// and column for their refusal.
    fn stack_call(&mut self, name: &str, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        self.walks_stack = true;
        let uintptr = Type::IntK(crate::types::table::IntKind::Uintptr);
        let pcs = Type::Slice(Rc::new(uintptr.clone()));
        let prelude = |c: &mut Self, n: &str| {
            let t = c.prelude_type("runtime", n, pos).unwrap_or(Type::Any);
            Type::Pointer(Rc::new(t))
        };
        let (b, params, t) = match name {
            "Caller" => {
                let t = Type::Tuple(Rc::from([uintptr, Type::Str, Type::Int, Type::Bool]));
                (GoBuiltin::Caller, vec![Type::Int], t)
            }
            "Callers" => (GoBuiltin::Callers, vec![Type::Int, pcs], Type::Int),
            "FuncForPC" => (GoBuiltin::FuncForPc, vec![uintptr], prelude(self, "Func")),
            _ => (GoBuiltin::CallersFrames, vec![pcs], prelude(self, "Frames")),
        };
        let Args::List(mut a) = self.args(&params, args, pos, &format!("runtime.{name}"))? else {
            return err(pos, "internal error: runtime arguments");
        };
        if b != GoBuiltin::CallersFrames {
            a.push(Expr::Const(crate::ir::Const::Int(pos.line as i64)));
            a.push(Expr::Const(crate::ir::Const::Int(pos.col as i64)));
        }
        Ok((go_call_args(b, Args::List(a)), t))
    }
}

impl Checker {
    /// `debug.Stack()`, `debug.PrintStack()`: walks like `runtime.Caller`,
    /// with the call's line and column for a refusal.
    fn debug_stack_call(&mut self, name: &str, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        self.walks_stack = true;
        self.args(&[], args, pos, &format!("debug.{name}"))?;
        let at = [pos.line, pos.col].map(|n| Expr::Const(crate::ir::Const::Int(i64::from(n))));
        let (b, t) = if name == "Stack" {
            (
                GoBuiltin::DebugStack,
                Type::Slice(Rc::new(Type::IntK(crate::types::table::IntKind::U8))),
            )
        } else {
            (GoBuiltin::DebugPrintStack, none())
        };
        Ok((go_call_args(b, Args::List(at.into())), t))
    }
}

fn go_call_args(b: GoBuiltin, args: Args) -> Expr {
    Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Builtin(Builtin::Go(b)),
        args,
    }))
}

/// A call of the checked function `code` with the object and `f`.
fn call_code(code: Rc<FuncCode>, obj: Expr, f: Args) -> Expr {
    let mut args = vec![obj];
    if let Args::List(mut f) = f {
        args.append(&mut f);
    }
    Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Value(Expr::Lit(code)),
        args: Args::List(args),
    }))
}

fn local(s: u32) -> Expr {
    Expr::Load(Var::Local(s))
}

fn call_f(slot: u32) -> Stmt {
    Stmt::Expr(Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Value(local(slot)),
        args: Args::List(Vec::new()),
    })))
}

fn code(name: &str, body: Vec<Stmt>) -> Rc<FuncCode> {
    Rc::new(FuncCode {
        name: Rc::from(name),
        sig: Rc::new(FuncType {
            params: vec![Type::Any, func0()],
            results: Vec::new(),
            variadic: false,
        }),
        nparams: 2,
        results: Vec::new(),
        nslots: 2,
        captures: Vec::new(),
        body,
        open: false,
        end_line: 0,
        wrapper: false,
    })
}

/// `func (o *Once) Do(f func())`, as Go's: `if o.begin() { defer
/// o.finish(); f() }` (the `Once` is done even if `f` panics).
fn once_do_code() -> Rc<FuncCode> {
    code(
        "sync.(*Once).Do",
        vec![Stmt::If {
            init: None,
            cond: go_call(GoBuiltin::OnceBegin, vec![local(0)]),
            then: vec![
                Stmt::Defer {
                    call: Call {
                        line: 0,
                        target: Target::Builtin(Builtin::Go(GoBuiltin::OnceFinish)),
                        args: Args::List(vec![local(0)]),
                    },
                    site: 0,
                },
                call_f(1),
            ],
            els: Vec::new(),
        }],
    )
}

/// `func (wg *WaitGroup) Go(f func())`, as Go 1.25's: `wg.Add(1); go
/// func() { defer func() { if x := recover(); x != nil { panic(x) };
/// wg.Done() }(); f() }()`.
fn wg_go_code() -> Rc<FuncCode> {
    let inner = code(
        "sync.(*WaitGroup).Go.func1",
        vec![
            Stmt::Defer {
                call: Call {
                    line: 0,
                    target: Target::Builtin(Builtin::Go(GoBuiltin::WgGoDone)),
                    args: Args::List(vec![local(0)]),
                },
                site: 0,
            },
            call_f(1),
        ],
    );
    code(
        "sync.(*WaitGroup).Go",
        vec![
            Stmt::Expr(go_call(
                GoBuiltin::WgAdd,
                vec![local(0), Expr::Const(crate::value::Value::Int(1))],
            )),
            Stmt::Go(GoStmt::Spawn(Call {
                line: 0,
                target: Target::Value(Expr::Lit(inner)),
                args: Args::List(vec![local(0), local(1)]),
            })),
        ],
    )
}

/// `atomic.NAME` as a type.
pub(crate) fn atomic_type(name: &str) -> Option<SyncKind> {
    use crate::types::table::IntKind as K;
    Some(match name {
        "Int32" => SyncKind::AtomicInt(K::I32),
        "Int64" => SyncKind::AtomicInt(K::I64),
        "Uint32" => SyncKind::AtomicInt(K::U32),
        "Uint64" => SyncKind::AtomicInt(K::U64),
        "Bool" => SyncKind::AtomicBool,
        _ => return None,
    })
}

/// The value type of an atomic kind.
fn atomic_value(kind: SyncKind) -> Type {
    match kind {
        SyncKind::AtomicInt(k) => Type::IntK(k),
        _ => Type::Bool,
    }
}

impl Checker {
    /// A method of an `atomic.Int64`-like value, through its address `ptr`.
    pub(super) fn atomic_method(
        &mut self,
        ptr: Expr,
        kind: SyncKind,
        (name, fname): (&str, &str),
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let v = atomic_value(kind);
        let (op, params, t) = match (name, kind) {
            ("Add", SyncKind::AtomicInt(k)) => (AtomicOp::Add(k), vec![v.clone()], v),
            ("Load", _) => (AtomicOp::Load, vec![], v),
            ("Store", _) => (AtomicOp::Store, vec![v], none()),
            ("Swap", _) => (AtomicOp::Swap, vec![v.clone()], v),
            ("CompareAndSwap", _) => (AtomicOp::Cas, vec![v.clone(), v], Type::Bool),
            _ => {
                return err(
                    pos,
                    format!(
                        "{fname} undefined (type {} has no field or method {name})",
                        kind.name()
                    ),
                )
            }
        };
        let is_bool = kind == SyncKind::AtomicBool;
        self.atomic_call((op, is_bool), ptr, &params, args, (pos, fname), t)
    }

    /// `atomic.AddInt64(&x, d)` and the other functions on plain integers.
    pub(super) fn atomic_func(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        use crate::types::table::IntKind as K;
        let (op_name, rest) = ["CompareAndSwap", "Add", "Load", "Store", "Swap"]
            .iter()
            .find_map(|p| name.strip_prefix(p).map(|r| (*p, r)))?;
        let k = match rest {
            "Int32" => K::I32,
            "Int64" => K::I64,
            "Uint32" => K::U32,
            "Uint64" => K::U64,
            _ => return None,
        };
        let v = Type::IntK(k);
        let (op, params, t) = match op_name {
            "Add" => (AtomicOp::Add(k), vec![v.clone()], v.clone()),
            "Load" => (AtomicOp::Load, vec![], v.clone()),
            "Store" => (AtomicOp::Store, vec![v.clone()], none()),
            "Swap" => (AtomicOp::Swap, vec![v.clone()], v.clone()),
            _ => (AtomicOp::Cas, vec![v.clone(), v.clone()], Type::Bool),
        };
        let fname = format!("atomic.{name}");
        let Some((p, rest)) = args.split_first() else {
            return Some(err(pos, format!("not enough arguments in call to {fname}")));
        };
        let ptr = match self.value_as(
            p,
            &Type::Pointer(Rc::new(v)),
            &format!("argument to {fname}"),
        ) {
            Ok(e) => e,
            Err(e) => return Some(Err(e)),
        };
        Some(self.atomic_call((op, false), ptr, &params, rest, (pos, &fname), t))
    }

    fn atomic_call(
        &mut self,
        (op, is_bool): (AtomicOp, bool),
        ptr: Expr,
        params: &[Type],
        args: &[AExpr],
        (pos, fname): (Pos, &str),
        t: Type,
    ) -> PResult<(Expr, Type)> {
        let Args::List(mut a) = self.args(params, args, pos, fname)? else {
            return Err(SyntaxError::unsupported(
                pos,
                "multi-valued arguments to `sync/atomic`",
            ));
        };
        a.insert(0, ptr);
        Ok((go_call(GoBuiltin::Atomic(op, is_bool), a), t))
    }
}

impl Checker {
    /// `sync.OnceFunc(f)` and `sync.OnceValue(f)`: a call of a checked
    /// function that makes the state and returns the closure over it.
    fn once_func(&mut self, name: &str, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [f] = args else {
            return err(
                pos,
                format!("wrong number of arguments in call to sync.{name}"),
            );
        };
        let (fe, ft) = self.value(f)?;
        let result = match (name, &ft) {
            ("OnceFunc", Type::Func(sig)) if sig.params.is_empty() && sig.results.is_empty() => {
                None
            }
            ("OnceValue", Type::Func(sig)) if sig.params.is_empty() && sig.results.len() == 1 => {
                Some(sig.results[0].clone())
            }
            _ => {
                return err(
                    f.pos,
                    format!(
                        "cannot use {} (value of type {ft}) as the function of sync.{name}",
                        show(f)
                    ),
                )
            }
        };
        let made = Type::Func(Rc::new(FuncType {
            params: Vec::new(),
            results: result.iter().cloned().collect(),
            variadic: false,
        }));
        let code = once_func_code(name, &ft, result.as_ref(), &made);
        let call = Expr::Call(Box::new(Call {
            line: 0,
            target: Target::Value(Expr::Lit(code)),
            args: Args::List(vec![fe]),
        }));
        Ok((call, made))
    }
}

/// Go's `OnceFunc`/`OnceValue`: `func(f) func() T { state := new;
/// return func() T { if begin(state) { defer finish(state); store(state,
/// f()) }; return load(state) } }` (the closure captures `f` and the state).
fn once_func_code(name: &str, ft: &Type, result: Option<&Type>, made: &Type) -> Rc<FuncCode> {
    let cap = |i: u32| Expr::Load(Var::Capture(i));
    let call_f = Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Value(cap(0)),
        args: Args::List(Vec::new()),
    }));
    let run = match result {
        Some(_) => go_call(GoBuiltin::OnceStore, vec![cap(1), call_f]),
        None => call_f,
    };
    let load = go_call(GoBuiltin::OnceLoad, vec![cap(1)]);
    let mut body = vec![Stmt::If {
        init: None,
        cond: go_call(GoBuiltin::OnceBegin, vec![cap(1)]),
        then: vec![
            Stmt::Defer {
                call: Call {
                    line: 0,
                    target: Target::Builtin(Builtin::Go(GoBuiltin::OnceValueFinish)),
                    args: Args::List(vec![cap(1)]),
                },
                site: 0,
            },
            Stmt::Expr(run),
        ],
        els: Vec::new(),
    }];
    let results = match result {
        Some(t) => {
            body.push(Stmt::Return(Some(crate::ir::Rhs::List(vec![load])), 0));
            vec![(0, super::super::zero(t))]
        }
        None => {
            body.push(Stmt::Expr(load));
            Vec::new()
        }
    };
    let Type::Func(made_sig) = made else {
        unreachable!("a OnceFunc's result is a func type")
    };
    let inner = Rc::new(FuncCode {
        name: Rc::from(format!("sync.{name}.func1")),
        sig: made_sig.clone(),
        nparams: 0,
        nslots: results.len(),
        results,
        captures: vec![Var::Local(0), Var::Local(1)],
        body,
        open: false,
        end_line: 0,
        wrapper: false,
    });
    let outer_sig = Rc::new(FuncType {
        params: vec![ft.clone()],
        results: vec![made.clone()],
        variadic: false,
    });
    Rc::new(FuncCode {
        name: Rc::from(format!("sync.{name}")),
        sig: outer_sig,
        nparams: 1,
        results: vec![(2, super::super::zero(made))],
        nslots: 3,
        captures: Vec::new(),
        body: vec![
            Stmt::Assign {
                lhs: vec![crate::ir::Lhs::Declare(1)],
                rhs: crate::ir::Rhs::List(vec![go_call(GoBuiltin::OnceNew, Vec::new())]),
            },
            Stmt::Return(Some(crate::ir::Rhs::List(vec![Expr::Lit(inner)])), 0),
        ],
        open: false,
        end_line: 0,
        wrapper: false,
    })
}
