//! Expressions, including type literals in operand position and composite
//! literals.

use super::{is_keyword, Parser};
use crate::ast::*;
use crate::lexer::{PResult, Pos, SyntaxError, Tok};

impl Parser {
    pub(super) fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut v = vec![self.expr()?];
        while self.is_op(",") {
            self.bump();
            v.push(self.expr()?);
        }
        Ok(v)
    }

    /// An expression.
    pub(crate) fn expr(&mut self) -> PResult<Expr> {
        self.nested(|p| p.binary(1))
    }

    fn binop(&self) -> Option<(BinOp, u8)> {
        let Tok::Op(o) = self.peek() else { return None };
        BinOp::from_token(o)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut x = self.unary()?;
        while let Some((op, prec)) = self.binop() {
            if prec < min_prec {
                break;
            }
            let pos = self.bump().1;
            let y = self.nested(|p| p.binary(prec + 1))?;
            x = Expr {
                kind: ExprKind::Binary(op, Box::new(x), Box::new(y)),
                pos,
            };
        }
        Ok(x)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let op = match self.peek() {
            Tok::Op("-") => UnOp::Neg,
            Tok::Op("+") => UnOp::Plus,
            Tok::Op("!") => UnOp::Not,
            Tok::Op("^") => UnOp::Xor,
            Tok::Op("&") => UnOp::Addr,
            Tok::Op("*") => UnOp::Deref,
            Tok::Op("<-") if matches!(self.peek_at(1), Tok::Ident(s) if &**s == "chan") => {
                let t = self.type_expr()?;
                return self.primary_from(Expr {
                    kind: ExprKind::Type(t),
                    pos,
                });
            }
            Tok::Op("<-") => UnOp::Recv,
            _ => return self.primary(),
        };
        self.bump();
        let x = self.nested(Self::unary)?;
        Ok(Expr {
            kind: ExprKind::Unary(op, Box::new(x)),
            pos,
        })
    }

    fn primary(&mut self) -> PResult<Expr> {
        let x = self.operand()?;
        self.primary_from(x)
    }

    /// The selectors, calls, indices and literals that follow an operand.
    fn primary_from(&mut self, mut x: Expr) -> PResult<Expr> {
        loop {
            x = if self.is_op("(") {
                self.call(x)?
            } else if self.is_op(".") {
                self.selector(x)?
            } else if self.is_op("[") {
                self.index(x)?
            } else if self.is_op("{") && self.literal_type(&x) {
                self.composite(x)?
            } else {
                return Ok(x);
            };
        }
    }

    /// Whether `{` after `x` starts a composite literal of type `x`: always
    /// after a type literal, after a (possibly qualified or instantiated)
    /// type name only outside a statement header.
    fn literal_type(&self, x: &Expr) -> bool {
        match &x.kind {
            ExprKind::Type(t) => matches!(
                t,
                TypeExpr::Array(..)
                    | TypeExpr::Slice(..)
                    | TypeExpr::Map(..)
                    | TypeExpr::Struct(..)
            ),
            ExprKind::Ident(_) => !self.no_brace,
            ExprKind::Selector(y, _, _) => !self.no_brace && matches!(y.kind, ExprKind::Ident(_)),
            ExprKind::Index(y, _) => !self.no_brace && y.as_type().is_some(),
            _ => false,
        }
    }

    fn call(&mut self, f: Expr) -> PResult<Expr> {
        let pos = self.expect_op("(")?;
        self.with_no_brace(false, |p| {
            let mut args = Vec::new();
            let mut dots = None;
            while !p.is_op(")") {
                args.push(p.expr_or_type()?);
                if p.is_op("...") {
                    dots = Some(p.bump().1);
                }
                if !p.is_op(")") {
                    p.expect_op(",")?;
                    if dots.is_some() && !p.is_op(")") {
                        return p.unexpected(")");
                    }
                }
            }
            p.bump();
            Ok(Expr {
                kind: ExprKind::Call(Box::new(f), args, dots),
                pos,
            })
        })
    }

    /// An expression, or a type that cannot be read as one (`make(chan
    /// int)`, `new(struct{})` are covered by `operand`; this adds nothing
    /// but a clear name for argument lists).
    fn expr_or_type(&mut self) -> PResult<Expr> {
        self.expr()
    }

    fn selector(&mut self, x: Expr) -> PResult<Expr> {
        let pos = self.expect_op(".")?;
        if self.is_op("(") {
            self.bump();
            if self.is_kw("type") {
                self.bump();
                self.expect_op(")")?;
                return Ok(Expr {
                    kind: ExprKind::TypeSwitchGuard(Box::new(x)),
                    pos,
                });
            }
            let t = self.type_expr()?;
            self.expect_op(")")?;
            return Ok(Expr {
                kind: ExprKind::Assert(Box::new(x), t),
                pos,
            });
        }
        let (name, npos) = self.ident()?;
        Ok(Expr {
            kind: ExprKind::Selector(Box::new(x), name, npos),
            pos,
        })
    }

    fn index(&mut self, x: Expr) -> PResult<Expr> {
        let pos = self.expect_op("[")?;
        self.with_no_brace(false, |p| {
            let lo = if p.is_op(":") {
                None
            } else {
                Some(Box::new(p.expr_or_type()?))
            };
            if p.is_op(":") {
                return p.slice_rest(x, lo, pos);
            }
            let Some(first) = lo else {
                return p.unexpected("operand");
            };
            let mut ix = vec![*first];
            while p.is_op(",") {
                p.bump();
                if p.is_op("]") {
                    break;
                }
                ix.push(p.expr_or_type()?);
            }
            p.expect_op("]")?;
            Ok(Expr {
                kind: ExprKind::Index(Box::new(x), ix),
                pos,
            })
        })
    }

    /// `x[lo:hi]` / `x[lo:hi:max]` after `lo`, at the first `:`.
    fn slice_rest(&mut self, x: Expr, lo: Option<Box<Expr>>, pos: Pos) -> PResult<Expr> {
        self.expect_op(":")?;
        let hi = if self.is_op(":") || self.is_op("]") {
            None
        } else {
            Some(Box::new(self.expr()?))
        };
        let mut max = None;
        if self.is_op(":") {
            let cpos = self.bump().1;
            if hi.is_none() {
                return Err(SyntaxError::new(
                    cpos,
                    "syntax error: middle index required in 3-index slice",
                ));
            }
            if self.is_op("]") {
                return self.err("syntax error: final index required in 3-index slice");
            }
            max = Some(Box::new(self.expr()?));
        }
        self.expect_op("]")?;
        Ok(Expr {
            kind: ExprKind::Slice {
                x: Box::new(x),
                lo,
                hi,
                max,
            },
            pos,
        })
    }

    fn composite(&mut self, x: Expr) -> PResult<Expr> {
        let pos = x.pos;
        let Some(ty) = x.as_type() else {
            return self.err("syntax error: invalid composite literal type");
        };
        let (elems, end) = self.literal_body()?;
        Ok(Expr {
            kind: ExprKind::Composite {
                ty: Some(ty),
                elems,
                end,
            },
            pos,
        })
    }

    /// `{ elem, key: elem, ... }`; the elements and the closing brace.
    fn literal_body(&mut self) -> PResult<(Vec<Element>, Pos)> {
        self.expect_op("{")?;
        self.nested(|p| {
            p.with_no_brace(false, |p| {
                let mut elems = Vec::new();
                while !p.is_op("}") {
                    let first = p.element()?;
                    let el = if p.is_op(":") {
                        p.bump();
                        Element {
                            key: Some(first),
                            value: p.element()?,
                        }
                    } else {
                        Element {
                            key: None,
                            value: first,
                        }
                    };
                    elems.push(el);
                    if p.is_op("}") {
                        break;
                    }
                    if matches!(p.peek(), Tok::Semi) {
                        return p.unexpected("comma or }");
                    }
                    p.expect_op(",")?;
                }
                let end = p.bump().1;
                Ok((elems, end))
            })
        })
    }

    /// An element value or key: an expression or an elided-type literal.
    fn element(&mut self) -> PResult<Expr> {
        if self.is_op("{") {
            let pos = self.pos();
            let (elems, end) = self.literal_body()?;
            return Ok(Expr {
                kind: ExprKind::Composite {
                    ty: None,
                    elems,
                    end,
                },
                pos,
            });
        }
        self.expr()
    }

    fn operand(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let kind = match self.peek().clone() {
            Tok::Int(n) => {
                self.bump();
                ExprKind::Int(n)
            }
            Tok::Float(x) => {
                self.bump();
                ExprKind::Float(x)
            }
            Tok::Imag(x) => {
                self.bump();
                ExprKind::Imag(x)
            }
            Tok::Rune(c) => {
                self.bump();
                ExprKind::Rune(c)
            }
            Tok::Str(s) => {
                self.bump();
                ExprKind::Str(s)
            }
            Tok::Ident(s) if &*s == "func" => return self.func_lit_or_type(),
            Tok::Ident(s) if matches!(&*s, "struct" | "map" | "chan" | "interface") => {
                ExprKind::Type(self.type_expr()?)
            }
            Tok::Ident(s) if !is_keyword(&s) => {
                self.bump();
                ExprKind::Ident(s)
            }
            Tok::Op("[") => ExprKind::Type(self.type_expr()?),
            Tok::Op("(") => {
                self.bump();
                let e = self.with_no_brace(false, Self::expr_or_type)?;
                self.expect_op(")")?;
                ExprKind::Paren(Box::new(e))
            }
            _ => return self.unexpected("expression"),
        };
        Ok(Expr { kind, pos })
    }

    fn func_lit_or_type(&mut self) -> PResult<Expr> {
        let pos = self.expect_kw("func")?;
        let sig = self.signature(pos)?;
        if !self.is_op("{") {
            return Ok(Expr {
                kind: ExprKind::Type(TypeExpr::Func(Box::new(sig))),
                pos,
            });
        }
        let body = self.with_no_brace(false, Self::block)?;
        Ok(Expr {
            kind: ExprKind::FuncLit(sig, body),
            pos,
        })
    }
}
