//! Types and signatures.

use super::{is_keyword, Parser};
use crate::ast::*;
use crate::lexer::{PResult, Pos, SyntaxError, Tok};

/// One entry of a parameter list before names and types are sorted out.
struct Entry {
    name: Option<Name>,
    ty: Option<TypeExpr>,
    dots: Option<Pos>,
}

impl Parser {
    pub(super) fn signature(&mut self, pos: Pos) -> PResult<Signature> {
        let (params, variadic) = self.param_list()?;
        let results = if self.is_op("(") {
            let (rs, dots) = self.param_list()?;
            if let Some(d) = dots {
                return Err(SyntaxError::new(
                    d,
                    "can only use ... with final parameter in list",
                ));
            }
            rs
        } else if self.starts_type() {
            vec![Param {
                name: None,
                ty: self.type_expr()?,
            }]
        } else {
            Vec::new()
        };
        Ok(Signature {
            params,
            results,
            pos,
            variadic,
        })
    }

    /// Whether the current token can begin a type.
    pub(super) fn starts_type(&self) -> bool {
        match self.peek() {
            Tok::Ident(s) => {
                !is_keyword(s) || matches!(&**s, "func" | "interface" | "struct" | "map" | "chan")
            }
            Tok::Op(o) => matches!(*o, "[" | "*" | "<-" | "("),
            _ => false,
        }
    }

    fn param_entry(&mut self) -> PResult<Entry> {
        if let Tok::Ident(s) = self.peek().clone() {
            if !is_keyword(&s) && !matches!(self.peek_at(1), Tok::Op(".")) {
                let at = self.i;
                let p = self.bump().1;
                if self.is_op("[") && !matches!(self.peek_at(1), Tok::Op("]")) {
                    // `a [N]T` (a name and an array type) or `G[int]` (an
                    // instantiated generic type, unnamed): as Go's parser,
                    // an array type needs an element type after `]`.
                    match self.type_expr() {
                        Ok(t) if self.is_op(",") || self.is_op(")") => {
                            return Ok(Entry {
                                name: Some((s, p)),
                                ty: Some(t),
                                dots: None,
                            })
                        }
                        _ => {
                            self.i = at;
                            return Ok(Entry {
                                name: None,
                                ty: Some(self.type_expr()?),
                                dots: None,
                            });
                        }
                    }
                }
                if self.is_op(",") || self.is_op(")") {
                    return Ok(Entry {
                        name: Some((s, p)),
                        ty: None,
                        dots: None,
                    });
                }
                let dots = self.dots();
                return Ok(Entry {
                    name: Some((s, p)),
                    ty: Some(self.type_expr()?),
                    dots,
                });
            }
        }
        let dots = self.dots();
        Ok(Entry {
            name: None,
            ty: Some(self.type_expr()?),
            dots,
        })
    }

    fn dots(&mut self) -> Option<Pos> {
        if self.is_op("...") {
            Some(self.bump().1)
        } else {
            None
        }
    }

    /// `(a, b int, c string)` or `(int, string)`; the position of `...`
    /// if the last parameter is variadic.
    pub(super) fn param_list(&mut self) -> PResult<(Vec<Param>, Option<Pos>)> {
        self.expect_op("(")?;
        let mut entries = Vec::new();
        while !self.is_op(")") {
            entries.push(self.param_entry()?);
            if !self.is_op(")") {
                self.expect_op(",")?;
            }
        }
        self.bump();
        let variadic = entries.last().and_then(|e| e.dots);
        if let Some(d) = entries.iter().rev().skip(1).find_map(|e| e.dots) {
            return Err(SyntaxError::new(
                d,
                "can only use ... with final parameter in list",
            ));
        }
        let named = entries.iter().any(|e| e.name.is_some() && e.ty.is_some());
        if !named {
            // All entries are types; a lone name is a type name.
            let params = entries
                .into_iter()
                .map(|e| match (e.name, e.ty) {
                    (_, Some(t)) => Param { name: None, ty: t },
                    (Some((s, p)), None) => Param {
                        name: None,
                        ty: TypeExpr::Name(s, p),
                    },
                    (None, None) => unreachable!("an entry has a name or a type"),
                })
                .collect();
            return Ok((params, variadic));
        }
        Ok((self.named_params(entries)?, variadic))
    }

    fn named_params(&self, entries: Vec<Entry>) -> PResult<Vec<Param>> {
        let mut out = Vec::new();
        let mut pending: Vec<Name> = Vec::new();
        for e in entries {
            match (e.name, e.ty) {
                (Some(n), None) => pending.push(n),
                (Some(n), Some(t)) => {
                    for pn in pending.drain(..) {
                        out.push(Param {
                            name: Some(pn),
                            ty: t.clone(),
                        });
                    }
                    out.push(Param {
                        name: Some(n),
                        ty: t,
                    });
                }
                (None, Some(t)) => {
                    return Err(SyntaxError::new(
                        t.pos(),
                        "syntax error: mixed named and unnamed parameters",
                    ))
                }
                (None, None) => return self.err("missing parameter"),
            }
        }
        if let Some((_, p)) = pending.first() {
            return Err(SyntaxError::new(
                *p,
                "syntax error: mixed named and unnamed parameters",
            ));
        }
        Ok(out)
    }

    pub(super) fn type_expr(&mut self) -> PResult<TypeExpr> {
        self.nested(Self::type_inner)
    }

    fn type_inner(&mut self) -> PResult<TypeExpr> {
        let pos = self.pos();
        match self.peek().clone() {
            Tok::Ident(s) => match &*s {
                "func" => {
                    self.bump();
                    Ok(TypeExpr::Func(Box::new(self.signature(pos)?)))
                }
                "interface" => self.interface_type(),
                "struct" => self.struct_type(),
                "map" => {
                    self.bump();
                    self.expect_op("[")?;
                    let k = self.type_expr()?;
                    self.expect_op("]")?;
                    let v = self.type_expr()?;
                    Ok(TypeExpr::Map(Box::new(k), Box::new(v), pos))
                }
                "chan" => {
                    self.bump();
                    let dir = if self.is_op("<-") {
                        self.bump();
                        ChanDir::Send
                    } else {
                        ChanDir::Both
                    };
                    Ok(TypeExpr::Chan(dir, Box::new(self.type_expr()?), pos))
                }
                _ if is_keyword(&s) => self.unexpected("type"),
                _ => self.type_name(),
            },
            Tok::Op("<-") => {
                self.bump();
                self.expect_kw("chan")?;
                Ok(TypeExpr::Chan(
                    ChanDir::Recv,
                    Box::new(self.type_expr()?),
                    pos,
                ))
            }
            Tok::Op("*") => {
                self.bump();
                Ok(TypeExpr::Pointer(Box::new(self.type_expr()?), pos))
            }
            Tok::Op("[") => self.array_or_slice_type(),
            Tok::Op("(") => {
                self.bump();
                let t = self.type_expr()?;
                self.expect_op(")")?;
                Ok(t)
            }
            _ => self.unexpected("type"),
        }
    }

    /// `T`, `pkg.T`, `T[args]`.
    fn type_name(&mut self) -> PResult<TypeExpr> {
        let (s, pos) = self.ident()?;
        let t = if self.is_op(".") {
            self.bump();
            let (n, _) = self.ident()?;
            TypeExpr::Qualified(s, n, pos)
        } else {
            TypeExpr::Name(s, pos)
        };
        if self.is_op("[") {
            let bpos = self.bump().1;
            let mut args = vec![self.type_expr()?];
            while self.is_op(",") {
                self.bump();
                if self.is_op("]") {
                    break;
                }
                args.push(self.type_expr()?);
            }
            self.expect_op("]")?;
            return Ok(TypeExpr::Generic(Box::new(t), args, bpos));
        }
        Ok(t)
    }

    fn array_or_slice_type(&mut self) -> PResult<TypeExpr> {
        let pos = self.expect_op("[")?;
        if self.is_op("]") {
            self.bump();
            return Ok(TypeExpr::Slice(Box::new(self.type_expr()?), pos));
        }
        let len = if self.is_op("...") {
            self.bump();
            None
        } else {
            Some(Box::new(self.with_no_brace(false, Self::expr)?))
        };
        self.expect_op("]")?;
        Ok(TypeExpr::Array(len, Box::new(self.type_expr()?), pos))
    }

    fn struct_type(&mut self) -> PResult<TypeExpr> {
        let pos = self.expect_kw("struct")?;
        self.expect_op("{")?;
        let mut fields = Vec::new();
        while !self.is_op("}") {
            if self.at_eof() {
                return self.unexpected("}");
            }
            if matches!(self.peek(), Tok::Semi) {
                self.bump();
                continue;
            }
            fields.push(self.field_decl()?);
            self.semi("semicolon, newline, or } after struct field")?;
        }
        self.bump();
        Ok(TypeExpr::Struct(fields, pos))
    }

    fn field_decl(&mut self) -> PResult<Field> {
        let pos = self.pos();
        if matches!(self.peek(), Tok::Ident(s) if !is_keyword(s))
            && matches!(self.peek_at(1), Tok::Op("["))
            && !matches!(self.peek_at(2), Tok::Op("]"))
        {
            // `a [N]T` (a field) or `G[int]` (an embedded instance): an
            // array type needs an element type after `]`.
            let at = self.i;
            self.ident()?;
            let ok = self.type_expr().is_ok()
                && matches!(self.peek(), Tok::Semi | Tok::Op("}") | Tok::Str(_));
            self.i = at;
            if !ok {
                let ty = self.type_expr()?;
                let tag = self.field_tag();
                return Ok(Field {
                    names: Vec::new(),
                    ty,
                    tag,
                    pos,
                });
            }
        }
        let embedded = match self.peek() {
            Tok::Op("*") => true,
            Tok::Ident(s) if !is_keyword(s) => {
                matches!(
                    self.peek_at(1),
                    Tok::Op(".") | Tok::Semi | Tok::Op("}") | Tok::Str(_)
                )
            }
            _ => false,
        };
        let (names, ty) = if embedded {
            (Vec::new(), self.type_expr()?)
        } else {
            let names = self.ident_list()?;
            (names, self.type_expr()?)
        };
        let tag = self.field_tag();
        Ok(Field {
            names,
            ty,
            tag,
            pos,
        })
    }

    fn field_tag(&mut self) -> Option<std::rc::Rc<str>> {
        match self.peek().clone() {
            Tok::Str(s) => {
                self.bump();
                Some(String::from_utf8_lossy(&s).into())
            }
            _ => None,
        }
    }

    fn interface_type(&mut self) -> PResult<TypeExpr> {
        let pos = self.expect_kw("interface")?;
        self.expect_op("{")?;
        let mut elems = Vec::new();
        while !self.is_op("}") {
            if self.at_eof() {
                return self.unexpected("}");
            }
            if matches!(self.peek(), Tok::Semi) {
                self.bump();
                continue;
            }
            let is_method = matches!(self.peek(), Tok::Ident(s) if !is_keyword(s))
                && matches!(self.peek_at(1), Tok::Op("("));
            if is_method {
                let name = self.ident()?;
                let sig = self.signature(name.1)?;
                elems.push(IfaceElem::Method(name, sig));
            } else {
                let epos = self.pos();
                let mut terms = self.union_terms()?;
                if terms.len() == 1 && !terms[0].tilde {
                    elems.push(IfaceElem::Embed(terms.remove(0).ty));
                } else {
                    elems.push(IfaceElem::Union(terms, epos));
                }
            }
            self.semi("semicolon, newline, or } after interface method")?;
        }
        self.bump();
        Ok(TypeExpr::Interface(elems, pos))
    }

    /// `~int | string | ...`: the terms of a union (one term if no `|`).
    fn union_terms(&mut self) -> PResult<Vec<Term>> {
        let mut terms = Vec::new();
        loop {
            let tilde = self.is_op("~");
            if tilde {
                self.bump();
            }
            terms.push(Term {
                tilde,
                ty: self.type_expr()?,
            });
            if !self.is_op("|") {
                return Ok(terms);
            }
            self.bump();
        }
    }

    /// A type parameter's constraint: a type, or a union (which stands for
    /// `interface{ union }`).
    fn constraint(&mut self) -> PResult<TypeExpr> {
        let pos = self.pos();
        let mut terms = self.union_terms()?;
        if terms.len() == 1 && !terms[0].tilde {
            return Ok(terms.remove(0).ty);
        }
        Ok(TypeExpr::Interface(vec![IfaceElem::Union(terms, pos)], pos))
    }

    /// `[T any, K comparable, A, B Number]` (at `[`): a type parameter list.
    pub(super) fn type_params(&mut self) -> PResult<Vec<TypeParam>> {
        self.expect_op("[")?;
        let mut out = Vec::new();
        let mut pending: Vec<Name> = Vec::new();
        while !self.is_op("]") {
            let name = self.ident()?;
            if self.is_op(",") {
                self.bump();
                pending.push(name);
                continue;
            }
            if self.is_op("]") {
                return self.err("missing type constraint");
            }
            let constraint = self.constraint()?;
            for n in pending.drain(..).chain(std::iter::once(name)) {
                out.push(TypeParam {
                    name: n,
                    constraint: constraint.clone(),
                });
            }
            if !self.is_op("]") {
                self.expect_op(",")?;
            }
        }
        if let Some((_, p)) = pending.first() {
            return Err(SyntaxError::new(
                *p,
                "syntax error: missing type constraint",
            ));
        }
        let end = self.bump().1;
        if out.is_empty() {
            return Err(SyntaxError::new(end, "empty type parameter list"));
        }
        Ok(out)
    }
}
