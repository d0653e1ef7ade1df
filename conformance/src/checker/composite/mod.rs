//! Checking issue 9's composite values: slice, array and map types,
//! composite literals, index and slice expressions, the builtins on them,
//! element assignments, and strings as bytes. One file per construct.

pub(crate) mod builtins;
mod index;
mod literal;
mod map_site;

use std::rc::Rc;

use super::{err, Checker};
use crate::ast::{Expr as AExpr, TypeExpr};
use crate::ir::{CompConst, CompExpr, Const, Expr};
use crate::lexer::PResult;
use crate::types::Type;

/// Size in bytes and pointer-ness of a value of type `t` (gc's layout on
/// 64-bit targets), for Go's growth of slices.
pub(crate) fn layout(t: &Type) -> (u32, bool) {
    match &t.underlying() {
        Type::Int => (8, false),
        Type::Byte => (1, false),
        Type::Rune => (4, false),
        Type::Bool => (1, false),
        Type::Str | Type::Any | Type::Error => (16, true),
        Type::Func(_) | Type::Map(..) => (8, true),
        Type::Slice(_) => (24, true),
        Type::Array(n, e) => {
            let (s, p) = layout(e);
            ((*n as u32).saturating_mul(s), p && *n > 0)
        }
        Type::Nil | Type::Tuple(_) | Type::Pointer(_) => (8, true),
        Type::Iface(_) => (16, true),
        Type::Chan(..) => (8, true),
        // gc's sizes of sync.Mutex, RWMutex, WaitGroup, Once.
        Type::Sync(k) => (
            match k {
                crate::ir::SyncKind::Mutex => 8,
                crate::ir::SyncKind::RwMutex => 24,
                crate::ir::SyncKind::WaitGroup => 16,
                crate::ir::SyncKind::Once => 12,
                crate::ir::SyncKind::AtomicInt(k) => k.bits() / 8,
                crate::ir::SyncKind::AtomicBool => 4,
            },
            false,
        ),
        Type::IntK(k) => (k.bits() / 8, false),
        Type::Float(b) | Type::Complex(b) => (u32::from(*b) / 8, false),
        Type::Named(_) => layout(&t.underlying()),
        Type::Struct(fs) => fs.iter().fold((0, false), |(s, p), f| {
            let (fs, fp) = layout(&f.ty);
            (s.saturating_add(fs), p || fp)
        }),
    }
}

/// The zero value of a composite type as a constant (an array's is a
/// template: see [`fresh`]).
pub(crate) fn comp_zero(t: &Type) -> Option<Const> {
    Some(match t {
        Type::Slice(_) => Const::Comp(CompConst::NilSlice),
        Type::Map(..) => Const::Comp(CompConst::NilMap),
        Type::Array(n, e) => Const::Comp(CompConst::Array(*n as u32, Box::new(super::zero(e)))),
        _ => return None,
    })
}

/// `x` as a value of its own: an array is copied (Go copies arrays on
/// assignment, in arguments and results); other values are unchanged.
pub(crate) fn fresh(x: Expr, t: &Type) -> Expr {
    match copy_shape(t) {
        Some(shape) => Expr::Comp(Box::new(CompExpr::CopyArray {
            x,
            shape: shape.into(),
        })),
        None => x,
    }
}

/// The copy shape of elements of type `t` (`0` when nothing needs
/// duplicating).
pub(crate) fn elem_shape(t: &Type) -> Rc<[u32]> {
    copy_shape(t).unwrap_or_else(|| vec![0]).into()
}

/// What a copy of a value of type `t` must duplicate: its arrays, also
/// those inside struct fields and array elements (other values are
/// shared, immutable or copied on write). A prefix code: `0` nothing,
/// `1 E` an array whose elements have shape `E`, `2 K (F E)*K` a struct
/// whose `K` listed fields `F` have shapes `E`. `None` if nothing needs
/// duplicating.
pub(crate) fn copy_shape(t: &Type) -> Option<Vec<u32>> {
    fn walk(t: &Type, out: &mut Vec<u32>) -> bool {
        match t.underlying() {
            Type::Array(_, e) => {
                out.push(1);
                if !walk(&e, out) {
                    out.push(0);
                }
                true
            }
            Type::Struct(fs) => {
                let mut body = Vec::new();
                let mut k = 0;
                for (i, f) in fs.iter().enumerate() {
                    let mut sub = Vec::new();
                    if walk(&f.ty, &mut sub) {
                        body.push(i as u32);
                        body.extend(sub);
                        k += 1;
                    }
                }
                if k > 0 {
                    out.extend([2, k]);
                    out.extend(body);
                }
                k > 0
            }
            _ => false,
        }
    }
    let mut out = Vec::new();
    walk(t, &mut out).then_some(out)
}

impl Checker {
    /// The type of a slice, array or map type literal; `None` for other
    /// type expressions.
    pub(crate) fn comp_type(&mut self, t: &TypeExpr) -> Option<PResult<Type>> {
        Some(match t {
            TypeExpr::Slice(e, _) => self.elem_type(e).map(|e| Type::Slice(Rc::new(e))),
            TypeExpr::Map(k, v, pos) => (|| {
                let k = self.type_expr(k)?;
                if !k.comparable() {
                    return err(*pos, format!("invalid map key type {k}"));
                }
                Ok(Type::Map(Rc::new(k), Rc::new(self.type_expr(v)?)))
            })(),
            TypeExpr::Array(len, e, pos) => (|| {
                let Some(len) = len else {
                    return err(
                        *pos,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                };
                let n = self.array_len(len)?;
                Ok(Type::Array(n, Rc::new(self.elem_type(e)?)))
            })(),
            _ => return None,
        })
    }

    /// An element type.
    pub(crate) fn elem_type(&mut self, e: &TypeExpr) -> PResult<Type> {
        self.type_expr(e)
    }

    /// A constant, non-negative array length.
    pub(crate) fn array_len(&mut self, len: &AExpr) -> PResult<u64> {
        let (x, t) = crate::checker::expr::num::whole_as_int(self.value(len)?);
        match (x, t) {
            (Expr::Const(Const::Int(n)), Type::Int) if n >= 0 => Ok(n as u64),
            (Expr::Const(Const::Int(n)), _) => err(
                len.pos,
                format!("invalid array length {n} (untyped int constant)"),
            ),
            _ => err(
                len.pos,
                format!(
                    "array length {} (value of type int) must be constant",
                    super::expr::show(len)
                ),
            ),
        }
    }
}
