//! Checking expressions: the dispatch, names, selectors and the helpers
//! every construct uses; one file per construct beside it.

mod assert;
mod binary;
mod builtin;
mod builtin_spread;
mod call;
pub(crate) mod complex;
pub(crate) mod num;
mod shift;
pub(crate) mod typed;
mod unary;

use std::rc::Rc;

pub(super) use binary::op_assign_arith;
use builtin::is_package_variable;
pub(crate) use num::num_kind;
pub(crate) use typed::{boxed_type, clone_expr, deref_array, Place, Root};

use super::unsupported::{refuse, Construct};
use super::{err, outside_universe, universe_type, Binding, Checker};
use crate::ast::{self, Expr as AExpr, ExprKind};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::{FuncType, Type};
use crate::value::{FuncVal, Value};

/// Strips parentheses.
pub(crate) fn unparen(e: &AExpr) -> &AExpr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}

/// How an operand is described in an error (`x (variable of type int)`).
pub(crate) fn operand(e: &AExpr, x: &Expr, t: &Type) -> String {
    if *t == Type::Nil {
        return show(e);
    }
    let what = if matches!(x, Expr::Load(_)) {
        "variable"
    } else {
        "value"
    };
    format!("{} ({what} of type {})", show(e), t.describe())
}

/// Builtins the subset supports.
const BUILTINS: &[&str] = &[
    "panic", "recover", "print", "println", "len", "complex", "real", "imag",
];

/// Where an expression starts (its leftmost token), where Go reports
/// errors about it as an operand (a binary expression's own position is
/// its operator's).
pub(crate) fn start_pos(e: &AExpr) -> Pos {
    match &e.kind {
        ExprKind::Binary(_, x, _)
        | ExprKind::Call(x, ..)
        | ExprKind::Selector(x, ..)
        | ExprKind::Index(x, _)
        | ExprKind::Slice { x, .. }
        | ExprKind::Assert(x, _) => start_pos(x),
        _ => e.pos,
    }
}

/// A short rendering of an expression for messages.
pub(crate) fn show(e: &AExpr) -> String {
    match &e.kind {
        ExprKind::Int(n) => n.to_string(),
        ExprKind::Float(x) | ExprKind::Imag(x) => x.to_string(),
        ExprKind::Rune(c) => match char::from_u32(*c) {
            Some(ch) => format!("{ch:?}"),
            None => c.to_string(),
        },
        ExprKind::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
        ExprKind::Ident(n) => n.to_string(),
        ExprKind::FuncLit(..) => "func literal".into(),
        ExprKind::Type(_) => "type".into(),
        ExprKind::Composite { .. } => "composite literal".into(),
        ExprKind::Unary(op, x) => format!("{}{}", op.as_str(), show(x)),
        ExprKind::Binary(op, a, b) => format!("{} {} {}", show(a), op.as_str(), show(b)),
        ExprKind::Call(f, args, dots) => {
            let a: Vec<String> = args.iter().map(show).collect();
            let d = if dots.is_some() { "..." } else { "" };
            format!("{}({}{d})", show(f), a.join(", "))
        }
        ExprKind::Selector(x, n, _) => format!("{}.{n}", show(x)),
        ExprKind::Index(x, ix) => {
            let a: Vec<String> = ix.iter().map(show).collect();
            format!("{}[{}]", show(x), a.join(", "))
        }
        ExprKind::Slice { x, lo, hi, max } => {
            let part = |p: &Option<Box<AExpr>>| p.as_deref().map(show).unwrap_or_default();
            let m = max
                .as_deref()
                .map(|m| format!(":{}", show(m)))
                .unwrap_or_default();
            format!("{}[{}:{}{m}]", show(x), part(lo), part(hi))
        }
        ExprKind::Assert(x, _) => format!("{}.(...)", show(x)),
        ExprKind::TypeSwitchGuard(x) => format!("{}.(type)", show(x)),
        ExprKind::Paren(x) => format!("({})", show(x)),
    }
}

impl Checker {
    /// An expression that must have exactly one value (possibly untyped nil).
    pub(crate) fn value(&mut self, e: &AExpr) -> PResult<(Expr, Type)> {
        let (x, t) = self.expr(e)?;
        single(e, x, t)
    }

    /// A single value assigned to (or passed as) type `to`.
    pub(crate) fn value_as(&mut self, e: &AExpr, to: &Type, ctx: &str) -> PResult<Expr> {
        if let Some(x) = self.generic_value_for(e, to, ctx)? {
            return Ok(x);
        }
        let (x, t) = self.value(e)?;
        coerce(x, &t, to, e, ctx)
    }

    /// Any expression; calls may yield a [`Type::Tuple`].
    pub(crate) fn expr(&mut self, e: &AExpr) -> PResult<(Expr, Type)> {
        match &e.kind {
            ExprKind::Int(n) => Ok((
                Expr::Const(num::norm(num_bigint::BigInt::from(*n))),
                Type::Int,
            )),
            ExprKind::Imag(x) => match crate::types::exact::parse_imag(x) {
                Some(r) => Ok((
                    complex::untyped(crate::types::exact::from_int(0), r),
                    Type::Complex(128),
                )),
                None => err(e.pos, format!("malformed constant: {x}")),
            },
            ExprKind::Float(x) => match crate::types::exact::parse(x) {
                Some(r) => Ok((Expr::Const(Value::Rat(Rc::new(r))), Type::Float(64))),
                None => err(e.pos, format!("malformed constant: {x}")),
            },
            // Until integer kinds land, a rune constant is an `int`.
            // An untyped rune constant behaves as an untyped integer one
            // (its default type should be rune: `%T` of 'x' says int).
            ExprKind::Rune(c) => Ok((Expr::Const(Value::Int(i64::from(*c))), Type::Int)),
            ExprKind::Str(s) => Ok((Expr::Const(Value::Str(self.intern(s))), Type::Str)),
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(n) => self.ident(n, e.pos),
            ExprKind::FuncLit(sig, body) => self.func_lit(sig, body),
            ExprKind::Type(t) => {
                self.type_expr(t)?;
                err(e.pos, format!("{} (type) is not an expression", show(e)))
            }
            ExprKind::Composite { ty, elems, .. } => match ty {
                Some(t) => self.composite(t, elems, e.pos),
                None => refuse(e.pos, Construct::CompositeLits),
            },
            ExprKind::Unary(op, x) => self.unary(*op, x, e.pos),
            ExprKind::Binary(
                op @ (ast::BinOp::Div | ast::BinOp::Rem | ast::BinOp::Shl | ast::BinOp::Shr),
                a,
                b,
            ) => {
                let (x, t) = self.binary(*op, a, b, e.pos)?;
                Ok((at_line(x, e.pos), t))
            }
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, e.pos),
            ExprKind::Call(f, args, dots) => {
                if let Some(d) = dots {
                    if matches!(&unparen(f).kind, ExprKind::Ident(n) if &**n == "append" && self.lookup(n).is_none())
                    {
                        if let Some(r) = self.comp_builtin("append", args, true, e.pos) {
                            return r;
                        }
                    }
                    return self.call_with(f, args, Some(*d), e.pos);
                }
                self.call(f, args, e.pos)
            }
            ExprKind::Selector(x, name, _) => match self.selector(x, name, e.pos)? {
                // A field: through a pointer, it may be nil.
                (Expr::Typed(f), t) if matches!(*f, crate::ir::TypedExpr::Field(..)) => {
                    Ok((at_line(Expr::Typed(f), e.pos), t))
                }
                r => Ok(r),
            },
            ExprKind::Index(x, ix) => self.index_expr(x, ix, e.pos),
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(x, [lo.as_deref(), hi.as_deref(), max.as_deref()], e.pos)
            }
            ExprKind::Assert(x, te) => {
                let to = self.type_expr(te)?;
                let (xe, src) = self.assert_operand(x, (te, &to))?;
                let site = match src.underlying() {
                    Type::Any => crate::code::FaultSite::AssertE,
                    Type::Iface(ms) if ms.is_empty() => crate::code::FaultSite::AssertE,
                    _ => crate::code::FaultSite::AssertI,
                };
                let a = Expr::Assert {
                    x: Box::new(xe),
                    to: to.clone(),
                    src,
                };
                Ok((at_site(a, e.pos, site), to))
            }
            ExprKind::TypeSwitchGuard(_) => err(e.pos, "use of .(type) outside type switch"),
        }
    }

    /// gc's name of the next function literal (`range`: range-over-func
    /// body) of the program's source, counted in its enclosing one; `None`
    /// for minigo's own source (lines from `SNIPPET_LINE`).
    pub(crate) fn go_name(&mut self, end: Pos, range: bool) -> Option<Rc<str>> {
        if end.line >= crate::parser::SNIPPET_LINE {
            return None;
        }
        let top = self.go_names.last_mut()?;
        let key = (top.0.clone(), end);
        if let Some(name) = self.go_named.get(&key) {
            return Some(name.clone());
        }
        let name: Rc<str> = if range {
            top.2 += 1;
            format!("{}-range{}", top.0, top.2).into()
        } else {
            top.1 += 1;
            format!("{}.func{}", top.0, top.1).into()
        };
        self.go_named.insert(key, name.clone());
        Some(name)
    }

    pub(crate) fn func_lit(
        &mut self,
        sig: &ast::Signature,
        body: &ast::Block,
    ) -> PResult<(Expr, Type)> {
        self.lit_count += 1;
        let Some(name) = self.go_name(body.end, false) else {
            // A literal of minigo's own Go source: not one of gc's names.
            let name = format!("{}.minigo-func{}", self.cur_name, self.lit_count);
            let code = self.function(sig, body, name.into())?;
            let t = Type::Func(code.sig.clone());
            return Ok((Expr::Lit(code), t));
        };
        self.go_names.push((name.clone(), 0, 0));
        let code = self.function(sig, body, name);
        self.go_names.pop();
        let code = code?;
        let t = Type::Func(code.sig.clone());
        Ok((Expr::Lit(code), t))
    }

    pub(crate) fn selector(
        &mut self,
        x: &AExpr,
        name: &Rc<str>,
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        if let ExprKind::Ident(pkg) = &unparen(x).kind {
            if self.lookup(pkg).is_none() && self.imports.contains_key(pkg) {
                if let Some(v) = (&**pkg == "time")
                    .then(|| crate::checker::goroutines::time_const(name))
                    .flatten()
                {
                    self.mark_import("time");
                    return Ok((Expr::Const(Value::Int(v)), self.duration()));
                }
                if &**pkg == "strconv" {
                    if let Some(r) = self.strconv_var(name) {
                        return Ok(r);
                    }
                }
                if &**pkg == "context" {
                    if let Some(r) = self.context_var(name) {
                        return Ok(r);
                    }
                }
                if let Some(v) = (&**pkg == "utf8")
                    .then(|| super::pkg_strconv::utf8_const(name))
                    .flatten()
                {
                    self.mark_import("utf8");
                    return Ok((Expr::Const(Value::Int(v)), Type::Int));
                }
                if &**pkg == "io" {
                    if let Some(r) = self.io_var(name) {
                        return Ok(r);
                    }
                }
                if &**pkg == "os" {
                    if let Some(r) = self.os_var(name) {
                        return Ok(r);
                    }
                }
                if let Some(text) = package_str_const(pkg, name) {
                    self.mark_import(pkg);
                    let v = Value::Str(self.intern(&Rc::from(text.as_bytes())));
                    return Ok((Expr::Const(v), Type::Str));
                }
                if let Some(c) = package_const(pkg, name) {
                    if let Some(i) = self.imports.get_mut(pkg) {
                        i.used = true;
                    }
                    let t = if matches!(c, Value::Float(_)) {
                        Type::Float(64)
                    } else {
                        Type::Int
                    };
                    return Ok((Expr::Const(c), t));
                }
                if let Some(r) = self.pkg_func_value(pkg, name, pos) {
                    return r;
                }
                let what = if is_package_variable(pkg, name) {
                    "package variables and constants"
                } else {
                    "package functions as values"
                };
                return Err(SyntaxError::unsupported(
                    pos,
                    &format!("{what} (`{pkg}.{name}`)"),
                ));
            }
        }
        self.generic_method_value(x, name, pos)?;
        if let Some(r) = self.typed_selector(x, name, pos)? {
            return Ok(r);
        }
        let (_, t) = self.value(x)?;
        if t == Type::Error && &**name == "Error" {
            return Err(SyntaxError::unsupported(pos, "method values"));
        }
        super::expr::call::runtime_member_refused(&t, name, pos)?;
        err(
            pos,
            format!(
                "{}.{name} undefined (type {t} has no field or method {name})",
                show(x)
            ),
        )
    }

    /// The one `Rc` for a string constant's text.
    pub(crate) fn intern(&mut self, s: &Rc<[u8]>) -> Rc<[u8]> {
        self.strings
            .entry(s.clone())
            .or_insert_with(|| s.clone())
            .clone()
    }

    pub(crate) fn ident(&mut self, n: &Rc<str>, pos: Pos) -> PResult<(Expr, Type)> {
        if &**n == "_" {
            return err(pos, "cannot use _ as value");
        }
        if let Some(b) = self.lookup(n).cloned() {
            self.mark_used(&b);
            match b {
                Binding::Func { idx, ty } => return Ok((Expr::Func(idx), Type::Func(ty))),
                Binding::Const { value, ty } => return Ok((Expr::Const(value), ty)),
                Binding::Generic(gid) => return self.uninstantiated(gid, pos),
                _ => {}
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
            "iota" => {
                return match self.iota {
                    Some(i) => Ok((Expr::Const(Value::Int(i)), Type::Int)),
                    None => err(pos, "cannot use iota outside constant declaration"),
                };
            }
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
}

/// Rejects "no value" and multi-valued expressions where one value is needed.
pub(crate) fn single(e: &AExpr, x: Expr, t: Type) -> PResult<(Expr, Type)> {
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
pub(crate) fn result_type(sig: &FuncType) -> Type {
    match sig.results.as_slice() {
        [t] => t.clone(),
        ts => Type::Tuple(Rc::from(ts.to_vec())),
    }
}

/// An untyped numeric constant `x` (written `e`) given its default type
/// `t` (`x := 1 << 64`, `println(1e400)`): Go's error when it does not fit.
pub(crate) fn settle(x: Expr, t: &Type, e: &AExpr, ctx: &str) -> PResult<Expr> {
    match num::coerce_const(&x, t, t, e, ctx) {
        Some(r) => r,
        None => Ok(x),
    }
}

/// Converts `x` of type `from` for use as `to` (typing a nil func).
pub(crate) fn coerce(x: Expr, from: &Type, to: &Type, e: &AExpr, ctx: &str) -> PResult<Expr> {
    // A constant of the subset's basic types is untyped in Go: it may
    // become a value of a declared type with that underlying type.
    let untyped = matches!(x, Expr::Const(_)) && matches!(from, Type::Int | Type::Str | Type::Bool);
    if untyped && to.is_underlying(from) {
        return Ok(x);
    }
    if *from == Type::Int && num_kind(to).is_some() && shift::untyped_shift(&x) {
        return shift::retype(x, to, e);
    }
    if let Some(r) = num::coerce_const(&x, from, to, e, ctx) {
        return r;
    }
    if !from.assignable_to(to) {
        let what = if *from == Type::Nil {
            "untyped nil".to_string()
        } else if matches!(x, Expr::Load(_)) {
            format!("variable of type {from}")
        } else {
            format!("value of type {from}")
        };
        let why = if *to == Type::Error && !from.is_interface() && *from != Type::Nil {
            format!(": {from} does not implement error (missing method Error)")
        } else {
            String::new()
        };
        return err(
            start_pos(e),
            format!(
                "cannot use {} ({what}) as {to} value in {ctx}{why}",
                show(e)
            ),
        );
    }
    // A struct holding arrays is copied with them (an array is below).
    // (`from`'s underlying type is looked up once: each lookup clones it.)
    let from_under = from.underlying();
    let x = if matches!(from_under, Type::Struct(_)) {
        crate::checker::composite::fresh(x, from)
    } else {
        x
    };
    Ok(match (from, to, x) {
        (Type::Nil, Type::Func(ft), _) => Expr::Const(Value::Func(FuncVal::Nil(ft.clone()))),
        (Type::Nil, t, _) if matches!(t.underlying(), Type::Slice(_) | Type::Map(..)) => {
            Expr::Const(
                crate::checker::composite::comp_zero(&to.underlying()).unwrap_or(Value::Nil),
            )
        }
        (_, _, x) if matches!(from_under, Type::Array(..)) => {
            let f = from;
            let t = to;
            let copy = crate::checker::composite::fresh(x, from);
            if t.is_interface() && boxed_type(f) {
                Expr::Typed(Box::new(crate::ir::TypedExpr::Box(copy, f.clone())))
            } else {
                copy
            }
        }
        (Type::Int | Type::Str, t, x) if t.is_interface() && !matches!(x, Expr::Const(_)) => {
            Expr::ToIface(Box::new(x))
        }
        (f, t, x) if t.is_interface() && boxed_type(f) => {
            Expr::Typed(Box::new(crate::ir::TypedExpr::Box(x, f.clone())))
        }
        (_, _, x) => x,
    })
}

/// The integer constants of the supported packages (`log`'s flags).
/// `x`, which can fail at run time, marked with its line (see
/// [`Expr::At`]); constants and minigo's own source are left as they are.
pub(crate) fn at_line(x: Expr, pos: Pos) -> Expr {
    at_site(x, pos, crate::code::FaultSite::Plain)
}

/// [`at_line`] with what gc calls there when it fails.
pub(crate) fn at_site(x: Expr, pos: Pos, site: crate::code::FaultSite) -> Expr {
    let entry = fault_entry(pos, site);
    if matches!(x, Expr::Const(_)) || entry == 0 {
        return x;
    }
    Expr::At(entry, Box::new(x))
}

/// The line-table entry of a fault at `pos` (0: none, for minigo's own
/// source).
pub(crate) fn fault_entry(pos: Pos, site: crate::code::FaultSite) -> u32 {
    if pos.line >= crate::parser::SNIPPET_LINE {
        return 0;
    }
    site.entry(pos.line)
}

/// The string constants of a package: `runtime`'s target (this host's, as
/// Go names it: minigo interprets, so the program sees the machine it runs
/// on) and its compiler (minigo reproduces gc's behaviour, names and lines).
fn package_str_const(pkg: &str, name: &str) -> Option<&'static str> {
    match (pkg, name) {
        ("runtime", "GOOS") => Some(crate::buildtag::host_goos()),
        ("runtime", "GOARCH") => Some(crate::buildtag::host_goarch()),
        ("runtime", "Compiler") => Some("gc"),
        _ => None,
    }
}

fn package_const(pkg: &str, name: &str) -> Option<Value> {
    let v = match (pkg, name) {
        ("log", "Ldate") => 1,
        ("log", "Ltime") => 2,
        ("log", "Lmicroseconds") => 4,
        ("log", "Llongfile") => 8,
        ("log", "Lshortfile") => 16,
        ("log", "LUTC") => 32,
        ("log", "Lmsgprefix") => 64,
        ("log", "LstdFlags") => 3,
        ("math", "MaxInt" | "MaxInt64") => i64::MAX,
        ("math", "MinInt" | "MinInt64") => i64::MIN,
        ("math", "MaxInt32") => i64::from(i32::MAX),
        ("math", "MinInt32") => i64::from(i32::MIN),
        ("math", "MaxInt16") => i64::from(i16::MAX),
        ("math", "MinInt16") => i64::from(i16::MIN),
        ("math", "MaxInt8") => i64::from(i8::MAX),
        ("math", "MinInt8") => i64::from(i8::MIN),
        ("math", "MaxUint8") => i64::from(u8::MAX),
        ("math", "MaxUint16") => i64::from(u16::MAX),
        ("math", "MaxUint32") => i64::from(u32::MAX),
        ("math", "MaxUint" | "MaxUint64") => return Some(num::norm(u64::MAX.into())),
        ("math", f) => {
            return Some(Value::Float(match f {
                "MaxFloat64" => f64::MAX,
                "SmallestNonzeroFloat64" => f64::from_bits(1),
                "MaxFloat32" => f64::from(f32::MAX),
                "SmallestNonzeroFloat32" => f64::from(f32::from_bits(1)),
                "Pi" => std::f64::consts::PI,
                "E" => std::f64::consts::E,
                "Sqrt2" => std::f64::consts::SQRT_2,
                "Ln2" => std::f64::consts::LN_2,
                _ => return None,
            }))
        }
        _ => return None,
    };
    Some(Value::Int(v))
}
