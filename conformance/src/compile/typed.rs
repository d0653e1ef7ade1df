//! Compiling issue 9's structs, pointers, methods and interfaces
//! ([`TypedExpr`], [`TypedStmt`], calls through interfaces).

use std::sync::Arc;

use super::Compiler;
use crate::code::{Loc, Op, Reg, TypedOp};
use crate::ir::{Args, Expr, TypedExpr, TypedStmt, Var};

impl Compiler<'_> {
    pub(super) fn typed(&mut self, op: TypedOp) {
        self.emit(Op::Typed(op));
    }

    fn path(&mut self, path: &[u32]) -> u32 {
        self.f.paths.push(path.into());
        self.f.paths.len() as u32 - 1
    }

    fn name(&mut self, n: &str) -> u32 {
        self.f.names.push(Arc::from(n));
        self.f.names.len() as u32 - 1
    }

    /// Evaluates `e` into the temporary `dst`.
    pub(super) fn typed_expr(&mut self, e: &TypedExpr, dst: Reg) {
        match e {
            TypedExpr::Field(x, i) => {
                self.expr(x, dst);
                self.typed(TypedOp::Field { dst, x: dst, i: *i });
            }
            TypedExpr::Deref(p) => {
                self.expr(p, dst);
                self.typed(TypedOp::Load { dst, p: dst });
            }
            TypedExpr::AddrVar(v) => self.addr_var(*v, dst),
            TypedExpr::FieldAddr(p, path) => {
                self.expr(p, dst);
                let path = self.path(path);
                self.typed(TypedOp::FieldAddr { dst, p: dst, path });
            }
            TypedExpr::ElemAddr(x, i) => {
                let t = self.temps(1);
                self.expr(x, dst);
                self.expr(i, t);
                self.typed(TypedOp::ElemAddr { dst, x: dst, i: t });
            }
            TypedExpr::New(x) => {
                self.expr(x, dst);
                self.typed(TypedOp::New { dst, x: dst });
            }
            TypedExpr::NonNil(p) => {
                self.expr(p, dst);
                self.typed(TypedOp::NonNil { dst, p: dst });
            }
            TypedExpr::StructLit(xs) => {
                // gc's order, as for an argument list: the fields with
                // calls first, then the reads.
                let first = self.temps(xs.len() as u32);
                let late = xs.iter().map(|(_, x)| super::order::reads_only(x));
                for k in super::order::order_of(late.collect()) {
                    let (i, x) = &xs[k];
                    self.expr(x, first + i);
                }
                let n = xs.len() as u32;
                self.typed(TypedOp::StructLit { dst, first, n });
            }
            TypedExpr::Box(x, t) => {
                self.expr(x, dst);
                let ty = self.cx.type_id(t);
                self.typed(TypedOp::Box { dst, x: dst, ty });
            }
            TypedExpr::ShowElems(x, el, ty) => self.show_elems(x, (el, ty), dst),
            TypedExpr::ShowFields(x, ty) => {
                self.expr(x, dst);
                self.show_fields(dst, ty);
                let ty = self.cx.type_id(ty);
                self.typed(TypedOp::Box { dst, x: dst, ty });
            }
            TypedExpr::Show(x) => {
                self.expr(x, dst);
                let t = self.temps(3);
                self.typed(TypedOp::ShowMethod {
                    f: t,
                    recv: t + 1,
                    x: dst,
                });
                self.emit(Op::IsNil {
                    dst: t + 2,
                    x: t,
                    neg: false,
                });
                let skip = self.emit(Op::JumpIf { cond: t + 2, to: 0 });
                self.show_call(t, dst);
                self.patch(skip);
            }
            // Operators and conversions: compile/calc.rs (`expr` sends
            // them there first).
            TypedExpr::Num { .. }
            | TypedExpr::NumCmp { .. }
            | TypedExpr::NumUnary { .. }
            | TypedExpr::Conv { .. } => {
                self.calc_typed(e, dst, Some(dst));
            }
            TypedExpr::IfaceBound(x, name, sig) => {
                let t = self.temps(2);
                self.expr(x, t + 1);
                let name = self.name(name);
                self.typed(TypedOp::Method {
                    f: t,
                    recv: t + 1,
                    x: t + 1,
                    name,
                    direct: false,
                });
                let sig = self.cx.sig_name(sig);
                let sig = self.name(&sig);
                self.typed(TypedOp::Bound {
                    dst,
                    f: t,
                    recv: t + 1,
                    sig,
                });
            }
            TypedExpr::Bound(f, recv, sig) => {
                let r = self.temps(1);
                self.expr(f, dst);
                self.expr(recv, r);
                let sig = self.cx.sig_name(sig);
                let sig = self.name(&sig);
                self.typed(TypedOp::Bound {
                    dst,
                    f: dst,
                    recv: r,
                    sig,
                });
            }
        }
    }

    /// `&v`: the variable lives in a cell (the escape check made it one).
    fn addr_var(&mut self, v: Var, dst: Reg) {
        match v {
            Var::Local(s) => match self.loc(s) {
                Loc::Cell(cell) => self.typed(TypedOp::AddrCell { dst, cell }),
                // Not reached: an address-taken local is a cell.
                Loc::Reg(src) => {
                    self.emit(Op::Move { dst, src });
                    self.typed(TypedOp::New { dst, x: dst });
                }
            },
            Var::Capture(cap) => {
                self.touch_cap(cap);
                self.typed(TypedOp::AddrCap { dst, cap })
            }
            Var::Global(global) => self.typed(TypedOp::AddrGlobal { dst, global }),
        }
    }

    /// `*p.path = src` for the pointer in register `p`.
    pub(super) fn store_pointee(&mut self, p: Reg, path: &[u32], src: Reg) {
        let path = self.path(path);
        self.typed(TypedOp::Store { p, path, src });
    }

    /// `var.path = src`.
    pub(super) fn store_field(&mut self, var: Var, path: &[u32], src: Reg) {
        let pi = self.path(path);
        match var {
            Var::Local(s) if matches!(self.loc(s), Loc::Reg(_)) => {
                self.typed(TypedOp::SetField {
                    x: s,
                    path: pi,
                    src,
                });
            }
            v => {
                let t = self.temps(1);
                self.addr_var(v, t);
                self.typed(TypedOp::Store {
                    p: t,
                    path: pi,
                    src,
                });
            }
        }
    }

    pub(super) fn typed_stmt(&mut self, s: &TypedStmt) {
        match s {
            TypedStmt::SetField { var, path, rhs } => {
                let t = self.temps(1);
                self.expr(rhs, t);
                self.store_field(*var, path, t);
            }
            TypedStmt::Store { p, path, rhs } => {
                let t = self.temps(2);
                self.expr(p, t + 1);
                self.expr(rhs, t);
                let path = self.path(path);
                self.typed(TypedOp::Store {
                    p: t + 1,
                    path,
                    src: t,
                });
            }
        }
    }

    /// A call of the method `name` through the interface value `x`: the
    /// function register, then the receiver and the arguments in
    /// consecutive registers (`(f, args, nargs)` of an [`Op::Call`]).
    pub(super) fn method_call(&mut self, x: &Expr, name: &str, args: &Args) -> (Reg, Reg, u32) {
        let f = self.temps(1);
        let list = super::order::list(args);
        let recv = self.temps(1 + list.len() as u32);
        // The interface value and the arguments in gc's order (calls
        // first, see `order`), the interface value counting as a read.
        let late = std::iter::once(x).chain(list).map(super::order::reads_only);
        for i in super::order::order_of(late.collect()) {
            match i {
                0 => self.expr(x, recv),
                i => self.expr(&list[i - 1], recv + i as u32),
            }
        }
        // The method is looked up (a nil interface panics) after the
        // arguments are evaluated, as gc does: `i.M(f())` calls `f` first.
        let name = self.name(name);
        let direct =
            matches!(x, Expr::Load(Var::Local(s)) if self.devirt.get(*s as usize) == Some(&true));
        self.typed(TypedOp::Method {
            f,
            recv,
            x: recv,
            name,
            direct,
        });
        (f, recv, 1 + list.len() as u32)
    }
}

impl Compiler<'_> {
    /// [`TypedExpr::ShowElems`]: a loop over the elements, each boxed,
    /// shown (its method called if it has one) and stored in a new slice.
    /// Calls the method in register `f` on the receiver in `f + 1` through
    /// the recovering wrapper [`SHOW_CALL`], as `fmt`'s `catchPanic` does,
    /// and keeps its text or its panic in the interface value `x`.
    fn show_call(&mut self, f: Reg, x: Reg) {
        let t = self.temps(3);
        let code = self.cx.show_call();
        self.expr(&Expr::Lit(code), t + 2);
        self.emit(Op::Call {
            f: t + 2,
            args: f,
            nargs: 2,
            dst: t,
            nret: 2,
        });
        self.typed(TypedOp::ShowText { x, text: t });
    }

    /// The struct (or map) of type `ty` in `x` with each exported field
    /// (each value) that has an `Error`/`String` method, at any depth,
    /// boxed with its text.
    fn show_fields(&mut self, x: Reg, ty: &crate::types::Type) {
        use crate::checker::expr::typed::{deep_shows, exported, shows};
        use crate::types::Type;
        match ty.underlying() {
            Type::Struct(fs) => {
                for (i, fl) in fs.iter().enumerate() {
                    if !exported(&fl.name) || !(shows(&fl.ty) || deep_shows(&fl.ty)) {
                        continue;
                    }
                    let e = self.temps(1);
                    self.typed(TypedOp::Field {
                        dst: e,
                        x,
                        i: i as u32,
                    });
                    self.show_in_place(e, &fl.ty);
                    let path = self.path(&[i as u32]);
                    self.typed(TypedOp::SetField { x, path, src: e });
                }
            }
            Type::Map(_, vt) => self.show_map_values(x, &vt),
            _ => {}
        }
    }

    /// The value of type `ty` in `e` boxed, with the text of its method
    /// (or its fields' and values') kept.
    fn show_in_place(&mut self, e: Reg, ty: &crate::types::Type) {
        use crate::checker::expr::typed::shows;
        if shows(ty) {
            if !ty.is_interface() {
                let fty = self.cx.type_id(ty);
                self.typed(TypedOp::Box {
                    dst: e,
                    x: e,
                    ty: fty,
                });
            }
            let t = self.temps(3);
            let (f, c) = (t, t + 2);
            self.typed(TypedOp::ShowMethod {
                f,
                recv: f + 1,
                x: e,
            });
            self.emit(Op::IsNil {
                dst: c,
                x: f,
                neg: false,
            });
            let skip = self.emit(Op::JumpIf { cond: c, to: 0 });
            self.show_call(f, e);
            self.patch(skip);
        } else {
            self.show_fields(e, ty);
            let fty = self.cx.type_id(ty);
            self.typed(TypedOp::Box {
                dst: e,
                x: e,
                ty: fty,
            });
        }
    }

    /// The map in `m` replaced by a copy whose values (of type `vt`) are
    /// shown ([`Self::show_in_place`]); a nil map stays nil.
    fn show_map_values(&mut self, m: Reg, vt: &crate::types::Type) {
        use crate::code::CompOp;
        use crate::ir::{Const, On};
        let t = self.temps(7);
        let (keys, n, out, i, one, c, k) = (t, t + 1, t + 2, t + 3, t + 4, t + 5, t + 6);
        self.emit(Op::IsNil {
            dst: c,
            x: m,
            neg: false,
        });
        let skip_nil = self.emit(Op::JumpIf { cond: c, to: 0 });
        self.emit(Op::Comp(CompOp::MapKeys { dst: keys, m }));
        self.emit(Op::Comp(CompOp::Len { dst: n, x: keys }));
        self.emit(Op::Comp(CompOp::MakeMap { dst: out }));
        let nil = self.konst(&Const::Nil);
        let (top, exit) = self.count_loop_start(i, one, c, n);
        self.emit(Op::Comp(CompOp::Index {
            dst: k,
            x: keys,
            i,
            on: On::Slice,
            zero: nil,
        }));
        let v = self.temps(1);
        self.emit(Op::Comp(CompOp::Index {
            dst: v,
            x: m,
            i: k,
            on: On::Map,
            zero: nil,
        }));
        self.show_in_place(v, vt);
        self.emit(Op::Comp(CompOp::SetIndex {
            x: out,
            i: k,
            v,
            on: On::Map,
        }));
        self.count_loop_end(i, one, (top, exit));
        self.emit(Op::Move { dst: m, src: out });
        self.patch(skip_nil);
    }

    /// The head of `for i := 0; i < n; i++` over registers `i`, `one`
    /// (the constant 1) and `c` (the condition): `(top, exit)` for
    /// [`Self::count_loop_end`].
    fn count_loop_start(&mut self, i: Reg, one: Reg, c: Reg, n: Reg) -> (u32, usize) {
        use crate::ir::{Cmp, Const};
        let (k0, k1) = (self.konst(&Const::Int(0)), self.konst(&Const::Int(1)));
        self.emit(Op::Const { dst: i, k: k0 });
        self.emit(Op::Const { dst: one, k: k1 });
        let top = self.here();
        self.emit(Op::Cmp {
            op: Cmp::Lt,
            dst: c,
            a: i,
            b: n,
        });
        (top, self.emit(Op::JumpIfNot { cond: c, to: 0 }))
    }

    /// The `i++`, the jump back and the exit of a loop begun by
    /// [`Self::count_loop_start`].
    fn count_loop_end(&mut self, i: Reg, one: Reg, (top, exit): (u32, usize)) {
        self.emit(Op::Arith {
            op: crate::ir::Arith::Add,
            dst: i,
            a: i,
            b: one,
        });
        self.emit(Op::Jump { to: top });
        self.patch(exit);
    }

    fn show_elems(
        &mut self,
        x: &Expr,
        (el, ty): (&crate::types::Type, &crate::types::Type),
        dst: Reg,
    ) {
        use crate::code::CompOp;
        use crate::ir::{Const, On};
        let on = if matches!(ty.underlying(), crate::types::Type::Array(..)) {
            On::Array
        } else {
            On::Slice
        };
        self.expr(x, dst);
        let t = self.temps(8);
        let (n, out, i, one, c, e, f, r) = (t, t + 1, t + 2, t + 3, t + 4, t + 5, t + 6, t + 7);
        self.emit(Op::Comp(CompOp::Len { dst: n, x: dst }));
        let nil = self.konst(&Const::Nil);
        let shape = self.path(&[0]);
        self.emit(Op::Comp(CompOp::MakeSlice {
            dst: out,
            len: n,
            cap: None,
            zero: nil,
            shape,
        }));
        let (top, exit) = self.count_loop_start(i, one, c, n);
        self.emit(Op::Comp(CompOp::Index {
            dst: e,
            x: dst,
            i,
            on,
            zero: nil,
        }));
        let ety = self.cx.type_id(el);
        if !el.is_interface() {
            self.typed(TypedOp::Box {
                dst: e,
                x: e,
                ty: ety,
            });
        }
        self.typed(TypedOp::ShowMethod { f, recv: r, x: e });
        self.emit(Op::IsNil {
            dst: c,
            x: f,
            neg: false,
        });
        let skip = self.emit(Op::JumpIf { cond: c, to: 0 });
        debug_assert_eq!(r, f + 1);
        self.show_call(f, e);
        self.patch(skip);
        self.emit(Op::Comp(CompOp::SetIndex {
            x: out,
            i,
            v: e,
            on: On::Slice,
        }));
        self.count_loop_end(i, one, (top, exit));
        let sty = self.cx.type_id(ty);
        self.typed(TypedOp::Box {
            dst,
            x: out,
            ty: sty,
        });
    }
}

/// The wrapper through which `fmt` calls an operand's `Error`/`String`
/// method: its text, or the value a panic in it carried (Go's
/// `catchPanic` recovers it and prints it in the operand's place).
/// [`show_call_code`] is its checked code, built directly (a test holds
/// the two equal).
#[cfg(test)]
pub(super) const SHOW_CALL: &str = "package main\n\
func showCall(f func(any) string, x any) (s string, r any) {\n\
defer func() {\nr = recover()\n}()\n\
s = f(x)\nreturn\n}\nfunc main() {}\n";

/// The checker's code of `showCall` in [`SHOW_CALL`], built without
/// parsing and checking it (that cost about 80 k instructions, a tenth
/// of a corpus run).
pub(super) fn show_call_code() -> crate::ir::FuncCode {
    use crate::ir::{Builtin, Call, Const, FuncCode, Lhs, Rhs, Stmt, Target};
    use crate::types::{FuncType, Type};
    use std::rc::Rc;
    // func() { r = recover() }, r captured from slot 3.
    let recover = FuncCode {
        name: "main.showCall.func1".into(),
        sig: Rc::new(FuncType {
            params: Vec::new(),
            results: Vec::new(),
            variadic: false,
        }),
        nparams: 0,
        results: Vec::new(),
        nslots: 0,
        captures: vec![Var::Local(3)],
        body: vec![Stmt::Assign {
            lhs: vec![Lhs::Set(Var::Capture(0))],
            rhs: Rhs::List(vec![Expr::Call(Box::new(Call {
                line: 0,
                target: Target::Builtin(Builtin::Recover),
                args: Args::List(Vec::new()),
            }))]),
        }],
        open: true,
        end_line: 0,
        wrapper: false,
    };
    let method = Type::Func(Rc::new(FuncType {
        params: vec![Type::Any],
        results: vec![Type::Str],
        variadic: false,
    }));
    FuncCode {
        name: "main.showCall".into(),
        sig: Rc::new(FuncType {
            params: vec![method, Type::Any],
            results: vec![Type::Str, Type::Any],
            variadic: false,
        }),
        nparams: 2,
        results: vec![(2, Const::Str(Rc::from(&b""[..]))), (3, Const::Nil)],
        nslots: 4,
        captures: Vec::new(),
        body: vec![
            // defer func() { r = recover() }()
            Stmt::Defer {
                call: Call {
                    line: 0,
                    target: Target::Value(Expr::Lit(Rc::new(recover))),
                    args: Args::List(Vec::new()),
                },
                site: 0,
            },
            // s = f(x)
            Stmt::Assign {
                lhs: vec![Lhs::Set(Var::Local(2))],
                rhs: Rhs::List(vec![Expr::Call(Box::new(Call {
                    line: 0,
                    target: Target::Value(Expr::Load(Var::Local(0))),
                    args: Args::List(vec![Expr::Load(Var::Local(1))]),
                }))]),
            },
            Stmt::Return(None, 0),
        ],
        open: true,
        end_line: 0,
        wrapper: false,
    }
}

#[cfg(test)]
mod tests {
    /// The wrapper built directly is the checker's code of its source.
    #[test]
    fn show_call_code_is_the_checked_wrapper() {
        let file = crate::parser::parse(super::SHOW_CALL).expect("the show wrapper parses");
        let prog = crate::checker::check(&file).expect("the show wrapper checks");
        let checked = prog
            .funcs
            .iter()
            .find(|f| f.name.ends_with("showCall"))
            .expect("the show wrapper is there");
        // The wrapper is made up: its calls have no line (a `runtime.Caller`
        // walk through it is refused), where the checked source's have.
        let checked = format!("{checked:?}");
        let unline = |text: &str, mark: &str| {
            let mut out = String::new();
            for (i, part) in text.split(mark).enumerate() {
                if i > 0 {
                    out.push_str(mark);
                    out.push('0');
                    out.push_str(part.trim_start_matches(|c: char| c.is_ascii_digit()));
                } else {
                    out.push_str(part);
                }
            }
            out
        };
        // Calls' and the closing brace's lines, and `return`'s.
        let unlined = unline(&unline(&checked, "line: "), "Return(None, ");
        assert_ne!(checked, unlined, "the checked source's calls have lines");
        assert_eq!(format!("{:?}", super::show_call_code()), unlined);
        // One defer statement, open-coded where open coding is on.
        assert_eq!(prog.tiers.len(), 1);
        assert_eq!(prog.tiers[0].chain_reason, None);
    }
}
