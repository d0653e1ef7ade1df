//! The collector's surface: `runtime.SetFinalizer`, `runtime.GC`,
//! `runtime/debug`'s `FreeOSMemory` and `SetGCPercent`. The machine's side
//! (when a finalizer runs, and on which goroutine) is vm/go/collector.rs.
//!
//! Go checks `SetFinalizer`'s arguments at run time (both are `any`); the
//! checker knows their static types, so it decides here what the run time
//! would throw about the types, and leaves to the machine only what depends
//! on the pointer's value (nil, the start of its allocation). The lowered
//! call is `SetFinalizer(obj, f, flags, text)`: `obj` converted to `f`'s
//! parameter type (so the finalizer receives it as Go passes it), the
//! [`flags`] below, and Go's fatal error text when the types are wrong.

use std::rc::Rc;

use super::super::expr::coerce;
use super::super::Checker;
use crate::ast::Expr as AExpr;
use crate::ir::finalizer_flags as flags;
use crate::ir::{Args, Builtin, Call, Const, Expr, GoBuiltin, Target};
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::Type;

fn none() -> Type {
    Type::Tuple(Rc::from(Vec::new()))
}

fn go_call(b: GoBuiltin, args: Vec<Expr>) -> Expr {
    Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Builtin(Builtin::Go(b)),
        args: Args::List(args),
    }))
}

impl Checker {
    /// A call of the collector's functions; `None` for other names.
    pub(crate) fn collector_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let what = format!("{pkg}.{name}");
        Some(match (pkg, name) {
            ("runtime", "SetFinalizer") => {
                self.finalizers = true;
                self.set_finalizer(args, pos)
            }
            ("runtime", "GC") | ("debug", "FreeOSMemory") => self
                .args(&[], args, pos, &what)
                .map(|_| (go_call(GoBuiltin::Gc, Vec::new()), none())),
            ("debug", "SetGCPercent") => self.args(&[Type::Int], args, pos, &what).map(|a| {
                let Args::List(a) = a else {
                    return (go_call(GoBuiltin::SetGcPercent, Vec::new()), Type::Int);
                };
                (go_call(GoBuiltin::SetGcPercent, a), Type::Int)
            }),
            _ => return None,
        })
    }

    /// `runtime.SetFinalizer(obj, f)`, lowered as the module says.
    fn set_finalizer(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [obj, fin] = args else {
            let n = args.len();
            let which = if n < 2 { "not enough" } else { "too many" };
            return super::super::err(
                pos,
                format!("{which} arguments in call to runtime.SetFinalizer"),
            );
        };
        let (oe, ot) = self.value(obj)?;
        let (fe, ft) = self.value(fin)?;
        for (e, t) in [(obj, &ot), (fin, &ft)] {
            if t.is_interface() {
                let what = "runtime.SetFinalizer with an interface-typed argument";
                return Err(SyntaxError::unsupported(e.pos, what));
            }
        }
        let elem = match ot.underlying() {
            Type::Pointer(e) => e,
            _ => {
                let text = if ot == Type::Nil {
                    "first argument is nil".to_string()
                } else {
                    format!("first argument is {ot}, not pointer")
                };
                return Ok(lowered(oe, fe, 0, &text));
            }
        };
        let mut bits = flags::CHECK_PTR;
        match layout(&elem) {
            Some((0, _)) => bits |= flags::ZERO_SIZE,
            Some((size, false)) if size < 16 => bits |= flags::INNER_OK,
            _ => {}
        }
        if ft == Type::Nil {
            return Ok(lowered(oe, fe, bits | flags::CLEAR, ""));
        }
        match finalizer_param(&ot, &ft) {
            Ok(param) if param.is_interface() => {
                let boxed = coerce(oe, &ot, &param, obj, "argument to runtime.SetFinalizer")?;
                Ok(lowered(boxed, fe, bits, ""))
            }
            Ok(_) => Ok(lowered(oe, fe, bits, "")),
            Err(text) => Ok(lowered(oe, fe, bits, &text)),
        }
    }
}

/// The lowered call; a non-empty `text` is the fatal error it ends in.
fn lowered(obj: Expr, fin: Expr, bits: i64, text: &str) -> (Expr, Type) {
    let text = if text.is_empty() {
        String::new()
    } else {
        format!("runtime.SetFinalizer: {text}")
    };
    let args = vec![
        obj,
        fin,
        Expr::Const(Const::Int(bits)),
        Expr::Const(Const::Str(Rc::from(text.as_bytes()))),
    ];
    (go_call(GoBuiltin::SetFinalizer, args), none())
}

/// The finalizer's parameter type, or the run time's complaint (Go's
/// `SetFinalizer` accepts a parameter of the object's type, or one it is
/// assignable to: a pointer type of the same element, an interface it
/// implements).
fn finalizer_param(obj: &Type, fin: &Type) -> Result<Type, String> {
    let Type::Func(f) = fin.underlying() else {
        return Err(format!("second argument is {fin}, not a function"));
    };
    let cannot = format!("cannot pass {obj} to finalizer {fin}");
    if f.variadic {
        return Err(format!("{cannot} because dotdotdot"));
    }
    match &f.params[..] {
        [p] if obj.assignable_to(p)
            && (p.is_interface() || matches!(p.underlying(), Type::Pointer(_))) =>
        {
            Ok(p.clone())
        }
        _ => Err(cannot),
    }
}

/// gc's size (amd64) of a value of `t`, and whether it holds pointers;
/// `None` where minigo does not know gc's layout (the `sync` types).
pub(crate) fn layout(t: &Type) -> Option<(u64, bool)> {
    Some(match t.underlying() {
        Type::Bool | Type::Byte => (1, false),
        Type::Rune => (4, false),
        Type::Int => (8, false),
        Type::IntK(k) => (u64::from(k.bits() / 8), false),
        Type::Float(bits) => (u64::from(bits / 8), false),
        Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => (8, true),
        Type::Str | Type::Any | Type::Error | Type::Iface(_) => (16, true),
        Type::Slice(_) => (24, true),
        Type::Array(n, e) => {
            let (size, ptrs) = layout(&e)?;
            (size.checked_mul(n)?, ptrs && n > 0)
        }
        Type::Struct(fields) => {
            let (mut size, mut align, mut ptrs) = (0u64, 1u64, false);
            for f in fields.iter() {
                let (s, p) = layout(&f.ty)?;
                let a = alignment(&f.ty)?;
                size = size.div_ceil(a) * a + s;
                align = align.max(a);
                ptrs |= p;
            }
            (size.div_ceil(align) * align, ptrs)
        }
        _ => return None,
    })
}

fn alignment(t: &Type) -> Option<u64> {
    match t.underlying() {
        Type::Array(_, e) => alignment(&e),
        Type::Struct(fields) => fields
            .iter()
            .map(|f| alignment(&f.ty))
            .try_fold(1, |a, b| Some(a.max(b?))),
        t => layout(&t).map(|(s, _)| s.clamp(1, 8)),
    }
}
