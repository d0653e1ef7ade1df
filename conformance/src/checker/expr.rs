//! Checking expressions and calls.

use std::rc::Rc;

use super::{err, outside_universe, universe_type, Binding, Checker};
use crate::ast::{BinOp, Expr as AExpr, ExprKind, UnOp};
use crate::ir::{Args, Arith, Builtin, Call, Cmp, Expr, PrintKind, Target};
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::{FuncType, Type};
use crate::value::{FuncVal, Value};

/// Strips parentheses.
pub(super) fn unparen(e: &AExpr) -> &AExpr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}

const BUILTINS: &[&str] = &["panic", "recover", "print", "println", "len"];

/// A short rendering of an expression for messages.
pub(super) fn show(e: &AExpr) -> String {
    match &e.kind {
        ExprKind::Int(n) => n.to_string(),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::Ident(n) => n.to_string(),
        ExprKind::FuncLit(..) => "func literal".into(),
        ExprKind::Unary(op, x) => {
            let o = match op {
                UnOp::Neg => "-",
                UnOp::Plus => "+",
                UnOp::Not => "!",
            };
            format!("{o}{}", show(x))
        }
        ExprKind::Binary(op, a, b) => format!("{} {} {}", show(a), op.as_str(), show(b)),
        ExprKind::Call(f, args) => {
            let a: Vec<String> = args.iter().map(show).collect();
            format!("{}({})", show(f), a.join(", "))
        }
        ExprKind::Selector(x, n) => format!("{}.{n}", show(x)),
        ExprKind::Assert(x, _) => format!("{}.(...)", show(x)),
        ExprKind::Paren(x) => format!("({})", show(x)),
    }
}

impl Checker {
    /// An expression that must have exactly one value (possibly untyped nil).
    pub(super) fn value(&mut self, e: &AExpr) -> PResult<(Expr, Type)> {
        let (x, t) = self.expr(e)?;
        single(e, x, t)
    }

    /// A single value assigned to (or passed as) type `to`.
    pub(super) fn value_as(&mut self, e: &AExpr, to: &Type, ctx: &str) -> PResult<Expr> {
        let (x, t) = self.value(e)?;
        coerce(x, &t, to, e, ctx)
    }

    /// Any expression; calls may yield a [`Type::Tuple`].
    pub(super) fn expr(&mut self, e: &AExpr) -> PResult<(Expr, Type)> {
        match &e.kind {
            ExprKind::Int(n) => Ok((Expr::Const(Value::Int(*n)), Type::Int)),
            ExprKind::Str(s) => Ok((Expr::Const(Value::Str(self.intern(s))), Type::Str)),
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(n) => self.ident(n, e.pos),
            ExprKind::FuncLit(sig, body) => {
                self.lit_count += 1;
                let name: Rc<str> = format!("{}.func{}", self.cur_name, self.lit_count).into();
                let code = self.function(sig, body, name)?;
                let t = Type::Func(code.sig.clone());
                Ok((Expr::Lit(code), t))
            }
            ExprKind::Unary(op, x) => self.unary(*op, x, e.pos),
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, e.pos),
            ExprKind::Call(f, args) => {
                let (call, t) = self.call(f, args, e.pos)?;
                Ok((call, t))
            }
            ExprKind::Selector(x, name) => {
                if let ExprKind::Ident(pkg) = &unparen(x).kind {
                    if self.lookup(pkg).is_none() && self.imports.contains_key(pkg) {
                        let what = if is_package_variable(pkg, name) {
                            "package variables and constants"
                        } else {
                            "package functions as values"
                        };
                        return Err(SyntaxError::unsupported(
                            e.pos,
                            &format!("{what} (`{pkg}.{name}`)"),
                        ));
                    }
                }
                let (_, t) = self.value(x)?;
                if t == Type::Error && &**name == "Error" {
                    return Err(SyntaxError::unsupported(e.pos, "method values"));
                }
                err(
                    e.pos,
                    format!(
                        "{}.{name} undefined (type {t} has no field or method {name})",
                        show(x)
                    ),
                )
            }
            ExprKind::Assert(x, te) => {
                let to = self.type_expr(te)?;
                let (xe, src) = self.assert_operand(x, &to, e.pos)?;
                Ok((
                    Expr::Assert {
                        x: Box::new(xe),
                        to: to.clone(),
                        src,
                    },
                    to,
                ))
            }
        }
    }

    /// The one `Rc` for a string constant's text.
    pub(super) fn intern(&mut self, s: &Rc<str>) -> Rc<str> {
        self.strings
            .entry(s.clone())
            .or_insert_with(|| s.clone())
            .clone()
    }

    /// Checks the operand of `x.(T)`.
    pub(super) fn assert_operand(
        &mut self,
        x: &AExpr,
        to: &Type,
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let (xe, src) = self.value(x)?;
        if !src.is_interface() {
            return err(
                x.pos,
                format!(
                    "invalid operation: {} (value of type {}) is not an interface",
                    show(x),
                    src.describe()
                ),
            );
        }
        if src == Type::Error && !to.is_interface() {
            return err(
                pos,
                format!("impossible type assertion: {}.({to})\n\t{to} does not implement error (missing method Error)", show(x)),
            );
        }
        Ok((xe, src))
    }

    fn ident(&mut self, n: &Rc<str>, pos: Pos) -> PResult<(Expr, Type)> {
        if &**n == "_" {
            return err(pos, "cannot use _ as value");
        }
        if let Some(b) = self.lookup(n).cloned() {
            self.mark_used(&b);
            if let Binding::Func { idx, ty } = b {
                return Ok((Expr::Func(idx), Type::Func(ty)));
            }
            let Some((v, t)) = self.var_ref(&b) else {
                return err(pos, format!("internal error: cannot resolve {n}"));
            };
            return Ok((Expr::Load(v), t));
        }
        match &**n {
            "true" => return Ok((Expr::Const(Value::Bool(true)), Type::Bool)),
            "false" => return Ok((Expr::Const(Value::Bool(false)), Type::Bool)),
            "nil" => return Ok((Expr::Const(Value::Nil), Type::Nil)),
            _ => {}
        }
        if universe_type(n).is_some() {
            return err(pos, format!("{n} (type) is not an expression"));
        }
        if BUILTINS.contains(&&**n) {
            return err(pos, format!("{n} (built-in function) must be called"));
        }
        if self.imports.contains_key(n) {
            return err(pos, format!("use of package {n} without selector"));
        }
        if let Some(what) = outside_universe(n) {
            return Err(SyntaxError::unsupported(pos, &what));
        }
        err(pos, format!("undefined: {n}"))
    }

    fn unary(&mut self, op: UnOp, x: &AExpr, pos: Pos) -> PResult<(Expr, Type)> {
        let (xe, t) = self.value(x)?;
        match (op, &t) {
            (UnOp::Not, Type::Bool) => Ok((Expr::Not(Box::new(xe)), t)),
            (UnOp::Plus, Type::Int) => Ok((xe, t)),
            (UnOp::Neg, Type::Int) => match xe {
                Expr::Const(Value::Int(n)) => match n.checked_neg() {
                    Some(m) => Ok((Expr::Const(Value::Int(m)), t)),
                    None => err(pos, "constant overflows int"),
                },
                xe => Ok((Expr::Neg(Box::new(xe)), t)),
            },
            _ => {
                let o = match op {
                    UnOp::Neg => "-",
                    UnOp::Plus => "+",
                    UnOp::Not => "!",
                };
                err(
                    pos,
                    format!(
                        "invalid operation: operator {o} not defined on {} (value of type {})",
                        show(x),
                        t.describe()
                    ),
                )
            }
        }
    }

    fn binary(&mut self, op: BinOp, a: &AExpr, b: &AExpr, pos: Pos) -> PResult<(Expr, Type)> {
        let (ae, at) = self.value(a)?;
        let (be, bt) = self.value(b)?;
        let whole = || format!("{} {} {}", show(a), op.as_str(), show(b));
        match op {
            BinOp::AndAnd | BinOp::OrOr => {
                if at != Type::Bool || bt != Type::Bool {
                    let bad = if at != Type::Bool { (a, &at) } else { (b, &bt) };
                    return err(
                        pos,
                        format!(
                            "invalid operation: operator {} not defined on {} (value of type {})",
                            op.as_str(),
                            show(bad.0),
                            bad.1.describe()
                        ),
                    );
                }
                let e = if op == BinOp::AndAnd {
                    Expr::And(Box::new(ae), Box::new(be))
                } else {
                    Expr::Or(Box::new(ae), Box::new(be))
                };
                Ok((e, Type::Bool))
            }
            BinOp::Eq | BinOp::Ne => {
                let neg = op == BinOp::Ne;
                match (&at, &bt) {
                    (Type::Nil, Type::Nil) => err(
                        pos,
                        format!(
                            "invalid operation: {} (operator {} not defined on nil)",
                            whole(),
                            op.as_str()
                        ),
                    ),
                    (Type::Nil, t) | (t, Type::Nil) => {
                        if !(t.is_interface() || matches!(t, Type::Func(_))) {
                            return err(
                                pos,
                                format!(
                                    "invalid operation: {} (mismatched types {} and untyped nil)",
                                    whole(),
                                    t.describe()
                                ),
                            );
                        }
                        let x = if at == Type::Nil { be } else { ae };
                        Ok((Expr::IsNil(Box::new(x), neg), Type::Bool))
                    }
                    _ => {
                        if !(at.assignable_to(&bt) || bt.assignable_to(&at)) {
                            return err(
                                pos,
                                format!(
                                    "invalid operation: {} (mismatched types {} and {})",
                                    whole(),
                                    at,
                                    bt
                                ),
                            );
                        }
                        if matches!(at, Type::Func(_)) || matches!(bt, Type::Func(_)) {
                            return err(
                                pos,
                                format!(
                                    "invalid operation: {} (func can only be compared to nil)",
                                    whole()
                                ),
                            );
                        }
                        let c = if neg { Cmp::Ne } else { Cmp::Eq };
                        Ok((Expr::Cmp(c, Box::new(ae), Box::new(be)), Type::Bool))
                    }
                }
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                if at != bt {
                    return err(
                        pos,
                        format!(
                            "invalid operation: {} (mismatched types {} and {})",
                            whole(),
                            at.describe(),
                            bt.describe()
                        ),
                    );
                }
                if !matches!(at, Type::Int | Type::Str) {
                    return err(
                        pos,
                        format!(
                            "invalid operation: {} (operator {} not defined on {})",
                            whole(),
                            op.as_str(),
                            at.describe()
                        ),
                    );
                }
                let c = match op {
                    BinOp::Lt => Cmp::Lt,
                    BinOp::Le => Cmp::Le,
                    BinOp::Gt => Cmp::Gt,
                    _ => Cmp::Ge,
                };
                Ok((Expr::Cmp(c, Box::new(ae), Box::new(be)), Type::Bool))
            }
            _ => {
                if at != bt {
                    return err(
                        pos,
                        format!(
                            "invalid operation: {} (mismatched types {} and {})",
                            whole(),
                            at.describe(),
                            bt.describe()
                        ),
                    );
                }
                let e = arith(op, ae, be, &at, pos, &whole())?;
                let e = match e {
                    // A constant string: interned, like gc's static data.
                    Expr::Arith(Arith::Concat, a, b) => match (*a, *b) {
                        (Expr::Const(Value::Str(x)), Expr::Const(Value::Str(y))) => {
                            let s: Rc<str> = format!("{x}{y}").into();
                            Expr::Const(Value::Str(self.intern(&s)))
                        }
                        (a, b) => Expr::Arith(Arith::Concat, Box::new(a), Box::new(b)),
                    },
                    e => e,
                };
                Ok((e, at))
            }
        }
    }

    /// Checks a call; the type is the single result or a tuple.
    pub(super) fn call(&mut self, f: &AExpr, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let callee = unparen(f);
        match &callee.kind {
            ExprKind::Ident(n) if self.lookup(n).is_none() => {
                if let Some(t) = universe_type(n) {
                    return self.conversion(&t, args, pos);
                }
                if BUILTINS.contains(&&**n) {
                    return self.builtin_call(n, args, pos);
                }
            }
            ExprKind::Selector(x, name) => {
                if let ExprKind::Ident(pkg) = &unparen(x).kind {
                    if self.lookup(pkg).is_none() && self.imports.contains_key(pkg) {
                        if let Some(i) = self.imports.get_mut(pkg) {
                            i.used = true;
                        }
                        return self.package_call(pkg, name, args, callee.pos);
                    }
                }
                let (xe, t) = self.value(x)?;
                if t == Type::Error && &**name == "Error" {
                    if !args.is_empty() {
                        return err(pos, "too many arguments in call to Error");
                    }
                    let call = Call {
                        target: Target::ErrorMethod(xe),
                        args: Args::List(Vec::new()),
                    };
                    return Ok((Expr::Call(Box::new(call)), Type::Str));
                }
                return err(
                    callee.pos,
                    format!(
                        "{}.{name} undefined (type {} has no field or method {name})",
                        show(x),
                        t.describe()
                    ),
                );
            }
            _ => {}
        }
        let (fe, ft) = self.value(f)?;
        let Type::Func(sig) = ft else {
            return err(
                pos,
                format!(
                    "invalid operation: cannot call non-function {} (value of type {})",
                    show(f),
                    ft.describe()
                ),
            );
        };
        let args = self.args(&sig.params, args, pos, &show(f))?;
        let t = result_type(&sig);
        let call = Call {
            target: Target::Value(fe),
            args,
        };
        Ok((Expr::Call(Box::new(call)), t))
    }

    /// Arguments for fixed parameters.
    fn args(&mut self, params: &[Type], args: &[AExpr], pos: Pos, fname: &str) -> PResult<Args> {
        let ctx = format!("argument to {fname}");
        if let [one] = args {
            let (e, t) = self.expr(one)?;
            if let Type::Tuple(ts) = &t {
                if ts.len() >= 2 {
                    if ts.len() != params.len() {
                        return err(
                            pos,
                            format!("wrong argument count in call to {fname}: have {t}"),
                        );
                    }
                    for (have, want) in ts.iter().zip(params) {
                        if !have.assignable_to(want) {
                            return err(
                                one.pos,
                                format!(
                                    "cannot use {} (value of type {t}) as {want} value in {ctx}",
                                    show(one)
                                ),
                            );
                        }
                    }
                    return Ok(Args::Spread(e));
                }
            }
            let (e, t) = single(one, e, t)?;
            return match params {
                [p] => Ok(Args::List(vec![coerce(e, &t, p, one, &ctx)?])),
                [] => err(one.pos, format!("too many arguments in call to {fname}")),
                _ => err(pos, format!("not enough arguments in call to {fname}")),
            };
        }
        if args.len() < params.len() {
            return err(pos, format!("not enough arguments in call to {fname}"));
        }
        if args.len() > params.len() {
            return err(
                args[params.len()].pos,
                format!("too many arguments in call to {fname}"),
            );
        }
        let mut out = Vec::new();
        for (a, p) in args.iter().zip(params) {
            out.push(self.value_as(a, p, &ctx)?);
        }
        Ok(Args::List(out))
    }

    /// Arguments of a variadic `...any` function.
    fn any_args(&mut self, args: &[AExpr]) -> PResult<Args> {
        let mut out = Vec::new();
        for a in args {
            let (e, t) = self.expr(a)?;
            if let Type::Tuple(ts) = &t {
                if ts.len() >= 2 && args.len() == 1 {
                    return Ok(Args::Spread(e));
                }
            }
            let (e, t) = single(a, e, t)?;
            out.push(coerce(e, &t, &Type::Any, a, "argument")?);
        }
        Ok(Args::List(out))
    }

    fn conversion(&mut self, t: &Type, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [x] = args else {
            return err(
                pos,
                format!("wrong number of arguments in conversion to {t}"),
            );
        };
        let (xe, xt) = self.value(x)?;
        if !xt.assignable_to(t) {
            return err(
                x.pos,
                format!(
                    "cannot convert {} (value of type {}) to type {t}",
                    show(x),
                    xt.describe()
                ),
            );
        }
        Ok((coerce(xe, &xt, t, x, "conversion")?, t.clone()))
    }

    fn builtin_call(&mut self, n: &str, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let none = Type::Tuple(Rc::from(Vec::new()));
        let (b, t, args) = match n {
            "panic" => {
                let [x] = args else {
                    return err(pos, "wrong number of arguments to panic (want 1)");
                };
                let e = self.value_as(x, &Type::Any, "argument to panic")?;
                (Builtin::Panic, none, Args::List(vec![e]))
            }
            "recover" => {
                if !args.is_empty() {
                    return err(pos, "too many arguments for recover()");
                }
                (Builtin::Recover, Type::Any, Args::List(Vec::new()))
            }
            "len" => {
                let [x] = args else {
                    return err(pos, "wrong number of arguments to len (want 1)");
                };
                let (e, t) = self.value(x)?;
                if t != Type::Str {
                    return err(
                        x.pos,
                        format!(
                            "invalid argument: {} (value of type {}) for built-in len",
                            show(x),
                            t.describe()
                        ),
                    );
                }
                (Builtin::Len, Type::Int, Args::List(vec![e]))
            }
            _ => {
                let mut out = Vec::new();
                let mut kinds = Vec::new();
                for a in args {
                    let (e, t) = self.value(a)?;
                    if t == Type::Nil {
                        return err(
                            a.pos,
                            format!("use of untyped nil in argument to built-in {n}"),
                        );
                    }
                    kinds.push(if t.is_interface() {
                        PrintKind::Iface
                    } else {
                        PrintKind::Plain
                    });
                    out.push(e);
                }
                let b = Builtin::Print {
                    ln: n == "println",
                    kinds: kinds.into(),
                };
                (b, none, Args::List(out))
            }
        };
        let call = Call {
            target: Target::Builtin(b),
            args,
        };
        Ok((Expr::Call(Box::new(call)), t))
    }

    fn package_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let none = Type::Tuple(Rc::from(Vec::new()));
        let printed = Type::Tuple(Rc::from(vec![Type::Int, Type::Error]));
        let (b, t, a) = match (pkg, name) {
            ("fmt", "Println") => (Builtin::FmtPrintln, printed, self.any_args(args)?),
            ("fmt", "Print") => (Builtin::FmtPrint, printed, self.any_args(args)?),
            ("fmt", "Sprint") => (Builtin::FmtSprint, Type::Str, self.any_args(args)?),
            ("fmt", "Sprintln") => (Builtin::FmtSprintln, Type::Str, self.any_args(args)?),
            ("fmt", "Printf" | "Sprintf" | "Errorf") => {
                let Some((first, rest)) = args.split_first() else {
                    return err(pos, format!("not enough arguments in call to fmt.{name}"));
                };
                let mut out =
                    vec![self.value_as(first, &Type::Str, &format!("argument to fmt.{name}"))?];
                for a in rest {
                    out.push(self.value_as(a, &Type::Any, "argument")?);
                }
                let (b, t) = match name {
                    "Printf" => (Builtin::FmtPrintf, printed),
                    "Sprintf" => (Builtin::FmtSprintf, Type::Str),
                    _ => (Builtin::FmtErrorf, Type::Error),
                };
                (b, t, Args::List(out))
            }
            ("errors", "New") => (
                Builtin::ErrorsNew,
                Type::Error,
                self.args(&[Type::Str], args, pos, "errors.New")?,
            ),
            ("os", "Exit") => (
                Builtin::OsExit,
                none,
                self.args(&[Type::Int], args, pos, "os.Exit")?,
            ),
            ("runtime", "Goexit") => (
                Builtin::Goexit,
                none,
                self.args(&[], args, pos, "runtime.Goexit")?,
            ),
            ("runtime", "Gosched") => (
                Builtin::Gosched,
                none,
                self.args(&[], args, pos, "runtime.Gosched")?,
            ),
            _ => {
                return Err(SyntaxError::unsupported(
                    pos,
                    &format!("calls of `{pkg}.{name}`"),
                ))
            }
        };
        let call = Call {
            target: Target::Builtin(b),
            args: a,
        };
        Ok((Expr::Call(Box::new(call)), t))
    }
}

/// Rejects "no value" and multi-valued expressions where one value is needed.
pub(super) fn single(e: &AExpr, x: Expr, t: Type) -> PResult<(Expr, Type)> {
    match &t {
        Type::Tuple(ts) if ts.is_empty() => {
            err(e.pos, format!("{} (no value) used as value", show(e)))
        }
        Type::Tuple(_) => err(
            e.pos,
            format!(
                "multiple-value {} (value of type {t}) in single-value context",
                show(e)
            ),
        ),
        _ => Ok((x, t)),
    }
}

/// The type of a call of `sig`: its single result or a tuple.
fn result_type(sig: &FuncType) -> Type {
    match sig.results.as_slice() {
        [t] => t.clone(),
        ts => Type::Tuple(Rc::from(ts.to_vec())),
    }
}

/// Converts `x` of type `from` for use as `to` (typing a nil func).
pub(super) fn coerce(x: Expr, from: &Type, to: &Type, e: &AExpr, ctx: &str) -> PResult<Expr> {
    if !from.assignable_to(to) {
        let what = if *from == Type::Nil {
            "untyped nil".to_string()
        } else {
            format!("value of type {from}")
        };
        let why = if *to == Type::Error && !from.is_interface() && *from != Type::Nil {
            format!(": {from} does not implement error (missing method Error)")
        } else {
            String::new()
        };
        return err(
            e.pos,
            format!(
                "cannot use {} ({what}) as {to} value in {ctx}{why}",
                show(e)
            ),
        );
    }
    Ok(match (from, to, x) {
        (Type::Nil, Type::Func(ft), _) => Expr::Const(Value::Func(FuncVal::Nil(ft.clone()))),
        (Type::Int | Type::Str, Type::Any | Type::Error, x) if !matches!(x, Expr::Const(_)) => {
            Expr::ToIface(Box::new(x))
        }
        (_, _, x) => x,
    })
}

/// The operation `op` means on operands of type `t`, if it is defined.
fn arith_op(op: BinOp, t: &Type) -> Option<Arith> {
    Some(match (op, t) {
        (BinOp::Add, Type::Str) => Arith::Concat,
        (BinOp::Add, Type::Int) => Arith::Add,
        (BinOp::Sub, Type::Int) => Arith::Sub,
        (BinOp::Mul, Type::Int) => Arith::Mul,
        (BinOp::Div, Type::Int) => Arith::Div,
        (BinOp::Rem, Type::Int) => Arith::Rem,
        _ => return None,
    })
}

/// Go's compile error for `/` or `%` by a constant zero.
fn check_div_by_const_zero(o: Arith, rhs: &Expr, pos: Pos) -> PResult<()> {
    if matches!(o, Arith::Div | Arith::Rem) && matches!(rhs, Expr::Const(Value::Int(0))) {
        return err(pos, "invalid operation: division by zero");
    }
    Ok(())
}

/// Integer or string arithmetic, folding integer constants.
fn arith(op: BinOp, a: Expr, b: Expr, t: &Type, pos: Pos, whole: &str) -> PResult<Expr> {
    let Some(o) = arith_op(op, t) else {
        return err(
            pos,
            format!(
                "invalid operation: operator {} not defined on {whole} (value of type {})",
                op.as_str(),
                t.describe()
            ),
        );
    };
    check_div_by_const_zero(o, &b, pos)?;
    if let (Expr::Const(Value::Int(x)), Expr::Const(Value::Int(y))) = (&a, &b) {
        let r = match o {
            Arith::Add => x.checked_add(*y),
            Arith::Sub => x.checked_sub(*y),
            Arith::Mul => x.checked_mul(*y),
            Arith::Div => x.checked_div(*y),
            Arith::Rem => x.checked_rem(*y),
            Arith::Concat => None,
        };
        return match r {
            Some(v) => Ok(Expr::Const(Value::Int(v))),
            None => err(pos, format!("constant {whole} overflows int")),
        };
    }
    Ok(Expr::Arith(o, Box::new(a), Box::new(b)))
}

/// Checks an operator assignment `x op= y` for type `t`.
pub(super) fn op_assign_arith(op: BinOp, t: &Type, rhs: &Expr, pos: Pos) -> PResult<Arith> {
    let Some(o) = arith_op(op, t) else {
        return err(
            pos,
            format!(
                "invalid operation: operator {} not defined on {}",
                op.as_str(),
                t.describe()
            ),
        );
    };
    check_div_by_const_zero(o, rhs, pos)?;
    Ok(o)
}

/// The variables and constants of the four importable packages that Go
/// programs around defer use (`os.Args`, `os.Stderr`, `runtime.GOOS`, ...),
/// so that a selector of one is not called a function value.
fn is_package_variable(pkg: &str, name: &str) -> bool {
    match pkg {
        "os" => matches!(
            name,
            "Args"
                | "Stdin"
                | "Stdout"
                | "Stderr"
                | "ErrNotExist"
                | "ErrExist"
                | "ErrPermission"
                | "ErrClosed"
                | "ErrInvalid"
                | "ErrDeadlineExceeded"
                | "ErrProcessDone"
                | "DevNull"
                | "PathSeparator"
                | "PathListSeparator"
        ),
        "runtime" => matches!(name, "GOOS" | "GOARCH" | "Compiler" | "MemProfileRate"),
        "errors" => name == "ErrUnsupported",
        _ => false,
    }
}
