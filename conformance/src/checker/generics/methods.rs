//! Generic methods (Go 1.27: a method with type parameters of its own,
//! `func (l List[T]) Map[U any](f func(T) U) List[U]`). Each is declared
//! as a hidden generic function whose type parameters are the method's
//! then the receiver's and whose first parameter is the receiver; a call
//! `x.M(args)` or `x.M[int](args)` is a call of that function with the
//! receiver (its address taken or pointer followed as the receiver's kind
//! wants) first, the type arguments inferred as for any generic call.
//! Method values of generic methods are refused; generic methods are not
//! in method sets (as in Go, they satisfy no interface).

use std::rc::Rc;

use super::Checker;
use crate::ast::{self, Expr as AExpr, ExprKind, TypeExpr, UnOp};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// The receiver's base type name and its type parameter names.
fn receiver_base(r: &ast::Param) -> Option<(Rc<str>, Vec<ast::Name>, bool)> {
    let (t, ptr) = match &r.ty {
        TypeExpr::Pointer(t, _) => (&**t, true),
        t => (t, false),
    };
    match t {
        TypeExpr::Name(n, _) => Some((n.clone(), Vec::new(), ptr)),
        TypeExpr::Generic(g, args, _) => match &**g {
            TypeExpr::Name(n, _) => {
                let names = args
                    .iter()
                    .map(|a| match a {
                        TypeExpr::Name(s, p) => Some((s.clone(), *p)),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some((n.clone(), names, ptr))
            }
            _ => None,
        },
        _ => None,
    }
}

impl Checker {
    /// Declares method `f` with type parameters as its hidden generic
    /// function.
    pub(super) fn declare_generic_method(&mut self, f: &ast::FuncDecl) -> PResult<()> {
        let Some(r) = &f.recv else {
            return super::err(f.pos, "internal error: not a method");
        };
        if let Some(tp) = f.tparams.first() {
            self.require_lang(tp.name.1, 27, || "generic method".into())?;
        }
        let r = &super::unblank_receiver(r);
        let Some((base, rnames, ptr)) = receiver_base(r) else {
            return super::err(r.ty.pos(), "invalid receiver type");
        };
        let hidden: Rc<str> = format!("minigo_method_{base}_{}", f.name).into();
        let mut tparams = f.tparams.clone();
        for n in rnames {
            tparams.push(ast::TypeParam {
                name: n.clone(),
                constraint: TypeExpr::Name("any".into(), n.1),
            });
        }
        let mut recv = r.clone();
        if recv.name.is_none() {
            recv.name = Some(("_".into(), r.ty.pos()));
        }
        let mut sig = f.sig.clone();
        sig.params.insert(0, recv);
        let decl = ast::FuncDecl {
            recv: None,
            name: hidden.clone(),
            tparams,
            pos: f.pos,
            func_pos: f.func_pos,
            sig,
            body: f.body.clone(),
            refs: f.refs.clone(),
        };
        if self
            .generics
            .methods
            .contains_key(&(base.clone(), f.name.clone()))
        {
            return super::err(f.pos, format!("method {base}.{} already declared", f.name));
        }
        self.generics
            .methods
            .insert((base, f.name.clone()), (hidden, ptr));
        self.declare_generic_func(&decl)
    }

    /// `x.M(args)` / `x.M[int](args)` of a generic method; `None` if the
    /// callee is not one.
    pub(crate) fn generic_method_call(
        &mut self,
        f: &AExpr,
        args: &[AExpr],
        spread: Option<Pos>,
        pos: Pos,
    ) -> PResult<Option<(Expr, Type)>> {
        if self.generics.methods.is_empty() {
            return Ok(None);
        }
        let f = crate::checker::expr::unparen(f);
        let (sel, targs) = match &f.kind {
            ExprKind::Index(s, ix) => (crate::checker::expr::unparen(s), ix.as_slice()),
            _ => (f, &[][..]),
        };
        let ExprKind::Selector(x, name, npos) = &sel.kind else {
            return Ok(None);
        };
        let Some((hidden, ptr, xt)) = self.generic_method_of(x, name)? else {
            return Ok(None);
        };
        let is_ptr = matches!(xt, Type::Pointer(_));
        let recv = match (ptr, is_ptr) {
            (true, false) => un(UnOp::Addr, x),
            (false, true) => un(UnOp::Deref, x),
            _ => (**x).clone(),
        };
        let ident = AExpr {
            pos: *npos,
            kind: ExprKind::Ident(hidden),
        };
        let callee = if targs.is_empty() {
            ident
        } else {
            AExpr {
                pos: f.pos,
                kind: ExprKind::Index(Box::new(ident), targs.to_vec()),
            }
        };
        let mut all = vec![recv];
        all.extend(args.iter().cloned());
        self.generic_call(&callee, &all, (spread, false), pos)
    }

    /// The hidden function of `x.name` if `x`'s type (or the type it
    /// points to) has a generic method `name`, its receiver's kind, and
    /// `x`'s type.
    fn generic_method_of(
        &mut self,
        x: &AExpr,
        name: &Rc<str>,
    ) -> PResult<Option<(Rc<str>, bool, Type)>> {
        if !self.generics.methods.keys().any(|(_, m)| m == name) {
            return Ok(None);
        }
        if let ExprKind::Ident(p) = &crate::checker::expr::unparen(x).kind {
            if self.lookup(p).is_none() && self.imports.contains_key(p) {
                return Ok(None);
            }
        }
        if self.is_type_expr(x) {
            return Ok(None);
        }
        let (_, xt) = self.value(x)?;
        let named = match &xt {
            Type::Pointer(e) => (**e).clone(),
            t => t.clone(),
        };
        let Type::Named(n) = named else {
            return Ok(None);
        };
        let base: Rc<str> = n
            .full
            .strip_prefix("main.")
            .unwrap_or(&n.full)
            .split('[')
            .next()
            .unwrap_or("")
            .into();
        Ok(self
            .generics
            .methods
            .get(&(base, name.clone()))
            .map(|(h, p)| (h.clone(), *p, xt)))
    }

    /// `x.M[int]` or `x.M` of a generic method used as a value: refused.
    pub(crate) fn generic_method_value(
        &mut self,
        x: &AExpr,
        name: &Rc<str>,
        pos: Pos,
    ) -> PResult<()> {
        if self.generics.methods.is_empty() {
            return Ok(());
        }
        if self.generic_method_of(x, name)?.is_some() {
            return Err(crate::lexer::SyntaxError::unsupported(
                pos,
                "values of generic methods",
            ));
        }
        Ok(())
    }
}

fn un(op: UnOp, x: &AExpr) -> AExpr {
    AExpr {
        pos: x.pos,
        kind: ExprKind::Unary(op, Box::new(x.clone())),
    }
}
