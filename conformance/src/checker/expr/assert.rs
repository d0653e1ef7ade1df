//! Type assertions `x.(T)`.

use super::show;
use crate::ast::Expr as AExpr;
use crate::checker::{err, Checker};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

impl Checker {
    /// Checks the operand of `x.(T)`.
    pub(crate) fn assert_operand(
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
        if !to.is_interface() {
            if let Some(m) = to.missing_method(&src) {
                return err(
                    pos,
                    format!("impossible type assertion: {}.({to})\n\t{to} does not implement {} (missing method {m})", show(x), src.describe()),
                );
            }
        }
        Ok((xe, src))
    }
}
