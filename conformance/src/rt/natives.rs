//! Builtins and package functions that need no machine: `print`, `len`,
//! the `fmt` print family, `errors.New`. (`panic`, `recover`, `os.Exit`,
//! `runtime.Goexit` and `runtime.Gosched` act on the goroutine: the machine
//! runs those.)

use super::errors::{self, ErrKind};
use super::format;
use super::value::{Str, Value};
use super::Output;
use crate::ir::Builtin;

fn arg_str(args: &[Value], i: usize) -> String {
    match args.get(i) {
        Some(Value::Str(s)) => s.text().into_owned(),
        _ => String::new(),
    }
}

/// `fmt.Print`'s results: bytes written and a nil error.
fn printed(o: &mut dyn Output, s: String) -> Vec<Value> {
    let n = s.len() as i64;
    o.out(s.as_bytes());
    vec![Value::Int(n), Value::Nil]
}

/// Runs `b` if it is a native; `None` if the machine runs it.
pub fn call(b: &Builtin, args: &[Value], o: &mut dyn Output) -> Option<Vec<Value>> {
    let rest = args.get(1..).unwrap_or(&[]);
    Some(match b {
        Builtin::Print { ln, kinds } => {
            o.err(format::builtin_print(args, kinds, *ln).as_bytes());
            Vec::new()
        }
        Builtin::Len => {
            let n = match args.first() {
                Some(Value::Str(s)) => s.len(),
                _ => 0,
            };
            vec![Value::Int(n as i64)]
        }
        Builtin::FmtPrint => printed(o, format::sprint(args)),
        Builtin::FmtPrintln => printed(o, format::sprintln(args)),
        Builtin::FmtPrintf => printed(o, format::sprintf(&arg_str(args, 0), rest)),
        Builtin::FmtSprint => vec![Value::str(format::sprint(args))],
        Builtin::FmtSprintln => vec![Value::str(format::sprintln(args))],
        Builtin::FmtSprintf => vec![Value::str(format::sprintf(&arg_str(args, 0), rest))],
        Builtin::FmtErrorf => vec![super::pkg::errorf(&arg_str(args, 0), rest)],
        Builtin::ErrorsNew => {
            let text = match args.first() {
                Some(Value::Str(s)) => s.clone(),
                _ => Str::from(""),
            };
            vec![errors::error(ErrKind::New, text)]
        }
        Builtin::Panic
        | Builtin::Recover
        | Builtin::OsExit
        | Builtin::Goexit
        | Builtin::Gosched
        | Builtin::Go(_)
        | Builtin::Pkg(_) => return None,
    })
}
