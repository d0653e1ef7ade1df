//! The builtins on composite values — `len`, `cap`, `make`, `append`,
//! `copy`, `delete` — and conversions between strings and byte or rune
//! slices.

use super::{elem_shape, layout};
use crate::ast::{Expr as AExpr, ExprKind, TypeExpr, UnOp};
use crate::checker::expr::show;
use crate::checker::{err, zero, Checker};
use crate::ir::{CompExpr, Const, Conv, Expr};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

fn comp(c: CompExpr) -> Expr {
    Expr::Comp(Box::new(c))
}

/// `make([]T, n)` of a zero-size `T` with a constant `n` beyond what a
/// minigo slice holds (2^31-1 elements): Go allocates nothing and accepts
/// any `n` up to `maxInt`, minigo cannot, so it refuses the program
/// rather than answer `len out of range`.
fn refuse_huge_zero_size(elem: &Type, sizes: &[Expr], pos: Pos) -> PResult<()> {
    let limit = i64::from(u32::MAX >> 1);
    let huge = sizes
        .iter()
        .any(|e| matches!(e, Expr::Const(Const::Int(n)) if *n > limit));
    if huge && zero_size(elem) {
        return Err(crate::lexer::SyntaxError::unsupported(
            pos,
            "slices of zero-size elements longer than 2147483647",
        ));
    }
    Ok(())
}

/// Whether values of `t` take no memory (`struct{}`, `[0]T`, and structs
/// and arrays of such).
fn zero_size(t: &Type) -> bool {
    match t.underlying() {
        Type::Struct(fs) => fs.iter().all(|f| zero_size(&f.ty)),
        Type::Array(n, e) => n == 0 || zero_size(&e),
        _ => false,
    }
}

impl Checker {
    /// Whether `e` contains no function call and no channel receive, as
    /// the spec's rule for constant `len`/`cap` and unevaluated `range`
    /// operands reads it: a conversion is not a call (its operand is
    /// looked into), nor is a composite literal (its elements are); every
    /// other call counts (types2 also exempts builtin calls with constant
    /// results, which minigo counts as calls: their operands are evaluated
    /// for nothing, which no program can observe but through a panic
    /// Go would not raise).
    pub(crate) fn no_call_or_recv(&self, e: &AExpr) -> bool {
        let all = |es: &mut dyn Iterator<Item = &AExpr>| {
            for e in es {
                if !self.no_call_or_recv(e) {
                    return false;
                }
            }
            true
        };
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Rune(_)
            | ExprKind::Str(_)
            | ExprKind::Ident(_)
            | ExprKind::Type(_)
            | ExprKind::FuncLit(..) => true,
            ExprKind::Unary(op, x) => *op != UnOp::Recv && self.no_call_or_recv(x),
            ExprKind::Binary(_, a, b) => self.no_call_or_recv(a) && self.no_call_or_recv(b),
            ExprKind::Selector(x, _, _) | ExprKind::Paren(x) | ExprKind::Assert(x, _) => {
                self.no_call_or_recv(x)
            }
            ExprKind::Index(x, ix) => self.no_call_or_recv(x) && all(&mut ix.iter()),
            ExprKind::Slice { x, lo, hi, max } => {
                self.no_call_or_recv(x)
                    && all(&mut [lo, hi, max].into_iter().flatten().map(|b| &**b))
            }
            ExprKind::Call(f, args, None) if self.is_type_expr(f) => all(&mut args.iter()),
            ExprKind::Composite { elems, .. } => {
                all(&mut elems.iter().flat_map(|el| el.key.iter().chain([&el.value])))
            }
            ExprKind::Call(..) | ExprKind::TypeSwitchGuard(_) => false,
        }
    }
}

impl Checker {
    /// `append(f())` with a multi-valued `f`: a Go function literal taking
    /// the results (types spelled) and appending all but the first to it;
    /// `None` when `x` is not such a call.
    fn append_tuple(&mut self, x: &AExpr, pos: Pos) -> Option<PResult<(Expr, Type)>> {
        if !matches!(&crate::checker::expr::unparen(x).kind, ExprKind::Call(..)) {
            return None;
        }
        let ts = match self.expr(x) {
            Ok((_, Type::Tuple(ts))) if ts.len() >= 2 => ts,
            Ok(_) => return None,
            Err(e) => return Some(Err(e)),
        };
        let mut params = Vec::new();
        for (i, t) in ts.iter().enumerate() {
            params.push(format!("a{i} {}", crate::checker::pkg_values::spell(t)?));
        }
        let names: Vec<String> = (0..ts.len()).map(|i| format!("a{i}")).collect();
        let src = format!(
            "package main\nvar _ = func({}) {} {{\nreturn append({})\n}}(a)\n",
            params.join(", "),
            crate::checker::pkg_values::spell(&ts[0])?,
            names.join(", ")
        );
        Some(self.template_call(&src, std::slice::from_ref(x), pos))
    }

    /// A call of `len`, `cap`, `make`, `append` or `copy`; `None` for other
    /// names. `spread`: the call ends in `...`.
    pub(crate) fn comp_builtin(
        &mut self,
        n: &str,
        args: &[AExpr],
        spread: bool,
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        Some(match n {
            "len" | "cap" => self.len_cap(n, args, pos),
            "make" => self
                .make(args, pos)
                .map(|(e, t)| (crate::checker::expr::at_line(e, pos), t)),
            "append" => self.append(args, spread, pos),
            "copy" => self.copy_call(args, pos),
            "delete" => self.delete_call(args, pos),
            _ => return None,
        })
    }

    fn len_cap(&mut self, n: &str, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [x] = args else {
            return err(pos, format!("wrong number of arguments to {n} (want 1)"));
        };
        let (e, t) = self.value(x)?;
        if let Type::Chan(..) = t.underlying() {
            return Ok(self.chan_len(n == "cap", e));
        }
        // An array's or a pointer to an array's length is its type's: a
        // constant when the operand has no call or receive (Go does not
        // evaluate it then), else the operand is evaluated for its effects.
        let array = match t.underlying() {
            Type::Array(len, _) => Some((len, false)),
            Type::Pointer(a) => match a.underlying() {
                Type::Array(len, _) => Some((len, true)),
                _ => None,
            },
            _ => None,
        };
        if let Some((len, ptr)) = array {
            let k = Const::Int(len as i64);
            return Ok(if self.no_call_or_recv(x) {
                (Expr::Const(k), Type::Int)
            } else if ptr {
                (comp(CompExpr::Then(e, k)), Type::Int)
            } else {
                (comp(CompExpr::Len(e)), Type::Int)
            });
        }
        // len of a constant string is a constant.
        if let (Expr::Const(crate::ir::Const::Str(s)), "len") = (&e, n) {
            return Ok((Expr::Const(Const::Int(s.len() as i64)), Type::Int));
        }
        let ok = matches!(
            (&t.underlying(), n),
            (Type::Slice(_) | Type::Array(..), _) | (Type::Str | Type::Map(..), "len")
        );
        if !ok {
            return err(
                x.pos,
                format!(
                    "invalid argument: {} (value of type {}) for built-in {n}",
                    show(x),
                    t.describe()
                ),
            );
        }
        let c = if n == "len" {
            CompExpr::Len(e)
        } else {
            CompExpr::Cap(e)
        };
        Ok((comp(c), Type::Int))
    }

    fn make(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let Some((first, rest)) = args.split_first() else {
            return err(pos, "not enough arguments for make() (expected 1, found 0)");
        };
        let Some(te) = first.as_type() else {
            return err(first.pos, format!("{} is not a type", show(first)));
        };
        if let TypeExpr::Chan(dir, elem, _) = &te {
            return self.make_chan(*dir, elem, rest, pos);
        }
        let t = self.type_expr(&te)?;
        if let Type::Chan(..) = t.underlying() {
            return self.make_chan_of(t, rest, pos);
        }
        let mut sizes = Vec::new();
        for a in rest {
            sizes.push(self.size_arg(a)?);
        }
        match (&t.underlying(), sizes.len()) {
            (Type::Slice(e), 1 | 2) => {
                refuse_huge_zero_size(e, &sizes, pos)?;
                let mut it = sizes.into_iter();
                let len = it.next().unwrap_or(Expr::Const(crate::ir::Const::Int(0)));
                let c = CompExpr::MakeSlice {
                    len,
                    cap: it.next(),
                    zero: zero(e),
                    shape: elem_shape(e),
                };
                Ok((comp(c), t.clone()))
            }
            (Type::Slice(_), 0) => err(
                pos,
                format!(
                    "invalid operation: {} expects 2 or 3 arguments; found 1",
                    show_call("make", args)
                ),
            ),
            (Type::Map(..), 0 | 1) => Ok((comp(CompExpr::MakeMap), t.clone())),
            _ => err(
                first.pos,
                format!(
                    "invalid argument: cannot make {}; type must be slice, map, or channel",
                    show(first)
                ),
            ),
        }
    }

    /// A size argument of `make`: a value of any integer type (as `int`)
    /// or an untyped constant representable as `int`.
    pub(crate) fn size_arg(&mut self, a: &AExpr) -> PResult<Expr> {
        let (x, t) = self.value(a)?;
        size_as_int(x, t, a)
    }

    fn append(&mut self, args: &[AExpr], spread: bool, pos: Pos) -> PResult<(Expr, Type)> {
        let Some((first, rest)) = args.split_first() else {
            return err(
                pos,
                "not enough arguments for append() (expected 1, found 0)",
            );
        };
        if let ([], false) = (rest, spread) {
            if let Some(r) = self.append_tuple(first, pos) {
                return r;
            }
        }
        let (s, st) = self.value(first)?;
        let (s, st) = if st == Type::Nil {
            return err(
                first.pos,
                "first argument to append must be a typed slice; have untyped nil",
            );
        } else {
            (s, st)
        };
        let su = st.underlying();
        let Type::Slice(elem) = &su else {
            return err(
                first.pos,
                format!(
                    "invalid argument: {} (variable of type {}) is not a slice",
                    show(first),
                    st.describe()
                ),
            );
        };
        let mut vals = Vec::new();
        if spread {
            let [t] = rest else {
                return err(pos, "can only use ... with final argument in list");
            };
            let (te, tt) = self.value(t)?;
            let ok = tt == st
                || (tt == Type::Str && **elem == Type::IntK(crate::types::table::IntKind::U8))
                || tt.assignable_to(&st);
            if !ok {
                return err(
                    t.pos,
                    format!(
                        "cannot use {} (value of type {}) as {st} value in argument to append",
                        show(t),
                        tt.describe()
                    ),
                );
            }
            vals.push(te);
        } else {
            for a in rest {
                vals.push(self.value_as(a, elem, "argument to append")?);
            }
        }
        let (size, pointers) = layout(elem);
        let c = CompExpr::Append {
            s,
            vals,
            spread,
            size,
            pointers,
            zero: zero(elem),
            shape: elem_shape(elem),
        };
        Ok((comp(c), st.clone()))
    }

    fn copy_call(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [d, s] = args else {
            return err(
                pos,
                format!(
                    "not enough arguments for {} (expected 2, found {})",
                    show_call("copy", args),
                    args.len()
                ),
            );
        };
        let (de, dt) = self.value(d)?;
        let (se, st) = self.value(s)?;
        let ok = match (&dt.underlying(), &st.underlying()) {
            (Type::Slice(a), Type::Slice(b)) => a == b,
            (Type::Slice(a), Type::Str) => **a == Type::IntK(crate::types::table::IntKind::U8),
            _ => false,
        };
        if !ok {
            return err(pos, format!("invalid argument: copy expects slice arguments; found {} (value of type {}) and {} (value of type {})", show(d), dt.describe(), show(s), st.describe()));
        }
        let shape = match dt.underlying() {
            Type::Slice(e) => elem_shape(&e),
            _ => vec![0].into(),
        };
        let c = CompExpr::Copy {
            dst: de,
            src: se,
            shape,
        };
        Ok((comp(c), Type::Int))
    }

    /// `delete(m, k)`: a builtin call (it may be deferred).
    fn delete_call(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [m, k] = args else {
            return err(pos, "wrong number of arguments to delete (want 2)");
        };
        let (me, mt) = self.value(m)?;
        let mu = mt.underlying();
        let Type::Map(kt, _) = &mu else {
            return err(
                m.pos,
                format!(
                    "invalid argument: {} (variable of type {}) is not a map",
                    show(m),
                    mt.describe()
                ),
            );
        };
        let ke = self.value_as(k, kt, "argument to delete")?;
        let call = crate::ir::Call {
            line: 0,
            target: crate::ir::Target::Builtin(crate::ir::Builtin::Pkg(crate::ir::PkgFn::Delete)),
            args: crate::ir::Args::List(vec![me, ke]),
        };
        Ok((
            Expr::Call(Box::new(call)),
            Type::Tuple(std::rc::Rc::from(Vec::new())),
        ))
    }

    /// `T(x)` for a slice type `T` written as a literal: `[]byte(s)`,
    /// `[]rune(s)`; `None` for other types.
    pub(crate) fn comp_conversion(
        &mut self,
        t: &TypeExpr,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let TypeExpr::Slice(..) = t else {
            return None;
        };
        Some((|| {
            let to = self.type_expr(t)?;
            let [x] = args else {
                return err(
                    pos,
                    format!("wrong number of arguments in conversion to {to}"),
                );
            };
            let (xe, xt) = self.value(x)?;
            let how = match (&to.underlying(), &xt.underlying()) {
                (Type::Slice(e), Type::Str)
                    if e.underlying() == Type::IntK(crate::types::table::IntKind::U8) =>
                {
                    Conv::StrToBytes
                }
                (Type::Slice(e), Type::Str)
                    if e.underlying() == Type::IntK(crate::types::table::IntKind::I32) =>
                {
                    Conv::StrToRunes
                }
                // Identical underlying types (a declared slice type to its
                // literal type): the same value.
                (u, v) if !xt.is_interface() && u == v => return Ok((xe, to)),
                (_, Type::Nil) => {
                    let z = crate::checker::zero(&to);
                    return Ok((Expr::Const(z), to));
                }
                _ => {
                    return err(
                        x.pos,
                        format!(
                            "cannot convert {} (variable of type {}) to type {to}",
                            show(x),
                            xt.describe()
                        ),
                    )
                }
            };
            Ok((comp(CompExpr::Convert { x: xe, how }), to))
        })())
    }

    /// `string(x)` of a byte or rune slice or a rune; `None` for other
    /// operand types.
    pub(crate) fn string_conversion(&mut self, x: &AExpr) -> Option<PResult<(Expr, Type)>> {
        Some((|| {
            let (xe, xt) = self.value(x)?;
            let how = match &xt.underlying() {
                Type::Slice(e)
                    if e.underlying() == Type::IntK(crate::types::table::IntKind::U8) =>
                {
                    Conv::BytesToStr
                }
                Type::Slice(e)
                    if e.underlying() == Type::IntK(crate::types::table::IntKind::I32) =>
                {
                    Conv::RunesToStr
                }
                Type::Int | Type::IntK(_) => return Ok((code_point_string(xe), Type::Str)),
                Type::Str => return Ok((xe, Type::Str)),
                _ => {
                    return err(
                        x.pos,
                        format!(
                            "cannot convert {} (variable of type {}) to type string",
                            show(x),
                            xt.describe()
                        ),
                    )
                }
            };
            Ok((comp(CompExpr::Convert { x: xe, how }), Type::Str))
        })())
    }
}

fn show_call(name: &str, args: &[AExpr]) -> String {
    let a: Vec<String> = args.iter().map(show).collect();
    format!("{name}({})", a.join(", "))
}

/// A size of `make` as an `int`: a value of any integer type is converted;
/// anything else must be assignable to `int` (an untyped constant).
pub(crate) fn size_as_int(x: Expr, t: Type, a: &AExpr) -> PResult<Expr> {
    int_operand(x, t, a, "argument to make")
}

/// An operand that Go takes of any integer type (a size, an index) as an
/// `int`; anything else must be assignable to `int` (`ctx` names the use
/// in the message).
pub(crate) fn int_operand(x: Expr, t: Type, a: &AExpr, ctx: &str) -> PResult<Expr> {
    let (x, t) = crate::checker::expr::num::whole_as_int((x, t));
    match crate::checker::num_kind(&t) {
        Some(from @ crate::types::num::NumKind::Int(k))
            if k != crate::types::table::IntKind::Int && !matches!(x, Expr::Const(_)) =>
        {
            let to = crate::types::num::NumKind::Int(crate::types::table::IntKind::Int);
            Ok(Expr::Typed(Box::new(crate::ir::TypedExpr::Conv {
                x,
                from,
                to,
            })))
        }
        // `int` itself, a declared type whose underlying type is `int`
        // (`make([]T, n)` with `n` of type `type N int`) or a constant of
        // any integer type (`Count(1)`): the same value.
        Some(crate::types::num::NumKind::Int(_))
            if t.underlying() == Type::Int || matches!(x, Expr::Const(_)) =>
        {
            Ok(x)
        }
        _ => crate::checker::expr::coerce(x, &t, &Type::Int, a, ctx),
    }
}

/// `string(x)` of an integer `x`: its code point's UTF-8 (U+FFFD when it
/// is not a valid one); a constant string when `x` is a constant.
pub(crate) fn code_point_string(xe: Expr) -> Expr {
    if matches!(xe, Expr::Const(_)) {
        let c = match &xe {
            Expr::Const(Const::Int(n)) => u32::try_from(*n).ok().and_then(char::from_u32),
            _ => None,
        };
        let s = c.unwrap_or('\u{fffd}').to_string();
        return Expr::Const(Const::Str(std::rc::Rc::from(s.as_bytes())));
    }
    Expr::Comp(Box::new(crate::ir::CompExpr::Convert {
        x: xe,
        how: Conv::RuneToStr,
    }))
}
