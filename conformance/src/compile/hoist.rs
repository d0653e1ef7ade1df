//! gc's general order inside one statement: its `order` pass copies the
//! result of every call of a statement, however deeply nested (an
//! operand, an index, a conversion, a literal's element), into a
//! temporary before the statement runs, in source order (a call's own
//! arguments' calls before it); the reads left in the statement
//! (variables, fields, elements, `*p`, a map's element) happen after all
//! of them. So `g(x.v+x.m(1), x.v == x.m(2))` runs both `m` calls, then
//! reads `x.v` twice, and `a[x.v] = x.v + x.m(1)` indexes with the `x.v`
//! that `m` left. `&&` and `||` are a unit: their left operand is
//! evaluated (calls, then reads) at its place among the calls, and their
//! right operand is a statement of its own, run only when needed.
//!
//! The compiler evaluates each such call into a temporary of the
//! statement before compiling the statement as usual; `Compiler::expr`
//! (and `calc`'s operands) then use the temporary. Statements whose calls
//! are all at the top of their lists (`order.rs` orders those) or that
//! read nothing outside calls are compiled as before, without temporaries.

use super::{Compiler, Reg};
use crate::ir::{
    Args, Call, CompExpr, CompStmt, Expr, GoExpr, GoStmt, Rhs, Stmt, Target, TypedExpr, TypedStmt,
};
use crate::types::Type;

/// The sub-expressions of `e` in evaluation order (not into function
/// literals, whose bodies are functions of their own).
pub(super) fn children(e: &Expr) -> Vec<&Expr> {
    match e {
        Expr::Const(_) | Expr::Load(_) | Expr::Func(_) | Expr::Lit(_) => Vec::new(),
        Expr::Neg(x) | Expr::Not(x) | Expr::ToIface(x) | Expr::IsNil(x, _) | Expr::At(_, x) => {
            vec![x]
        }
        Expr::Assert { x, .. } => vec![x],
        Expr::Arith(_, a, b) | Expr::Cmp(_, a, b) | Expr::And(a, b) | Expr::Or(a, b) => {
            vec![a, b]
        }
        Expr::Call(c) => call_parts(c),
        Expr::Go(g) => match &**g {
            GoExpr::Recv { ch, .. } => vec![ch],
            GoExpr::MakeChan { size } => size.iter().collect(),
            GoExpr::SyncAt { ptr, .. } => vec![ptr],
        },
        Expr::Typed(t) => match &**t {
            TypedExpr::AddrVar(_) => Vec::new(),
            TypedExpr::Field(x, _)
            | TypedExpr::Deref(x)
            | TypedExpr::FieldAddr(x, _)
            | TypedExpr::New(x)
            | TypedExpr::NonNil(x)
            | TypedExpr::Box(x, _)
            | TypedExpr::Show(x)
            | TypedExpr::ShowElems(x, _, _)
            | TypedExpr::ShowFields(x, _)
            | TypedExpr::IfaceBound(x, _, _)
            | TypedExpr::NumUnary { x, .. }
            | TypedExpr::Conv { x, .. } => vec![x],
            TypedExpr::StructLit(xs) => xs.iter().map(|(_, x)| x).collect(),
            TypedExpr::Num { a, b, .. }
            | TypedExpr::NumCmp { a, b, .. }
            | TypedExpr::ElemAddr(a, b)
            | TypedExpr::Bound(a, b, _) => vec![a, b],
        },
        Expr::Comp(c) => c.exprs(),
    }
}

/// The callee's expression and the arguments of a call.
pub(super) fn call_parts(c: &Call) -> Vec<&Expr> {
    let mut v = Vec::new();
    match &c.target {
        Target::Value(e) | Target::ErrorMethod(e) | Target::Iface(e, _) => v.push(e),
        Target::Builtin(_) => {}
    }
    match &c.args {
        Args::List(es) => v.extend(es.iter()),
        // `f(g())` with all of `g`'s results: `g` is called with `f`.
        Args::Spread(Expr::Call(g)) => v.extend(call_parts(g)),
        Args::Spread(e) => v.push(e),
        Args::Unpack(es, e) => {
            v.extend(es.iter());
            v.push(e);
        }
    }
    v
}

/// What a walk over a statement's expressions found.
#[derive(Default)]
struct Found {
    /// A call below the top of a root, not inside another call.
    nested_call: bool,
    /// A read (of a variable, through a pointer, of an element) outside
    /// every call's arguments.
    late_read: bool,
}

fn scan(e: &Expr, top: bool, f: &mut Found) {
    match e {
        Expr::Call(_) => {
            if !top {
                f.nested_call = true;
            }
            // Its arguments are read when it is called.
        }
        Expr::Lit(_) | Expr::Const(_) | Expr::Func(_) => {}
        Expr::Load(_) => f.late_read = true,
        // The right operand is a statement of its own.
        Expr::And(a, _) | Expr::Or(a, _) => {
            f.late_read = true;
            scan(a, false, f);
        }
        Expr::At(_, x) => scan(x, top, f),
        _ => children(e).into_iter().for_each(|c| scan(c, false, f)),
    }
}

impl Compiler<'_> {
    /// Runs the calls of a statement's expressions `roots` (in evaluation
    /// order) into temporaries first, when gc's order needs it.
    pub(super) fn hoist(&mut self, roots: &[&Expr]) {
        self.hoist_with(roots, true);
    }

    /// Like `hoist`, for expressions evaluated in a fixed order (a store's
    /// target, then its value; a map literal's key, then its value), where
    /// a call at the top of one must also run before the reads of the
    /// others: `a[i] = f()` indexes with the `i` that `f` left.
    pub(super) fn hoist_fixed(&mut self, roots: &[&Expr]) {
        self.hoist_with(roots, false);
    }

    fn hoist_with(&mut self, roots: &[&Expr], top: bool) {
        let mut f = Found::default();
        for r in roots {
            scan(r, top, &mut f);
        }
        if !(f.nested_call && f.late_read) {
            return;
        }
        for r in roots {
            self.hoist_walk(r);
        }
    }

    /// The calls of a call's callee and arguments (the call itself stays:
    /// a call statement, `defer`, `go`, a multi-valued right-hand side).
    pub(super) fn hoist_call_parts(&mut self, c: &Call) {
        self.hoist(&call_parts(c));
    }

    fn hoist_walk(&mut self, e: &Expr) {
        if self.hoisted_reg(e).is_some() {
            return;
        }
        match e {
            Expr::Lit(_) => {}
            Expr::Call(c) => {
                for p in call_parts(c) {
                    self.hoist_walk(p);
                }
                self.hoist_into_temp(e);
            }
            Expr::And(a, _) | Expr::Or(a, _) => {
                self.hoist_walk(a);
                self.hoist_into_temp(e);
            }
            // gc converts a value that is not addressable to an interface
            // at its place when the conversion takes the value's address
            // (`dataWordFuncName`'s `needsaddr`): `Println(pair{x.v, 0},
            // x.m())` reads `x.v` before `m` runs, `Println(x.v, x.m())`
            // after.
            Expr::Typed(t) if matches!(&**t, TypedExpr::Box(x, ty) if !addressable(x) && needs_addr(ty)) =>
            {
                for c in children(e) {
                    self.hoist_walk(c);
                }
                self.hoist_into_temp(e);
            }
            // gc makes a map literal at its place, one statement per entry
            // (`compile/composite.rs` hoists each entry's calls).
            Expr::Comp(c)
                if matches!(
                    &**c,
                    CompExpr::Lit {
                        on: crate::ir::On::Map,
                        ..
                    }
                ) =>
            {
                self.hoist_into_temp(e);
            }
            // gc copies each bound of a slice expression that is not a
            // name or a constant into a temporary at its place
            // (`cheapExpr`): `s[x.v:x.v+x.m()]` reads the low `x.v` first.
            Expr::Comp(c) if matches!(&**c, CompExpr::SliceOf { .. }) => {
                let mut parts = c.exprs().into_iter();
                if let Some(x) = parts.next() {
                    self.hoist_walk(x);
                }
                for b in parts {
                    self.hoist_walk(b);
                    if !matches!(b, Expr::Const(_) | Expr::Load(_)) && self.hoisted_reg(b).is_none()
                    {
                        self.hoist_into_temp(b);
                    }
                }
            }
            _ => {
                for c in children(e) {
                    self.hoist_walk(c);
                }
            }
        }
    }

    fn hoist_into_temp(&mut self, e: &Expr) {
        let t = self.temps(1);
        // Keep the temporary for the rest of the statement.
        let keep = self.next;
        self.expr(e, t);
        self.next = self.next.max(keep);
        self.hoisted.push((e as *const Expr as usize, t));
    }

    /// The temporary holding `e`'s value if the statement ran it first.
    pub(super) fn hoisted_reg(&self, e: &Expr) -> Option<Reg> {
        let p = e as *const Expr as usize;
        self.hoisted.iter().find(|(q, _)| *q == p).map(|(_, r)| *r)
    }
}

impl Compiler<'_> {
    /// Hoists the calls of a simple statement's expressions (control
    /// statements hoist their conditions where they evaluate them).
    pub(super) fn hoist_stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Expr(Expr::Call(c)) => self.hoist_call_parts(c),
            Stmt::Defer { call, .. } => self.hoist_call_parts(call),
            Stmt::Go(g) => match g {
                GoStmt::Spawn(c) => self.hoist_call_parts(c),
                GoStmt::Send { ch, v } => self.hoist(&[ch, v]),
                _ => {}
            },
            Stmt::Expr(e) => self.hoist(&[e]),
            Stmt::Assign { rhs, .. } | Stmt::Return(Some(rhs), _) => self.hoist_rhs(rhs, &[]),
            Stmt::OpAssign { rhs, .. } => self.hoist(&[rhs]),
            Stmt::Typed(t) => match &**t {
                TypedStmt::SetField { rhs, .. } => self.hoist(&[rhs]),
                TypedStmt::Store { p, rhs, .. } => self.hoist_fixed(&[p, rhs]),
            },
            Stmt::Comp(c) => {
                let (es, rhs) = c.exprs();
                match rhs {
                    Some(r) => self.hoist_rhs(r, &es),
                    None if matches!(&**c, CompStmt::DeferTo { .. }) => self.hoist(&es),
                    None => self.hoist_fixed(&es),
                }
            }
            _ => {}
        }
    }

    /// `first` (a left-hand side's operands), then a right-hand side.
    fn hoist_rhs(&mut self, rhs: &Rhs, first: &[&Expr]) {
        let mut roots: Vec<&Expr> = first.to_vec();
        match rhs {
            Rhs::List(es) => roots.extend(es.iter()),
            Rhs::Multi(Expr::Call(c)) => roots.extend(call_parts(c)),
            Rhs::Multi(e) | Rhs::AssertOk { x: e, .. } | Rhs::RecvOk { ch: e, .. } => roots.push(e),
            Rhs::MapOk { m, k, .. } => roots.extend([m, k]),
        }
        if first.is_empty() {
            self.hoist(&roots);
        } else {
            self.hoist_fixed(&roots);
        }
    }
}

/// Whether `e` denotes a variable (gc's `IsAddressable`): a name, a field
/// of one or through a pointer, `*p`, a slice's element or an addressable
/// array's.
fn addressable(e: &Expr) -> bool {
    match e {
        Expr::Load(_) => true,
        Expr::At(_, x) => addressable(x),
        Expr::Typed(t) => match &**t {
            TypedExpr::Deref(_) => true,
            TypedExpr::Field(x, _) => addressable(x),
            _ => false,
        },
        Expr::Comp(c) => match &**c {
            CompExpr::Index { x, on, .. } => match on {
                crate::ir::On::Slice => true,
                crate::ir::On::Map | crate::ir::On::Str => false,
                crate::ir::On::Array => addressable(x),
            },
            _ => false,
        },
        _ => false,
    }
}

/// gc's size and alignment of a value of `t` (amd64).
fn layout(t: &Type) -> (u64, u64) {
    use crate::types::table::IntKind as K;
    match t {
        Type::Bool | Type::Byte => (1, 1),
        Type::Rune => (4, 4),
        Type::IntK(K::I8 | K::U8) => (1, 1),
        Type::IntK(K::I16 | K::U16) => (2, 2),
        Type::IntK(K::I32 | K::U32) => (4, 4),
        Type::Float(32) => (4, 4),
        Type::Complex(64) => (8, 4),
        Type::Complex(_) | Type::Str | Type::Error | Type::Any | Type::Iface(_) => (16, 8),
        Type::Slice(_) => (24, 8),
        Type::Array(n, e) => {
            let (s, a) = layout(e);
            (s.saturating_mul(*n), a)
        }
        Type::Struct(fs) => {
            let (mut off, mut align) = (0u64, 1u64);
            for f in fs.iter() {
                let (s, a) = layout(&f.ty);
                off = off.div_ceil(a) * a + s;
                align = align.max(a);
            }
            (off.div_ceil(align) * align, align)
        }
        Type::Named(_) => layout(&t.underlying()),
        // A `sync` value is bigger than a word; the rest are one word.
        Type::Sync(crate::ir::SyncKind::AtomicInt(_)) => (8, 8),
        Type::Sync(_) => (16, 8),
        _ => (8, 8),
    }
}

/// Whether gc passes a `t` to its interface conversion by address: not a
/// 2-, 4- or 8-byte value of that alignment, nor a string or slice (alone
/// or as a struct's or array's sole component).
fn needs_addr(t: &Type) -> bool {
    if let (2, 2) | (4, 4) | (8, 8) = layout(t) {
        return false;
    }
    !sole_string_or_slice(t)
}

fn sole_string_or_slice(t: &Type) -> bool {
    match t {
        Type::Str | Type::Slice(_) => true,
        Type::Named(_) => sole_string_or_slice(&t.underlying()),
        Type::Struct(fs) if fs.len() == 1 => sole_string_or_slice(&fs[0].ty),
        Type::Array(1, e) => sole_string_or_slice(e),
        _ => false,
    }
}
