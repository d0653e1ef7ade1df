//! Instances: a generic type or function made for one list of type
//! arguments (cached per declaration), and the bodies of the instances,
//! checked after the program's own functions.

use std::rc::Rc;

use super::{
    args_text, err, generic_receiver, unblank_receiver, Checker, GenericKind, Instance, PendingBody,
};
use crate::ast::{self, TypeExpr};
use crate::ir::FuncCode;
use crate::lexer::{PResult, Pos};
use crate::types::{FuncType, Type};

impl Checker {
    /// The constraint checks of the instances made while the package's
    /// declarations were entered, now that every method is declared.
    pub(crate) fn late_constraint_checks(&mut self) -> PResult<()> {
        for (gid, targs, at) in self.generics.later.take().unwrap_or_default() {
            self.check_targs_at(gid, &targs, &at)?;
        }
        Ok(())
    }

    /// The instance of generic type `gid` for `targs` (written at `at`).
    pub(crate) fn instantiate_type(
        &mut self,
        gid: usize,
        targs: Vec<Type>,
        pos: Pos,
        at: &[Pos],
    ) -> PResult<Type> {
        if let Some(Instance::Type(t)) = self.cached(gid, &targs) {
            return Ok(t);
        }
        let GenericKind::Type(spec, methods) = &self.generics.decls[gid].kind else {
            return err(pos, "internal error: not a generic type");
        };
        let (spec, methods) = (spec.clone(), methods.clone());
        self.check_targs_at(gid, &targs, at)?;
        self.count_instance(&targs, pos)?;
        let full = self.instance_name(gid, &targs);
        let n = self.new_named(&full);
        let t = Type::Named(n.clone());
        self.generics.decls[gid]
            .instances
            .push((targs.clone(), Instance::Type(t.clone())));
        self.generics.of_named.insert(n.id, (gid, targs.clone()));
        let binds = self.binds(gid, &targs);
        let u = self.in_decl_scope(gid, &binds, |c| c.type_expr(&spec.ty))?;
        if matches!(spec.ty, TypeExpr::Name(ref m, _) if binds.iter().any(|(b, _)| b == m)) {
            return err(
                spec.ty.pos(),
                "cannot use a type parameter as RHS in type declaration",
            );
        }
        *n.underlying.borrow_mut() = u.underlying();
        self.in_decl_scope(gid, &binds, |c| c.note_constraint(n.id, &spec.ty))?;
        if crate::checker::typedecl::contains(&t, n.id, &mut Vec::new()) {
            return err(
                spec.name.1,
                format!("invalid recursive type {}", spec.name.0),
            );
        }
        for m in methods {
            self.instance_method(&n, &m, &targs)?;
        }
        Ok(t)
    }

    /// Declares method `m` of instance `n` and queues its body.
    fn instance_method(
        &mut self,
        n: &Rc<crate::types::named::NamedType>,
        m: &Rc<ast::FuncDecl>,
        targs: &[Type],
    ) -> PResult<()> {
        let Some(r) = &m.recv else {
            return err(m.pos, "internal error: not a method");
        };
        let m = &Rc::new(ast::FuncDecl {
            recv: Some(unblank_receiver(r)),
            ..(**m).clone()
        });
        let Some(r) = &m.recv else {
            return err(m.pos, "internal error: not a method");
        };
        let Some((_, names)) = generic_receiver(r) else {
            return err(m.pos, "internal error: not a generic receiver");
        };
        let binds: Vec<(Rc<str>, Type)> = names
            .iter()
            .map(|a| match a {
                TypeExpr::Name(s, _) => s.clone(),
                _ => "_".into(),
            })
            .zip(targs.iter().cloned())
            .collect();
        let ptr_recv = matches!(r.ty, TypeExpr::Pointer(..));
        let sig = Rc::new(self.in_generic_scope(&binds, |c| c.signature(&m.sig))?);
        let recv_ty = if ptr_recv {
            Type::Pointer(Rc::new(Type::Named(n.clone())))
        } else {
            Type::Named(n.clone())
        };
        let mut full = (*sig).clone();
        full.params.insert(0, recv_ty);
        let idx = self.func_types.len() as u32;
        self.func_types.push(Rc::new(full));
        // Go's names of instance code: `main.(*Stack[...]).Push`.
        let base = n.full.split('[').next().unwrap_or("main.?");
        let name: Rc<str> = if ptr_recv {
            format!("main.(*{}[...]).{}", &base[5..], m.name).into()
        } else {
            format!("{base}[...].{}", m.name).into()
        };
        self.generics.pending.push(PendingBody {
            decl: m.clone(),
            binds,
            idx,
            name,
        });
        if &*m.name == "_" {
            return Ok(());
        }
        let field = matches!(n.underlying.borrow().clone(), Type::Struct(fs) if fs.iter().any(|x| x.name == m.name));
        if field {
            let short = n.full.trim_start_matches("main.");
            return err(
                m.pos,
                format!("field and method {short}.{} already declared", m.name),
            );
        }
        n.methods
            .borrow_mut()
            .push(crate::types::named::MethodDecl {
                name: m.name.clone(),
                sig,
                ptr_recv,
                func: idx,
            });
        Ok(())
    }

    /// The instance of generic function `gid` for `targs`: its function
    /// index and type.
    pub(crate) fn instantiate_func(
        &mut self,
        gid: usize,
        targs: Vec<Type>,
        pos: Pos,
    ) -> PResult<(u32, Rc<FuncType>)> {
        if let Some(Instance::Func { idx, ty }) = self.cached(gid, &targs) {
            return Ok((idx, ty));
        }
        let GenericKind::Func(decl) = &self.generics.decls[gid].kind else {
            return err(pos, "internal error: not a generic function");
        };
        let decl = decl.clone();
        self.check_targs(gid, &targs, pos)?;
        self.count_instance(&targs, pos)?;
        let binds = self.binds(gid, &targs);
        let ty = Rc::new(self.in_generic_scope(&binds, |c| c.signature(&decl.sig))?);
        let idx = self.func_types.len() as u32;
        self.func_types.push(ty.clone());
        self.generics.decls[gid].instances.push((
            targs.clone(),
            Instance::Func {
                idx,
                ty: ty.clone(),
            },
        ));
        self.generics.pending.push(PendingBody {
            decl: decl.clone(),
            binds,
            idx,
            name: format!("main.{}[...]", decl.name).into(),
        });
        Ok((idx, ty))
    }

    /// Checks the bodies of the instances made so far, and of those they
    /// make, in order; each is `(function index, code)`.
    pub(crate) fn instance_bodies(&mut self) -> PResult<Vec<(u32, Rc<FuncCode>)>> {
        let mut out = Vec::new();
        let mut next = 0;
        while next < self.generics.pending.len() {
            let p = &self.generics.pending[next];
            let (decl, binds, idx, name) = (p.decl.clone(), p.binds.clone(), p.idx, p.name.clone());
            next += 1;
            let targs: Vec<Type> = binds.iter().map(|(_, t)| t.clone()).collect();
            self.generics.local_suffix = Some(args_text(&targs).into());
            let code = self.in_generic_scope(&binds, |c| {
                c.cur_name = name.clone();
                c.lit_count = 0;
                c.go_names = vec![(name.clone(), 0, 0)];
                let first_local = c.locals.len();
                let Some(body) = &decl.body else {
                    return err(decl.pos, format!("missing function body for {}", decl.name));
                };
                let mut sig = decl.sig.clone();
                if let Some(r) = &decl.recv {
                    sig.params.insert(0, r.clone());
                }
                let code = c.function(&sig, body, name.clone())?;
                c.check_unused(first_local)?;
                Ok(code)
            });
            self.generics.local_suffix = None;
            out.push((idx, code?));
        }
        Ok(out)
    }
}
