//! `const` declarations, package-level and local, with `iota` and Go's
//! implicit repetition (resolved by the parser). A constant is a binding
//! to its value: uses become constants of the lowered program, so the
//! interpreter needs nothing new. (Untyped constants behave as the
//! subset's literals do: integers are `int`.)

use std::rc::Rc;

use super::expr::show;
use super::{err, Binding, Checker};
use crate::ast::ConstSpec;
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;
use crate::value::Value;

/// One declared constant: its name, where, its value and its type.
pub(super) type ConstDef = (Rc<str>, Pos, Value, Type);

impl Checker {
    /// Checks one spec; its names with their values and types.
    pub(super) fn const_spec(&mut self, spec: &ConstSpec) -> PResult<Vec<ConstDef>> {
        let declared = match &spec.ty {
            Some(t) => Some(self.type_expr(t)?),
            None => None,
        };
        if let Some(t @ (Type::Any | Type::Error | Type::Func(_))) = &declared {
            let pos = spec.ty.as_ref().map_or(spec.pos, |t| t.pos());
            return err(pos, format!("invalid constant type {t}"));
        }
        if spec.values.len() < spec.names.len() {
            let (n, p) = &spec.names[spec.values.len()];
            return err(*p, format!("missing init expr for {n}"));
        }
        if let Some(extra) = spec.values.get(spec.names.len()) {
            return err(extra.pos, "extra init expr");
        }
        let saved = self.iota.replace(i64::from(spec.iota));
        let r = self.const_values(spec, declared.as_ref());
        self.iota = saved;
        r
    }

    fn const_values(
        &mut self,
        spec: &ConstSpec,
        declared: Option<&Type>,
    ) -> PResult<Vec<ConstDef>> {
        let mut out = Vec::new();
        for ((name, pos), e) in spec.names.iter().zip(&spec.values) {
            let (x, t) = self.value(e)?;
            let Expr::Const(v) = x else {
                let what = if t == Type::Nil {
                    "untyped nil".to_string()
                } else if matches!(x, Expr::Load(_)) {
                    format!("variable of type {}", t.describe())
                } else {
                    format!("value of type {}", t.describe())
                };
                return err(e.pos, format!("{} ({what}) is not constant", show(e)));
            };
            if t == Type::Nil || matches!(t, Type::Func(_)) {
                return err(e.pos, format!("{} (untyped nil) is not constant", show(e)));
            }
            // A typed constant holds its value rounded to its type
            // (`const c complex64 = 1.1` is float32's nearest 1.1).
            let (v, t) = match declared {
                Some(d) => {
                    let c = super::expr::coerce(
                        Expr::Const(v.clone()),
                        &t,
                        d,
                        e,
                        "constant declaration",
                    )?;
                    let v = match c {
                        Expr::Const(c) => c,
                        _ => v,
                    };
                    (v, d.clone())
                }
                None => (v, t),
            };
            out.push((name.clone(), *pos, v, t));
        }
        Ok(out)
    }

    /// A local `const` statement: binds its names in the current scope.
    pub(super) fn local_consts(&mut self, specs: &[ConstSpec]) -> PResult<()> {
        for spec in specs {
            for (name, pos, value, ty) in self.const_spec(spec)? {
                if &*name == "_" {
                    continue;
                }
                let Some(scope) = self.scopes.last_mut() else {
                    return err(pos, "internal error: no scope");
                };
                if scope.0.contains_key(&name) {
                    return err(pos, format!("{name} redeclared in this block"));
                }
                scope.0.insert(name, Binding::Const { value, ty });
            }
        }
        Ok(())
    }
}
