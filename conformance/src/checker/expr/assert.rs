//! Type assertions `x.(T)`.

use super::show;
use crate::ast::{Expr as AExpr, TypeExpr};
use crate::checker::{err, Checker};
use crate::ir::Expr;
use crate::lexer::PResult;
use crate::types::Type;

impl Checker {
    /// Checks the operand of `x.(T)` (`T` written `te`, of type `to`).
    pub(crate) fn assert_operand(
        &mut self,
        x: &AExpr,
        (te, to): (&TypeExpr, &Type),
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
        if !self.may_assert(te, to) {
            if let Some(m) = to.missing_method(&src) {
                // At the assertion's start, as types2.
                return err(
                    x.pos,
                    format!("impossible type assertion: {}.({to})\n\t{to} does not implement {} (missing method {m})", show(x), src.describe()),
                );
            }
        }
        Ok((xe, src))
    }

    /// Whether an assertion to `to` (written `te`) needs no static check:
    /// `to` is an interface, or a type parameter (types2's
    /// `assertableTo`: a type parameter's underlying type is its
    /// constraint, an interface, so whether a type argument can be the
    /// dynamic type is known only at run time).
    pub(crate) fn may_assert(&self, te: &TypeExpr, to: &Type) -> bool {
        to.is_interface() || self.names_type_param(te)
    }
}
