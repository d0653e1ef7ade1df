//! `errors.As(err, &target)`, lowered to Go code: a function literal that
//! walks the error and the errors it wraps (fmt.Errorf's `%w`,
//! errors.Join) and assigns the first one of the target's type.

use super::{err, Checker};
use crate::ast::{Decl, Expr as AExpr, ExprKind};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// The depth-first walk of an error tree, as errors.Is and errors.As
/// make it: `e` is each error in turn (the loop's body follows).
const WALK: &str = "if err == nil {\nreturn false\n}\nstack := []error{err}\n\
for len(stack) > 0 {\ne := stack[len(stack)-1]\nstack = stack[:len(stack)-1]\n";

/// The end of the walk's body: the errors `e` wraps, by its
/// `Unwrap() error` method or the run time's wrapping (`%w`,
/// `errors.Join`). (`Unwrap() []error` methods of the program's types are
/// not followed: the run time's method sets match interfaces by name.)
const STEP: &str = "if u, ok := e.(interface{ Unwrap() error }); ok {\n\
if w := u.Unwrap(); w != nil {\nstack = append(stack, w)\n}\ncontinue\n}\n\
ws := errors.zzwrapped(e)\n\
for i := len(ws) - 1; i >= 0; i-- {\nif ws[i] != nil {\nstack = append(stack, ws[i])\n}\n}\n";

/// The Go spelling of a type for the lowered code, where it has one that
/// means the same in the program (`T`, `*T`, `runtime.Error`, `error`).
pub(crate) fn spell(t: &Type) -> Option<String> {
    Some(match t {
        Type::Named(n) => match n.full.strip_prefix("main.") {
            Some(local) if !local.contains(['.', '·']) => local.to_string(),
            Some(_) => return None,
            None if &*n.full == "runtime.Error" => "runtime.Error".into(),
            // A type of a package's Go prelude (`strconv.NumError`).
            None if n.full.matches('.').count() == 1 && !n.full.contains('·') => {
                n.full.to_string()
            }
            None => return None,
        },
        Type::Pointer(e) => format!("*{}", spell(e)?),
        Type::Error => "error".into(),
        Type::Any => "any".into(),
        Type::Int => "int".into(),
        Type::Str => "string".into(),
        Type::Bool => "bool".into(),
        Type::IntK(k) => k.name().into(),
        Type::Float(b) => format!("float{b}"),
        Type::Slice(e) => format!("[]{}", spell(e)?),
        Type::Map(k, v) => format!("map[{}]{}", spell(k)?, spell(v)?),
        _ => return None,
    })
}

impl Checker {
    /// `errors.As(err, target)`.
    pub(crate) fn errors_as(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [_, target] = args else {
            return err(pos, "wrong number of arguments in call to errors.As");
        };
        let (_, tt) = self.value(target)?;
        if tt == Type::Nil {
            // Go panics at run time (vet reports it).
            let src = "package main\nvar _ = func(err error) bool {\n\
                       panic(\"errors: target cannot be nil\")\n}(a)\n";
            return self.template_call(src, &args[..1], pos);
        }
        let Type::Pointer(elem) = tt.underlying() else {
            return err(target.pos, "second argument to errors.As must be a non-nil pointer to either a type that implements error, or to any interface type");
        };
        let Some(name) = spell(&elem) else {
            return Err(crate::lexer::SyntaxError::unsupported(
                target.pos,
                "targets of `errors.As` of this type",
            ));
        };
        if name.starts_with("runtime.") {
            if let Some(i) = self.imports.get_mut("runtime") {
                i.used = true;
            }
        }
        let src = format!(
            "package main\nvar _ = func(err error, target *{name}) bool {{\n{WALK}\
             if v, ok := e.({name}); ok {{\n*target = v\nreturn true\n}}\n{STEP}}}\n\
             return false\n}}(e, t)\n"
        );
        let (x, _) = self.template_call(&src, args, pos)?;
        Ok((x, Type::Bool))
    }

    /// The function literal call of `src` (`var _ = func(...) {...}(a)`)
    /// with the call's arguments `args`, checked as a value.
    pub(crate) fn template_call(
        &mut self,
        src: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let call = template_of(src, args, pos)?;
        self.value(&call)
    }

    /// The same call positioned at `pos`, as any expression (of no value
    /// when the literal returns nothing).
    pub(crate) fn template_expr(
        &mut self,
        src: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let mut call = template_of(src, args, pos)?;
        call.pos = pos;
        self.expr(&call)
    }
}

/// The call of a template's function literal, with `args` as arguments.
fn template_of(src: &str, args: &[AExpr], pos: Pos) -> PResult<AExpr> {
    let file = crate::parser::parse_snippet(src)?;
    let Some(Decl::Var(spec)) = file.decls.into_iter().next() else {
        return err(pos, "internal error: template");
    };
    let Some(mut call) = spec.values.into_iter().next() else {
        return err(pos, "internal error: template");
    };
    if let ExprKind::Call(_, a, _) = &mut call.kind {
        *a = args.to_vec();
    }
    Ok(call)
}

/// Package functions with Go callbacks, as Go: `(package, name, source)`.
const CALLBACKS: &[(&str, &str, &str)] = &[
    (
        "sort",
        "Search",
        "package main\nvar _ = func(n int, f func(int) bool) int {\n\
         i, j := 0, n\nfor i < j {\nh := (i + j) / 2\n\
         if !f(h) {\ni = h + 1\n} else {\nj = h\n}\n}\nreturn i\n}(a, b)\n",
    ),
    (
        "strings",
        "Map",
        "package main\nvar _ = func(f func(rune) rune, s string) string {\n\
         var out []rune\nfor _, r := range s {\nif m := f(r); m >= 0 {\nout = append(out, m)\n}\n}\n\
         return string(out)\n}(a, b)\n",
    ),
    (
        "strings",
        "IndexFunc",
        "package main\nvar _ = func(s string, f func(rune) bool) int {\n\
         for i, r := range s {\nif f(r) {\nreturn i\n}\n}\nreturn -1\n}(a, b)\n",
    ),
    (
        "strings",
        "ContainsFunc",
        "package main\nvar _ = func(s string, f func(rune) bool) bool {\n\
         for _, r := range s {\nif f(r) {\nreturn true\n}\n}\nreturn false\n}(a, b)\n",
    ),
    (
        "strings",
        "TrimFunc",
        "package main\nvar _ = func(s string, f func(rune) bool) string {\n\
         r := []rune(s)\ni, j := 0, len(r)\nfor i < j && f(r[i]) {\ni++\n}\n\
         for j > i && f(r[j-1]) {\nj--\n}\nreturn string(r[i:j])\n}(a, b)\n",
    ),
];

impl Checker {
    /// A package function with a Go callback, if it is one of [`CALLBACKS`].
    pub(crate) fn callback_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let (_, _, src) = CALLBACKS.iter().find(|(p, n, _)| *p == pkg && *n == name)?;
        if args.len() != 2 {
            return Some(err(
                pos,
                format!("wrong number of arguments in call to {pkg}.{name}"),
            ));
        }
        Some(self.template_call(src, args, pos))
    }
}

impl Checker {
    /// `slices.IndexFunc`, `slices.ContainsFunc`, and `slices.Sorted` /
    /// `slices.Collect` of `maps.Keys` / `maps.Values` / `slices.Values`:
    /// Go function literals spelled for the argument's types.
    pub(crate) fn slices_template(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        match name {
            "IndexFunc" | "ContainsFunc" => {
                let [s, _] = args else { return None };
                let (_, st) = match self.value(s) {
                    Ok(v) => v,
                    Err(e) => return Some(Err(e)),
                };
                let Type::Slice(e) = st.underlying() else {
                    return None;
                };
                let (es, ss) = (spell(&e)?, spell(&st)?);
                let (res, found, missing) = if name == "IndexFunc" {
                    ("int", "i", "-1")
                } else {
                    ("bool", "true", "false")
                };
                let src = format!(
                    "package main\nvar _ = func(s {ss}, f func({es}) bool) {res} {{\n\
                     for i, v := range s {{\nif f(v) {{\n_ = i\nreturn {found}\n}}\n}}\nreturn {missing}\n}}(a, b)\n"
                );
                Some(self.template_call(&src, args, pos))
            }
            "Sorted" | "Collect" => {
                let [inner] = args else { return None };
                let ExprKind::Call(f, iargs, None) = &inner.kind else {
                    return None;
                };
                let ExprKind::Selector(p, which, _) = &f.kind else {
                    return None;
                };
                let ExprKind::Ident(pkg) = &p.kind else {
                    return None;
                };
                let [m] = iargs.as_slice() else { return None };
                if self.lookup(pkg).is_some() || !self.imports.contains_key(pkg) {
                    return None;
                }
                let (_, mt) = match self.value(m) {
                    Ok(v) => v,
                    Err(e) => return Some(Err(e)),
                };
                let (loopv, et) = match (&**pkg, &**which, mt.underlying()) {
                    ("maps", "Keys", Type::Map(k, _)) => ("k := range m", (*k).clone()),
                    ("maps", "Values", Type::Map(_, v)) => ("_, k := range m", (*v).clone()),
                    ("slices", "Values", Type::Slice(e)) => ("_, k := range m", (*e).clone()),
                    _ => return None,
                };
                if let Some(i) = self.imports.get_mut(pkg) {
                    i.used = true;
                }
                let (ms, es) = (spell(&mt)?, spell(&et)?);
                let sort = if name == "Sorted" {
                    "slices.Sort(out)\n"
                } else {
                    ""
                };
                let src = format!(
                    "package main\nvar _ = func(m {ms}) []{es} {{\nvar out []{es}\n\
                     for {loopv} {{\nout = append(out, k)\n}}\n{sort}return out\n}}(a)\n"
                );
                Some(self.template_call(&src, std::slice::from_ref(m), pos))
            }
            _ => None,
        }
    }
}

impl Checker {
    /// `errors.Is` and `errors.Unwrap`, lowered to Go code that calls the
    /// errors' own `Is` and `Unwrap` methods as Go's do.
    pub(crate) fn errors_walk(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let src = if name == "Unwrap" {
            if args.len() != 1 {
                return Some(err(
                    pos,
                    "wrong number of arguments in call to errors.Unwrap",
                ));
            }
            "package main\nvar _ = func(err error) error {\n\
             if u, ok := err.(interface{ Unwrap() error }); ok {\nreturn u.Unwrap()\n}\n\
             return errors.zzunwrap(err)\n}(a)\n"
                .to_string()
        } else {
            if args.len() != 2 {
                return Some(err(pos, "wrong number of arguments in call to errors.Is"));
            }
            format!(
                "package main\nvar _ = func(err, target error) bool {{\n\
                 if target == nil {{\nreturn err == target\n}}\n{WALK}\
                 if errors.zzis(e, target) {{\nreturn true\n}}\n\
                 if x, ok := e.(interface{{ Is(error) bool }}); ok && x.Is(target) {{\nreturn true\n}}\n\
                 {STEP}}}\nreturn false\n}}(a, b)\n"
            )
        };
        Some(self.template_call(&src, args, pos))
    }
}
