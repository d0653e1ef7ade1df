//! Untyped integer constants are exact to Go's 512 bits, and whole float
//! constants shift like integers; the compile errors around them are Go's
//! (each message and position checked with `go vet` of Go 1.27.3, a
//! deferred call in front so that the error is the checker's, not the
//! run's).

use minigo::{run_captured, Options, RunStatus};

/// `(statement in main after a defer, Go's error)`.
const CASES: &[(&str, &str)] = &[
    ("const c = 1 << 512", "5:14: constant shift overflow"),
    ("const c = (1 << 511) * 4", "5:23: constant multiplication overflow"),
    ("const c = -(1<<511) - (1<<511) - 1", "5:22: constant subtraction overflow"),
    ("const c = (1<<511) + (1<<511)", "5:21: constant addition overflow"),
    ("const c = ^(1<<512 - 1)", "5:15: constant shift overflow"),
    ("const c = 1e400 >> 2", "5:18: constant overflow"),
    ("const c = (1 << 511) ^ -(1 << 511) * 2", "5:37: constant multiplication overflow"),
    (
        "const c = 1 << 2000",
        "5:17: invalid operation: invalid shift count 2000 (untyped int constant)",
    ),
    (
        "const c = 1 << -1",
        "5:17: invalid operation: negative shift count -1 (untyped int constant)",
    ),
    (
        "const c = 1.5 << 2",
        "5:12: invalid operation: shifted operand 1.5 (untyped float constant) must be integer",
    ),
    (
        "var s uint = 2; println(1.5 << s)",
        "5:26: invalid operation: shifted operand 1.5 (untyped float constant) must be integer",
    ),
    (
        "x := 1 << 64; println(x)",
        "5:7: cannot use 1 << 64 (untyped int constant 18446744073709551616) as int value in assignment (overflows)",
    ),
    (
        "println(1 << 100)",
        "5:10: cannot use 1 << 100 (untyped int constant 1267650600228229401496703205376) as int value in argument to built-in println (overflows)",
    ),
    (
        "var u uint64 = 1 << 64; println(u)",
        "5:17: cannot use 1 << 64 (untyped int constant 18446744073709551616) as uint64 value in variable declaration (overflows)",
    ),
    (
        "var f float32 = 1 << 200; println(f)",
        "5:18: cannot use 1 << 200 (untyped int constant 1606938044258990275541962092341162602522202993782792835301376) as float32 value in variable declaration (overflows)",
    ),
    (
        "x := 5; println(x+1<<70)",
        "5:20: 1 << 70 (untyped int constant 1180591620717411303424) overflows int",
    ),
];

#[test]
fn big_constant_errors_are_gos() {
    for (stmt, want) in CASES {
        let src = format!(
            "package main\n\nfunc main() {{\n\tdefer println(\"deferred\")\n\t{stmt}\n}}\n"
        );
        let r = run_captured("x.go", &src, &Options::default());
        assert_eq!(
            String::from_utf8_lossy(&r.stderr),
            format!("x.go:{want}\n"),
            "{stmt}"
        );
        assert_eq!(r.status, RunStatus::CompileError, "{stmt}");
        assert!(r.stdout.is_empty(), "{stmt}");
    }
}

#[test]
fn constants_beyond_int64_fold_exactly() {
    let src = "package main\n\nconst huge = 1 << 400\n\nfunc main() {\n\
               \tdefer println(huge>>398, -huge>>399, (huge+7)%10, 1e100>>1000, 1e100>>300)\n\
               \tconst f float64 = huge >> 380\n\tprintln(f, uint64(1<<64-1), ^(huge-1)>>399)\n}\n";
    let r = run_captured("x.go", src, &Options::default());
    assert!(r.stdout.is_empty());
    // Go 1.27.3 prints these (the builtin println writes to stderr).
    assert_eq!(
        String::from_utf8_lossy(&r.stderr),
        "1.048576e+06 18446744073709551615 -2\n4 -2 3 0 4909093465\n"
    );
}
