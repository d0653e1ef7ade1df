//! Prints programs of the tiny language as one Go file: `progN()` is the
//! N-th program's `main` body, and `main` runs the program named by its
//! first argument (so one `go build` serves many programs).

use super::{Func, Stmt, Val, STRS};
use core::fmt::Write;

/// A Go file holding `progs` as `prog0`, `prog1`, ...
pub fn program(progs: &[&Func]) -> String {
    let mut s = String::from(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"runtime\"\n)\n\n\
         var _ = fmt.Println\nvar _ = runtime.Goexit\n\n\
         func main() {\n\tswitch os.Args[len(os.Args)-1] {\n",
    );
    for i in 0..progs.len() {
        let _ = writeln!(s, "\tcase \"{i}\":\n\t\tprog{i}()");
    }
    s.push_str("\tdefault:\n\t\tprog0()\n\t}\n}\n");
    for (i, p) in progs.iter().enumerate() {
        let _ = writeln!(s, "\n// kind {:?}\nfunc prog{i}() {{", p.kind);
        body(&mut s, &p.body, 1);
        s.push_str("}\n");
    }
    s
}

fn lit(v: Val) -> String {
    match v {
        Val::Int(n) => n.to_string(),
        Val::Str(i) => format!("{:?}", STRS[i as usize % STRS.len()]),
        Val::Nil => "nil".into(),
        // Not written by programs; the runtime makes them.
        Val::NilErr | Val::NilDeref => unreachable!("not a constant"),
    }
}

fn body(s: &mut String, stmts: &[Stmt], ind: usize) {
    let t = "\t".repeat(ind);
    for st in stmts {
        match st {
            Stmt::Print(id) => {
                let _ = writeln!(s, "{t}fmt.Println(\"p\", {id})");
            }
            Stmt::Call(f) => {
                let _ = writeln!(s, "{t}func() {{ // {:?}", f.kind);
                body(s, &f.body, ind + 1);
                let _ = writeln!(s, "{t}}}()");
                let _ = writeln!(s, "{t}fmt.Println(\"ret\", {})", f.id);
            }
            Stmt::Defer(f) => {
                let c = if f.chain { " chain" } else { "" };
                let _ = writeln!(s, "{t}defer func() {{ // {:?}{c}", f.kind);
                body(s, &f.body, ind + 1);
                let _ = writeln!(s, "{t}}}()");
            }
            Stmt::DeferNil => {
                let _ = writeln!(s, "{t}{{\n{t}\tvar nf func()\n{t}\tdefer nf()\n{t}}}");
            }
            Stmt::Panic(v) => {
                let _ = writeln!(s, "{t}panic({})", lit(*v));
            }
            Stmt::Recover(id) => {
                let _ = writeln!(
                    s,
                    "{t}{{\n{t}\tr := recover()\n{t}\tfmt.Println(\"r\", {id}, r)\n{t}}}"
                );
            }
            Stmt::Repanic(id) => {
                let _ = writeln!(
                    s,
                    "{t}{{\n{t}\tr := recover()\n{t}\tfmt.Println(\"r\", {id}, r)\n{t}\tpanic(r)\n{t}}}"
                );
            }
            Stmt::RecoverRepanic(id) => {
                let _ = writeln!(
                    s,
                    "{t}{{\n{t}\tr := recover()\n{t}\tfmt.Println(\"r\", {id}, r)\n{t}\tif r != nil {{\n{t}\t\tpanic(r)\n{t}\t}}\n{t}}}"
                );
            }
            Stmt::Goexit => {
                let _ = writeln!(s, "{t}runtime.Goexit()");
            }
            Stmt::Loop(n, b) => {
                let _ = writeln!(s, "{t}for i := 0; i < {n}; i++ {{");
                body(s, b, ind + 1);
                let _ = writeln!(s, "{t}}}");
            }
            Stmt::NilCall => {
                let _ = writeln!(s, "{t}{{\n{t}\tvar nf func()\n{t}\tnf()\n{t}}}");
            }
        }
    }
}
