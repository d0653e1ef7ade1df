//! Composite literals of slice, array and map types (elided inner types
//! included).

use std::rc::Rc;

use super::{elem_shape, layout};
use crate::ast::{Element, Expr as AExpr, ExprKind, TypeExpr};
use crate::checker::expr::show;
use crate::checker::unsupported::{refuse, Construct};
use crate::checker::{err, zero, Checker};
use crate::ir::{CompExpr, Const, Expr, On};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

impl Checker {
    /// `T{...}` with `T` written (`[...]T` counts its elements).
    pub(crate) fn composite(
        &mut self,
        ty: &TypeExpr,
        elems: &[Element],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let t = match ty {
            TypeExpr::Array(None, e, _) => {
                let e = self.type_expr(e)?;
                let n = self.literal_len(elems)?;
                Type::Array(n, Rc::new(e))
            }
            t => self.type_expr(t)?,
        };
        let x = self.literal_of(&t, elems, pos)?;
        Ok((x, t))
    }

    /// The length of `[...]T{elems}`: one past the largest index.
    fn literal_len(&mut self, elems: &[Element]) -> PResult<u64> {
        let mut at = 0u64;
        let mut len = 0u64;
        for el in elems {
            if let Some(k) = &el.key {
                at = self.const_index(k)?;
            }
            at += 1;
            len = len.max(at);
        }
        Ok(len)
    }

    fn const_index(&mut self, k: &AExpr) -> PResult<u64> {
        match crate::checker::expr::num::whole_as_int(self.value(k)?) {
            (Expr::Const(Const::Int(n)), Type::Int) if n >= 0 => Ok(n as u64),
            _ => err(k.pos, format!("index {} must be integer constant", show(k))),
        }
    }

    /// A literal of the (already resolved) type `t`.
    pub(crate) fn literal_of(&mut self, t: &Type, elems: &[Element], pos: Pos) -> PResult<Expr> {
        match &t.underlying() {
            Type::Slice(e) => self.seq_literal(e, None, elems),
            Type::Array(n, e) => self.seq_literal(e, Some(*n), elems),
            Type::Map(k, v) => self.map_literal(k, v, elems),
            _ => match self.struct_lit(t, elems, pos)? {
                Some((x, _)) => Ok(x),
                None => refuse(pos, Construct::CompositeLits),
            },
        }
    }

    /// An element (or key) of type `t`: an expression, or a literal with
    /// its type elided.
    fn element(&mut self, e: &AExpr, t: &Type, ctx: &str) -> PResult<Expr> {
        if let ExprKind::Composite {
            ty: None, elems, ..
        } = &e.kind
        {
            // `{...}` for a struct or `&T{...}` for a pointer to one: the
            // struct literal of the types of issue 9.
            let (inner, ptr) = match t.underlying() {
                Type::Pointer(x) => ((*x).clone(), true),
                _ => (t.clone(), false),
            };
            if let Some((v, _)) = self.struct_lit(&inner, elems, e.pos)? {
                return Ok(if ptr {
                    Expr::Typed(Box::new(crate::ir::TypedExpr::New(v)))
                } else {
                    v
                });
            }
            // `&M{...}` elided for a pointer to a map, slice or array.
            if ptr {
                let v = self.literal_of(&inner, elems, e.pos)?;
                return Ok(Expr::Typed(Box::new(crate::ir::TypedExpr::New(v))));
            }
            return self.literal_of(t, elems, e.pos);
        }
        self.value_as(e, t, ctx)
    }

    fn seq_literal(&mut self, elem: &Rc<Type>, n: Option<u64>, elems: &[Element]) -> PResult<Expr> {
        let ctx = "array or slice literal";
        let mut at = 0u64;
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for el in elems {
            if let Some(k) = &el.key {
                at = self.const_index(k)?;
            }
            if let Some(n) = n {
                if at >= n {
                    let p = el.key.as_ref().map_or(el.value.pos, |k| k.pos);
                    return err(p, format!("index {at} out of bounds [0:{n}]"));
                }
            }
            if !seen.insert(at) {
                let p = el.key.as_ref().map_or(el.value.pos, |k| k.pos);
                return err(p, format!("duplicate index {at} in array or slice literal"));
            }
            let v = self.element(&el.value, elem, ctx)?;
            out.push((Expr::Const(Const::Int(at as i64)), v));
            at += 1;
        }
        let len = n.unwrap_or_else(|| seen.iter().map(|i| i + 1).max().unwrap_or(0));
        let _ = layout(elem);
        Ok(Expr::Comp(Box::new(CompExpr::Lit {
            on: if n.is_some() { On::Array } else { On::Slice },
            len: len as u32,
            zero: zero(elem),
            shape: elem_shape(elem),
            elems: out,
        })))
    }

    fn map_literal(&mut self, k: &Rc<Type>, v: &Rc<Type>, elems: &[Element]) -> PResult<Expr> {
        let ctx = "map literal";
        let mut out = Vec::new();
        let mut seen: Vec<Const> = Vec::new();
        for el in elems {
            let Some(key) = &el.key else {
                return err(el.value.pos, "missing key in map literal");
            };
            let ke = self.element(key, k, ctx)?;
            if let Expr::Const(c) = &ke {
                if seen.iter().any(|s| same_const(s, c)) {
                    return err(
                        key.pos,
                        format!("duplicate key {} in map literal", show(key)),
                    );
                }
                seen.push(c.clone());
            }
            let ve = self.element(&el.value, v, ctx)?;
            out.push((ke, ve));
        }
        Ok(Expr::Comp(Box::new(CompExpr::Lit {
            on: On::Map,
            len: 0,
            zero: Const::Nil,
            shape: vec![0].into(),
            elems: out,
        })))
    }
}

fn same_const(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bool(x), Const::Bool(y)) => x == y,
        _ => false,
    }
}
