//! Types of the supported packages written in Go and compiled with the
//! program: `strings.Builder` (its methods are ordinary methods of the
//! program, on a type named `strings.Builder`), and `fmt.Fprint*` to a
//! writer, lowered to its `Write` method.

use std::rc::Rc;

use super::{err, Binding, Checker};
use crate::ast::{self, Decl, Expr as AExpr, ExprKind, TypeExpr};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// `strings.Builder` in Go. (gc's copies its bytes on growth as `append`
/// does; it has no `buf` field, but nothing outside its methods sees it.)
const STRINGS: &str = "package main
type Builder struct {
	buf []byte
}
func (b *Builder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}
func (b *Builder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}
func (b *Builder) WriteRune(r rune) (int, error) {
	s := string(r)
	b.buf = append(b.buf, s...)
	return len(s), nil
}
func (b *Builder) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}
func (b *Builder) String() string {
	return string(b.buf)
}
func (b *Builder) Len() int {
	return len(b.buf)
}
func (b *Builder) Cap() int {
	return cap(b.buf)
}
func (b *Builder) Reset() {
	b.buf = nil
}
func (b *Builder) Grow(n int) {
	if n < 0 {
		panic(\"strings.Builder.Grow: negative count\")
	}
	if cap(b.buf)-len(b.buf) < n {
		buf := make([]byte, len(b.buf), 2*cap(b.buf)+n)
		copy(buf, b.buf)
		b.buf = buf
	}
}
";

impl Checker {
    /// The program's declarations with the preludes' methods added (of
    /// each package it imports that has one: `strings.Builder`, the types
    /// of checker/prelude_time.rs); declares their types, named
    /// `pkg.T`.
    pub(super) fn with_prelude(&mut self, file: &ast::File) -> PResult<Option<ast::File>> {
        // The preludes' functions; the program's declarations are copied
        // only when there are some (`fmt`'s prelude is one interface type).
        let mut decls = Vec::new();
        let preludes = [
            ("strings", STRINGS),
            ("time", super::prelude_time::TIME),
            ("strconv", super::pkg_strconv::STRCONV),
            ("strings", super::prelude_types::STRINGS_REPLACER),
            ("strings.Reader", super::pkg_bufio::STRINGS_READER),
            ("bytes", super::pkg_bufio::BYTES_BUFFER),
            ("fmt", super::prelude_types::FMT),
            ("io", super::prelude_types::IO),
            ("io", super::pkg_bufio::IO_FUNCS),
            ("os", super::pkg_os::OS),
            ("filepath", super::pkg_os::FILEPATH),
            ("bufio", super::pkg_bufio::BUFIO),
            ("sort", super::prelude_types::SORT),
            ("runtime", super::prelude_types::RUNTIME),
            ("context", super::pkg_context::CONTEXT),
            ("heap", super::prelude_types::HEAP),
            ("ring", super::prelude_types::RING),
        ];
        for (label, src) in preludes {
            // `pkg.T`: one of several preludes of `pkg`.
            let pkg = label.split('.').next().unwrap_or(label);
            if !self.imports.contains_key(pkg) || self.unnamed_preludes.contains(&label) {
                continue;
            }
            self.not_using_imports(|c| c.add_prelude(pkg, src, &mut decls))?;
        }
        if decls.is_empty() {
            return Ok(None);
        }
        Ok(Some(ast::File {
            imports: file.imports.clone(),
            decls: file.decls.iter().cloned().chain(decls).collect(),
        }))
    }

    /// Declares the types of one package's prelude `src` and adds its
    /// methods (their receivers made `pkg.T`) to `decls`.
    fn add_prelude(&mut self, pkg: &str, src: &str, decls: &mut Vec<Decl>) -> PResult<()> {
        let prelude = crate::parser::parse_snippet(src)?;
        let mut named = Vec::new();
        for d in &prelude.decls {
            if let Decl::Type(t) = d {
                // `fs__PathError`: Go's `fs.PathError`, reached as
                // `os.PathError`.
                let (full, short) = match t.name.0.split_once("__") {
                    Some((p, n)) => (format!("{p}.{n}"), n),
                    None => (format!("{pkg}.{}", t.name.0), &*t.name.0),
                };
                let n = self.new_named(&full);
                self.pkg_types
                    .insert(format!("{pkg}.{short}"), Type::Named(n.clone()));
                self.pkg_types.insert(full, Type::Named(n.clone()));
                named.push((n, t.ty.clone()));
            }
        }
        for (n, ty) in named {
            let u = self.type_expr(&ty)?;
            *n.underlying.borrow_mut() = u.underlying();
            if &*n.full == "strings.Builder" {
                self.strings_builder = Some(Type::Named(n));
            }
        }
        for d in prelude.decls {
            if let Decl::Func(mut f) = d {
                if let Some(r) = &mut f.recv {
                    r.ty = qualify(pkg, &r.ty);
                }
                for p in f.sig.params.iter_mut().chain(f.sig.results.iter_mut()) {
                    p.ty = unmarked(&p.ty);
                }
                decls.push(Decl::Func(f));
            }
        }
        Ok(())
    }

    /// A type of a package's prelude (`time.Timer`) named at `pos`,
    /// marking the import used unless the prelude itself names it (at
    /// [`PRELUDE_POS`]).
    pub(crate) fn prelude_type(&mut self, pkg: &str, name: &str, pos: Pos) -> Option<Type> {
        let t = self.pkg_types.get(&format!("{pkg}.{name}"))?.clone();
        if pos != PRELUDE_POS {
            if let Some(i) = self.imports.get_mut(pkg) {
                i.used = true;
            }
        }
        Some(t)
    }

    /// `strings.Builder` (marks the import used).
    pub(crate) fn builder_type(&mut self) -> Option<Type> {
        let t = self.strings_builder.clone()?;
        if let Some(i) = self.imports.get_mut("strings") {
            i.used = true;
        }
        Some(t)
    }

    /// `fmt.Println(g())` and the other print functions of `...any` with a
    /// multi-valued `g` whose results are not all of basic types: a Go
    /// function literal taking the results (types spelled) and passing
    /// them on, so each operand is boxed with its type and shown by its
    /// `String`/`Error` method as any operand is; `None` otherwise.
    pub(crate) fn fmt_tuple_call(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(crate::ir::Expr, Type)>> {
        let ret = match name {
            "Println" | "Print" => "(int, error)",
            "Sprint" | "Sprintln" => "string",
            _ => return None,
        };
        let [one] = args else { return None };
        let ExprKind::Call(callee, ..) = &super::expr::unparen(one).kind else {
            return None;
        };
        // A call of a declared function with fewer than two results is the
        // common case: known without checking the argument twice.
        if let ExprKind::Ident(n) = &super::expr::unparen(callee).kind {
            if let Some(Binding::Func { ty, .. }) = self.lookup(n) {
                if ty.results.len() < 2 {
                    return None;
                }
            }
        }
        let ts = match self.expr(one) {
            Ok((_, Type::Tuple(ts))) if ts.len() >= 2 => ts,
            Ok(_) => return None,
            Err(e) => return Some(Err(e)),
        };
        let basic = |t: &Type| {
            matches!(
                t,
                Type::Int | Type::Str | Type::Bool | Type::Float(64) | Type::Error | Type::Any
            )
        };
        if ts.iter().all(basic) {
            return None;
        }
        let mut params = Vec::new();
        for (i, t) in ts.iter().enumerate() {
            params.push(format!("a{i} {}", super::pkg_values::spell(t)?));
        }
        let names: Vec<String> = (0..ts.len()).map(|i| format!("a{i}")).collect();
        let src = format!(
            "package main\nvar _ = func({}) {ret} {{\nreturn fmt.{name}({})\n}}(a)\n",
            params.join(", "),
            names.join(", ")
        );
        Some(if ret == "string" {
            self.template_call(&src, args, pos)
        } else {
            self.template_tuple_call(&src, args, pos)
        })
    }

    /// `fmt.Fprint(w, ...)`, `Fprintln`, `Fprintf`: to `os.Stdout` as
    /// `fmt.Print*`, to `os.Stderr` natively, else `w.Write([]byte(
    /// fmt.Sprint*(...)))`; `None` for other names.
    pub(crate) fn fprint(
        &mut self,
        name: &str,
        args: &[AExpr],
        spread: Option<Pos>,
        pos: Pos,
    ) -> Option<PResult<(crate::ir::Expr, Type)>> {
        let base = match name {
            "Fprint" => "Print",
            "Fprintln" => "Println",
            "Fprintf" => "Printf",
            _ => return None,
        };
        Some((|| {
            let Some((w, rest)) = args.split_first() else {
                return err(pos, format!("not enough arguments in call to fmt.{name}"));
            };
            let sel = |x: AExpr, n: &str| AExpr {
                pos,
                kind: ExprKind::Selector(Box::new(x), n.into(), pos),
            };
            let ident = |n: &str| AExpr {
                pos,
                kind: ExprKind::Ident(n.into()),
            };
            let call = |f: AExpr, a: Vec<AExpr>, dots: Option<Pos>| AExpr {
                pos,
                kind: ExprKind::Call(Box::new(f), a, dots),
            };
            if let Some(stream) = std_stream(w).filter(|_| self.lookup("os").is_none()) {
                if let Some(i) = self.imports.get_mut("os") {
                    i.used = true;
                }
                if stream == "Stdout" {
                    return self.expr(&call(sel(ident("fmt"), base), rest.to_vec(), spread));
                }
                let printed = call(
                    sel(ident("fmt"), &format!("S{}", base.to_lowercase())),
                    rest.to_vec(),
                    spread,
                );
                let (e, _) = self.value(&printed)?;
                return Ok((
                    self.stderr_write(e),
                    Type::Tuple(Rc::from(vec![Type::Int, Type::Error])),
                ));
            }
            let sprint = call(
                sel(ident("fmt"), &format!("S{}", base.to_lowercase())),
                rest.to_vec(),
                spread,
            );
            let bytes = call(
                AExpr {
                    pos,
                    kind: ExprKind::Type(TypeExpr::Slice(
                        Box::new(TypeExpr::Name("byte".into(), pos)),
                        pos,
                    )),
                },
                vec![sprint],
                None,
            );
            self.expr(&call(sel(w.clone(), "Write"), vec![bytes], None))
        })())
    }

    /// Writes the string `e` to stderr: `(n, nil)`.
    fn stderr_write(&mut self, e: crate::ir::Expr) -> crate::ir::Expr {
        crate::ir::Expr::Call(Box::new(crate::ir::Call {
            line: 0,
            target: crate::ir::Target::Builtin(crate::ir::Builtin::Pkg(
                crate::ir::PkgFn::StderrWrite,
            )),
            args: crate::ir::Args::List(vec![e]),
        }))
    }
}

/// The preludes that a program reaches only by naming their one type:
/// `fmt.Stringer` (the checker's own `fmt_stringer` serves `fmt.Stringer`
/// as a type; the prelude's declaration makes `fmt.Stringer(x)` a
/// conversion) and `*runtime.PanicNilError` (the run time's value of
/// `recover()` after `panic(nil)` is its own error value, asserted by the
/// type's name). Other preludes' types are reached without being named
/// (`time.Since` returns a `time.Duration`, `strconv.Atoi` a
/// `*strconv.NumError`), so they stay.
/// (`runtime`'s `Func` and `Frames` are reached through the functions
/// that return them, named here instead.)
/// `os`'s files, `io`'s interfaces and functions and `bytes.Buffer` are
/// compiled only for a program that names one of them (most programs
/// import `os` for `os.Exit`; the file prelude is about ten times the
/// start-up work of a small program).
const NAMED_ONLY: &[(&str, &[&str])] = &[
    ("fmt", &["Stringer"]),
    ("runtime", &["PanicNilError", "FuncForPC", "CallersFrames"]),
    (
        "os",
        &[
            "File",
            "Create",
            "Open",
            "Remove",
            "Mkdir",
            "Temp",
            "Stat",
            "IsNotExist",
            "IsExist",
            "IsPermission",
            "PathError",
            "FileInfo",
            "FileMode",
            "Mode",
            "Stdout",
            "Stderr",
            "Stdin",
        ],
    ),
    (
        "io",
        &[
            "Reader",
            "Writer",
            "Closer",
            "ReadAll",
            "Copy",
            "WriteString",
        ],
    ),
    ("bytes", &["Buffer"]),
    ("strings.Reader", &["NewReader"]),
    // Not a prelude: the hidden error variables (checker/pkg_os.rs), which
    // a program names as `io.EOF`, `os.ErrNotExist`, `bufio.ErrTooLong`.
    ("errvars", &["EOF", "Err"]),
];

/// The packages of [`NAMED_ONLY`] whose types `src` never spells (a
/// package `file` does not import counts without scanning `src`: its
/// prelude is skipped either way).
/// A label `pkg.T` stands for one prelude of `pkg`; `errvars` is never
/// an import.
pub(super) fn unnamed_in(file: &crate::ast::File, src: &str) -> Vec<&'static str> {
    NAMED_ONLY
        .iter()
        .filter(|(label, names)| {
            let pkg = label.split('.').next().unwrap_or(label);
            let imported = *label == "errvars" || file.imports.iter().any(|i| &*i.path == pkg);
            !imported || !names.iter().any(|n| src.contains(n))
        })
        .map(|&(pkg, _)| pkg)
        .collect()
}

/// Where the preludes' own mentions of their packages' types are: such a
/// mention does not count as a use of the package's import (Go's
/// "imported and not used" must see the program's uses only).
pub(crate) const PRELUDE_POS: Pos = Pos { line: 0, col: 0 };

/// A prelude method's receiver type `T` or `*T` as `pkg.T` or `*pkg.T`
/// (at [`PRELUDE_POS`]).
fn qualify(pkg: &str, t: &TypeExpr) -> TypeExpr {
    match t {
        TypeExpr::Name(n, _) => TypeExpr::Qualified(pkg.into(), n.clone(), PRELUDE_POS),
        TypeExpr::Pointer(e, p) => TypeExpr::Pointer(Box::new(qualify(pkg, e)), *p),
        t => t.clone(),
    }
}

/// A prelude's parameter type, its package types moved to [`PRELUDE_POS`].
fn unmarked(t: &TypeExpr) -> TypeExpr {
    match t {
        TypeExpr::Qualified(p, n, _) => TypeExpr::Qualified(p.clone(), n.clone(), PRELUDE_POS),
        TypeExpr::Pointer(e, p) => TypeExpr::Pointer(Box::new(unmarked(e)), *p),
        t => t.clone(),
    }
}

/// `os.Stdout` or `os.Stderr`, written as such.
fn std_stream(w: &AExpr) -> Option<&'static str> {
    let ExprKind::Selector(p, n, _) = &w.kind else {
        return None;
    };
    let ExprKind::Ident(pkg) = &p.kind else {
        return None;
    };
    if &**pkg != "os" {
        return None;
    }
    match &**n {
        "Stdout" => Some("Stdout"),
        "Stderr" => Some("Stderr"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::{check, check_source};

    fn funcs(src: &str) -> (usize, usize) {
        let file = crate::parser::parse(src).expect("parses");
        let all = check(&file).expect("checks").funcs.len();
        let used = check_source(&file, src).expect("checks").funcs.len();
        (all, used)
    }

    /// A prelude whose type the source names is compiled; one it never
    /// names is left out.
    #[test]
    fn named_only_preludes_are_compiled_when_named() {
        let plain = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n\
            func main() {\n\tdefer func() { fmt.Println(recover()) }()\n\truntime.Goexit()\n}\n";
        let (all, used) = funcs(plain);
        // runtime's prelude: PanicNilError's two methods, Func.Name and
        // Frames.Next.
        assert_eq!(used, all - 4);
        let named = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n\
            func main() {\n\tdefer func() {\n\t\t_, ok := recover().(*runtime.PanicNilError)\n\
            \t\tfmt.Println(ok)\n\t}()\n\tpanic(nil)\n}\n";
        let (all, used) = funcs(named);
        assert_eq!(used, all);
        // A conversion to `fmt.Stringer` needs the type as fmt's prelude
        // declares it.
        let conv = "package main\n\nimport \"fmt\"\n\ntype T int\n\n\
            func (T) String() string { return \"t\" }\n\n\
            func main() { fmt.Println(fmt.Stringer(T(1)).String()) }\n";
        let file = crate::parser::parse(conv).expect("parses");
        assert!(check_source(&file, conv).is_ok());
    }
}
