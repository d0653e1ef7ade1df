//! Builtin functions and the functions of the supported packages.

use std::rc::Rc;

use super::{coerce, num_kind, show};
use crate::ast::{Expr as AExpr, ExprKind};
use crate::checker::{err, Checker};
use crate::ir::{Args, Builtin, Call, Expr, PrintKind, Target};
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::num::NumKind;
use crate::types::Type;

impl Checker {
    pub(crate) fn builtin_call(
        &mut self,
        n: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let none = Type::Tuple(Rc::from(Vec::new()));
        let (b, t, args) = match n {
            "panic" => {
                let [x] = args else {
                    return err(pos, "wrong number of arguments to panic (want 1)");
                };
                let e = self.value_as(x, &Type::Any, "argument to panic")?;
                (Builtin::Panic, none, Args::List(vec![e]))
            }
            "recover" => {
                if !args.is_empty() {
                    return err(pos, "too many arguments for recover()");
                }
                (Builtin::Recover, Type::Any, Args::List(Vec::new()))
            }
            "len" => {
                let [x] = args else {
                    return err(pos, "wrong number of arguments to len (want 1)");
                };
                let (e, t) = self.value(x)?;
                if let Type::Chan(..) = t.underlying() {
                    return Ok(self.chan_len(false, e));
                }
                if t != Type::Str {
                    return err(
                        x.pos,
                        format!(
                            "invalid argument: {} (value of type {}) for built-in len",
                            show(x),
                            t.describe()
                        ),
                    );
                }
                (Builtin::Len, Type::Int, Args::List(vec![e]))
            }
            _ => {
                let (b, a) = self.print_args(n, args)?;
                (b, none, a)
            }
        };
        let call = Call {
            line: 0,
            target: Target::Builtin(b),
            args,
        };
        Ok((Expr::Call(Box::new(call)), t))
    }

    /// `fmt.Printf`, `fmt.Sprintf`, `fmt.Errorf`: a format string, then
    /// any values.
    fn format_call(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Builtin, Type, Args)> {
        let Some((first, rest)) = args.split_first() else {
            return err(pos, format!("not enough arguments in call to fmt.{name}"));
        };
        let (b, t) = match name {
            "Printf" => (
                Builtin::FmtPrintf,
                Type::Tuple(Rc::from(vec![Type::Int, Type::Error])),
            ),
            "Sprintf" => (Builtin::FmtSprintf, Type::Str),
            _ => (Builtin::FmtErrorf, Type::Error),
        };
        // `fmt.Sprintf(f())` with f returning the format and the operands.
        if rest.is_empty() {
            if let ExprKind::Call(..) = &first.kind {
                let (e, ft) = self.expr(first)?;
                if let Type::Tuple(ts) = &ft {
                    if ts.len() >= 2 && ts[0].underlying() == Type::Str {
                        return Ok((b, t, Args::Spread(e)));
                    }
                }
                let (e, ft) = super::single(first, e, ft)?;
                let e = coerce(
                    e,
                    &ft,
                    &Type::Str,
                    first,
                    &format!("argument to fmt.{name}"),
                )?;
                return Ok((b, t, Args::List(vec![e])));
            }
        }
        let mut out = vec![self.value_as(first, &Type::Str, &format!("argument to fmt.{name}"))?];
        for a in rest {
            out.push(self.value_as(a, &Type::Any, "argument")?);
        }
        Ok((b, t, Args::List(out)))
    }

    /// The arguments of `print`/`println` and how each prints; a single
    /// multi-valued call (`println(f())`) prints each of its results.
    fn print_args(&mut self, n: &str, args: &[AExpr]) -> PResult<(Builtin, Args)> {
        let ln = n == "println";
        let mut out = Vec::new();
        let mut kinds = Vec::new();
        for a in args {
            let (e, t) = self.expr(a)?;
            match &t {
                Type::Tuple(ts) if ts.len() >= 2 && args.len() == 1 => {
                    let kinds = ts.iter().map(print_kind).collect();
                    return Ok((Builtin::Print { ln, kinds }, Args::Spread(e)));
                }
                Type::Nil => {
                    let msg = format!("use of untyped nil in argument to built-in {n}");
                    return err(a.pos, msg);
                }
                _ => {}
            }
            let (e, t) = super::single(a, e, t)?;
            let e = super::settle(e, &t, a, &format!("argument to built-in {n}"))?;
            kinds.push(print_kind(&t));
            out.push(e);
        }
        let b = Builtin::Print {
            ln,
            kinds: kinds.into(),
        };
        Ok((b, Args::List(out)))
    }

    pub(crate) fn package_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let none = Type::Tuple(Rc::from(Vec::new()));
        let printed = Type::Tuple(Rc::from(vec![Type::Int, Type::Error]));
        if let Some(r) = self.go_package_call(pkg, name, args, pos) {
            return r;
        }
        if pkg == "context" {
            if let Some(r) = self.context_call(name, args, pos) {
                return r;
            }
        }
        if (pkg, name) == ("fmt", "Sscanf") {
            return self.sscanf(args, pos);
        }
        if pkg == "fmt" {
            if let Some(r) = self.fmt_tuple_call(name, args, pos) {
                return r;
            }
        }
        let (b, t, a) = match (pkg, name) {
            ("fmt", "Println") => (Builtin::FmtPrintln, printed, self.any_args(args)?),
            ("fmt", "Print") => (Builtin::FmtPrint, printed, self.any_args(args)?),
            ("fmt", "Sprint") => (Builtin::FmtSprint, Type::Str, self.any_args(args)?),
            ("fmt", "Sprintln") => (Builtin::FmtSprintln, Type::Str, self.any_args(args)?),
            ("fmt", "Printf" | "Sprintf" | "Errorf") => self.format_call(name, args, pos)?,
            ("errors", "New") => (
                Builtin::ErrorsNew,
                Type::Error,
                self.args(&[Type::Str], args, pos, "errors.New")?,
            ),
            ("os", "Exit") => (
                Builtin::OsExit,
                none,
                self.args(&[Type::Int], args, pos, "os.Exit")?,
            ),
            ("runtime", "Goexit") => (
                Builtin::Goexit,
                none,
                self.args(&[], args, pos, "runtime.Goexit")?,
            ),
            ("runtime", "Gosched") => (
                Builtin::Gosched,
                none,
                self.args(&[], args, pos, "runtime.Gosched")?,
            ),
            _ => {
                if let Some(r) = self.pkg_call(pkg, name, args, pos) {
                    return r;
                }
                if pkg == "fmt" {
                    if let Some(r) = self.fprint(name, args, None, pos) {
                        return r;
                    }
                }
                return Err(SyntaxError::unsupported(
                    pos,
                    &format!("calls of `{pkg}.{name}`"),
                ));
            }
        };
        let a = show_args(&b, a);
        let call = Call {
            line: 0,
            target: Target::Builtin(b),
            args: a,
        };
        Ok((Expr::Call(Box::new(call)), t))
    }
}

/// `fmt`'s operands (after a format string) marked for its `Error` and
/// `String` calls.
fn show_args(b: &Builtin, a: Args) -> Args {
    let skip = match b {
        Builtin::FmtPrint | Builtin::FmtPrintln | Builtin::FmtSprint | Builtin::FmtSprintln => 0,
        Builtin::FmtPrintf | Builtin::FmtSprintf | Builtin::FmtErrorf => 1,
        _ => return a,
    };
    match a {
        Args::List(es) => {
            let verbs = match es.first() {
                Some(Expr::Const(crate::ir::Const::Str(f))) if skip == 1 => {
                    arg_verbs(&String::from_utf8_lossy(f))
                }
                _ => None,
            };
            Args::List(
                es.into_iter()
                    .enumerate()
                    .map(|(i, e)| match e {
                        e @ Expr::Const(_) => e,
                        e if i < skip => e,
                        // Go calls the methods only for `%v %s %q %x %X` (and `%w`)
                        // (`catchPanic` then prints a panic in them).
                        e if verbs
                            .as_ref()
                            .and_then(|v| v.get(i - 1))
                            .is_some_and(|v| !matches!(v, 'v' | 's' | 'q' | 'x' | 'X' | 'w')) =>
                        {
                            e
                        }
                        e => super::typed::show_expr(e),
                    })
                    .collect(),
            )
        }
        a => a,
    }
}

/// The verb that consumes each operand of the constant format `f` (`*`
/// for a width or precision), or `None` when `f` indexes its operands
/// explicitly (`%[2]d`).
fn arg_verbs(f: &str) -> Option<Vec<char>> {
    let mut out = Vec::new();
    let mut cs = f.chars();
    while let Some(c) = cs.next() {
        if c != '%' {
            continue;
        }
        for c in cs.by_ref() {
            match c {
                '[' => return None,
                '*' => out.push('*'),
                '+' | '-' | '#' | ' ' | '0'..='9' | '.' => {}
                '%' => break,
                c => {
                    out.push(c);
                    break;
                }
            }
        }
    }
    Some(out)
}

/// The variables and constants of the four importable packages that Go
/// programs around defer use (`os.Args`, `os.Stderr`, `runtime.GOOS`, ...),
/// so that a selector of one is not called a function value.
pub(super) fn is_package_variable(pkg: &str, name: &str) -> bool {
    match pkg {
        "os" => matches!(
            name,
            "Args"
                | "Stdin"
                | "Stdout"
                | "Stderr"
                | "ErrNotExist"
                | "ErrExist"
                | "ErrPermission"
                | "ErrClosed"
                | "ErrInvalid"
                | "ErrDeadlineExceeded"
                | "ErrProcessDone"
                | "DevNull"
                | "PathSeparator"
                | "PathListSeparator"
        ),
        "runtime" => matches!(name, "GOOS" | "GOARCH" | "Compiler" | "MemProfileRate"),
        "errors" => name == "ErrUnsupported",
        _ => false,
    }
}

/// How `print`/`println` prints a value of type `t`.
fn print_kind(t: &Type) -> PrintKind {
    match t.underlying() {
        _ if t.is_interface() => PrintKind::Iface,
        Type::Slice(_) => PrintKind::Slice,
        Type::Pointer(_) | Type::Chan(..) | Type::Map(..) | Type::Func(_) => PrintKind::Ref,
        Type::Float(32) | Type::Complex(64) => PrintKind::Single,
        _ if matches!(num_kind(t), Some(NumKind::Int(k)) if !k.signed()) => PrintKind::Unsigned,
        _ => PrintKind::Plain,
    }
}
