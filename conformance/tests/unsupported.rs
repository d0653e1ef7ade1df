//! Go outside minigo's subset is named, with its position, and the run ends
//! with exit status 1: `FILE:LINE:COL: CONSTRUCT are not supported by
//! minigo`. Every program here is valid Go (each was checked with
//! `go vet` of Go 1.27.3), so a syntax error would be a wrong answer.
//!
//! Also: Go that is invalid stays a syntax error, and `minigo tiers` names
//! the defer statement that forced a function's defers onto the chain.

use std::path::PathBuf;
use std::process::Command;

use minigo::{run_captured, Options, RunStatus};

/// `(name, program, position and message)`.
const CASES: &[(&str, &str, &str)] = &[
    (
        "line directive naming a file",
        "package main\n\nfunc main() {\n//line other.go:10:1\n\tprintln(1)\n}\n",
        "4:1: line directives naming a file (or, without a column, the empty one) are not supported by minigo",
    ),
    (
        "line directive without a column (the empty file)",
        "package main\n\nfunc main() {\n\tprintln(/*line :7*/ 1)\n}\n",
        "4:10: line directives naming a file (or, without a column, the empty one) are not supported by minigo",
    ),
    (
        "type of another package, named",
        "package main\n\nimport \"runtime\"\n\nfunc main() {\n\tvar m runtime.MemStats\n\truntime.ReadMemStats(&m)\n\tprintln(m.Mallocs >= 0)\n}\n",
        "6:8: types of other packages (`runtime.MemStats`) are not supported by minigo",
    ),
    (
        "assignment to a package variable",
        "package main\n\nimport \"runtime\"\n\nfunc main() {\n\truntime.MemProfileRate = 0\n}\n",
        "6:2: assignments to package variables (`runtime.MemProfileRate`) are not supported by minigo",
    ),
    (
        "package variable",
        "package main\n\nimport \"os\"\n\nfunc main() {\n\tprintln(os.Getpid() > 0, os.PathSeparator)\n}\n",
        "6:12: calls of `os.Getpid` are not supported by minigo",
    ),
    (
        "package function as a value",
        "package main\n\nimport \"os\"\n\nfunc main() {\n\tf := os.Exit\n\tf(0)\n}\n",
        "6:9: package functions as values (`os.Exit`) are not supported by minigo",
    ),
    (
        "import name that the program also declares",
        "package main\n\nimport f \"fmt\"\n\nfunc main() {\n\tf.Println(1)\n\tfor f := range 2 {\n\t\t_ = f\n\t}\n}\n",
        "3:8: import names (`NAME \"path\"`, `_ \"path\"`, `. \"path\"`) are not supported by minigo",
    ),
    (
        "dot import",
        "package main\n\nimport . \"fmt\"\n\nfunc main() {\n\tPrintln(1)\n}\n",
        "3:8: import names (`NAME \"path\"`, `_ \"path\"`, `. \"path\"`) are not supported by minigo",
    ),
    (
        "generic type alias declared in a function",
        "package main\n\nfunc main() {\n\ttype L[T any] = []T\n\tvar l L[int]\n\t_ = l\n}\n",
        "4:2: type aliases are not supported by minigo",
    ),
    (
        "huge slice of zero-size elements",
        "package main\n\nfunc main() {\n\ts := make([]struct{}, 1<<40)\n\tprintln(len(s))\n}\n",
        "4:11: slices of zero-size elements longer than 2147483647 are not supported by minigo",
    ),
    (
        "generic type alias",
        "package main\n\ntype List[T any] = []T\n\nfunc main() {}\n",
        "3:1: generic type aliases are not supported by minigo",
    ),
    (
        "deferred variadic call of a multi-value call",
        "package main\n\nfunc two() (int, int) { return 1, 2 }\n\nfunc sum(xs ...int) int { return len(xs) }\n\nfunc main() {\n\tdefer sum(two())\n}\n",
        "8:15: deferred calls of a variadic function with a multi-value call as arguments are not supported by minigo",
    ),
    (
        "other package",
        "package main\n\nimport \"bufio\"\n\nfunc main() {\n\tprintln(bufio.MaxScanTokenSize)\n}\n",
        "3:8: imports of package `bufio` are not supported by minigo \
         (the supported packages: fmt, os, runtime, runtime/debug, errors, iter, strings, bytes, sort, slices, log, io, math, math/rand, math/cmplx, strconv, unicode, unicode/utf8, sync, sync/atomic, time, maps, cmp, context, container/heap, container/ring, flag)",
    ),
    (
        "function of a supported package",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar n int\n\tfmt.Sscan(\"1\", &n)\n}\n",
        "7:5: calls of `fmt.Sscan` are not supported by minigo",
    ),
];

#[test]
fn go_outside_the_subset_is_named_with_its_position() {
    let mut wrong = Vec::new();
    for (name, src, want) in CASES {
        let r = run_captured("x.go", src, &Options::default());
        let got = String::from_utf8_lossy(&r.stderr).into_owned();
        let want = format!("x.go:{want}\n");
        if got != want || r.status != RunStatus::CompileError || !r.stdout.is_empty() {
            wrong.push(format!(
                "{name}:\n  want {want:?}\n  got  {got:?} ({:?})",
                r.status
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Go's keywords in places where Go does not allow them make invalid
/// programs: each gets a positioned compile error (now that the parser reads
/// all of Go's syntax, a syntax error as Go's, not a refusal), never a panic.
#[test]
fn every_keyword_out_of_place_is_a_positioned_compile_error() {
    let keywords = [
        "chan",
        "map",
        "struct",
        "type",
        "const",
        "go",
        "select",
        "switch",
        "case",
        "default",
        "fallthrough",
        "goto",
        "range",
    ];
    let places = [
        "package main\n\nfunc main() {\n\tx := {KW}\n}\n",
        "package main\n\nfunc main() {\n\tprintln(1, {KW})\n}\n",
        "package main\n\nfunc main() {\n\t{KW} x\n}\n",
        "package main\n\nvar x {KW}\n\nfunc main() {}\n",
        "package main\n\n{KW} x\n\nfunc main() {}\n",
    ];
    let mut wrong = Vec::new();
    for kw in keywords {
        for t in places {
            let src = t.replace("{KW}", kw);
            let r = run_captured("x.go", &src, &Options::default());
            let got = String::from_utf8_lossy(&r.stderr).into_owned();
            let positioned = got
                .strip_prefix("x.go:")
                .and_then(|rest| rest.split_once(": "))
                .is_some_and(|(lc, _)| {
                    lc.split(':').count() == 2 && lc.split(':').all(|n| n.parse::<u32>().is_ok())
                });
            if !positioned || r.status != RunStatus::CompileError || got.lines().count() != 1 {
                wrong.push(format!("{kw} in {src:?}: got {got:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Invalid Go is still a syntax error: the rule only names constructs.
#[test]
fn invalid_go_stays_a_syntax_error() {
    for (src, want) in [
        (
            "package main\n\nfunc main() {\n\telse {}\n}\n",
            "x.go:4:2: syntax error: unexpected keyword else, expected expression\n",
        ),
        (
            "package main\n\nfunc main() {\n\tx := 1 +\n}\n",
            "x.go:5:1: syntax error: unexpected }, expected expression\n",
        ),
        (
            // Found by the mutation test: a type that contains itself by
            // value (the checker recursed without end).
            "package main\n\ntype N struct {\n\tv int\n\tn N\n}\n\nfunc main() {}\n",
            "x.go:3:6: invalid recursive type N\n",
        ),
        (
            // Malformed line directives: gc's errors.
            "package main\n\nfunc main() {\n//line :0:7\n}\n",
            "x.go:4:9: invalid line number: 0\n",
        ),
        (
            "package main\n\nfunc main() {\n//line :a\n}\n",
            "x.go:4:9: invalid line number: a\n",
        ),
    ] {
        let r = run_captured("x.go", src, &Options::default());
        assert_eq!(String::from_utf8_lossy(&r.stderr), want);
        assert_eq!(r.status, RunStatus::CompileError);
    }
}

/// `const` declarations are checked (they run since the front end of issue
/// 9); their compile errors are Go's, checked with `go vet` of Go 1.27.3.
#[test]
fn const_errors_are_gos() {
    for (src, want) in [
        (
            "package main\n\nconst n = 3\n\nfunc main() {\n\tn = 4\n}\n",
            "x.go:6:2: cannot assign to n (neither addressable nor a map index expression)\n",
        ),
        (
            "package main\n\nfunc main() {\n\tx := 1\n\tconst c = x\n}\n",
            "x.go:5:12: x (variable of type int) is not constant\n",
        ),
        (
            "package main\n\nfunc main() {\n\tconst (\n\t\ta, b = 1\n\t)\n}\n",
            "x.go:5:6: missing init expr for b\n",
        ),
        (
            "package main\n\nfunc main() {\n\tprintln(iota)\n}\n",
            "x.go:4:10: cannot use iota outside constant declaration\n",
        ),
    ] {
        let r = run_captured("x.go", src, &Options::default());
        assert_eq!(String::from_utf8_lossy(&r.stderr), want);
        assert_eq!(r.status, RunStatus::CompileError);
    }
}

/// Untyped float constants are exact and rounded only when typed; their
/// errors (overflow, truncation, division by zero), with defer statements
/// around them, are Go's, checked with `go vet` of Go 1.27.3.
#[test]
fn untyped_float_const_errors_are_gos() {
    for (src, want) in [
        (
            "package main\n\nfunc main() {\n\tvar f float64 = 1e400\n}\n",
            "x.go:4:18: cannot use 1e400 (untyped float constant 1e+400) as float64 value in variable declaration (overflows)\n",
        ),
        (
            "package main\n\nfunc main() {\n\tconst c = 1.5\n\tvar i int = c\n}\n",
            "x.go:5:14: cannot use c (untyped float constant 1.5) as int value in variable declaration (truncated)\n",
        ),
        (
            "package main\n\nfunc main() {\n\tdefer println(int(1.5))\n}\n",
            "x.go:4:20: cannot convert 1.5 (untyped float constant) to type int\n",
        ),
        (
            "package main\n\nfunc main() {\n\tn := 3\n\tdefer println(n * 1.5)\n}\n",
            "x.go:5:20: 1.5 (untyped float constant) truncated to int\n",
        ),
        (
            "package main\n\nfunc main() {\n\tvar f float32 = 1e39\n}\n",
            "x.go:4:18: cannot use 1e39 (untyped float constant 1e+39) as float32 value in variable declaration (overflows)\n",
        ),
        (
            "package main\n\nfunc main() {\n\tvar u uint8 = 256.0\n}\n",
            "x.go:4:16: cannot use 256.0 (untyped float constant 256) as uint8 value in variable declaration (truncated)\n",
        ),
        (
            "package main\n\nfunc main() {\n\tdefer println(1 / 0.0)\n}\n",
            "x.go:4:20: invalid operation: division by zero\n",
        ),
        (
            "package main\n\nfunc main() {\n\tvar u uint8 = 3\n\tprintln(u + 255.5)\n}\n",
            "x.go:5:14: 255.5 (untyped float constant) truncated to uint8\n",
        ),
    ] {
        let r = run_captured("x.go", src, &Options::default());
        assert_eq!(String::from_utf8_lossy(&r.stderr), want, "{src}");
        assert_eq!(r.status, RunStatus::CompileError);
    }
}

/// Complex numbers' compile errors are Go's, checked with `go vet` of Go
/// 1.27.3: a complex constant becomes a real value only with a zero
/// imaginary part, complex numbers are not ordered, `%`, `^` and
/// conversions between complex and real values are refused, as are
/// `complex`, `real` and `imag` of the wrong types.
#[test]
fn complex_errors_are_gos() {
    let main = |body: &str| format!("package main\n\nfunc main() {{\n\t{body}\n}}\n");
    for (body, want) in [
        (
            "var i int = 1 + 2i; _ = i",
            "x.go:4:14: cannot use 1 + 2i (untyped complex constant (1 + 2i)) as int value in variable declaration (truncated)",
        ),
        (
            "const b = 1i < 2i; _ = b",
            "x.go:4:12: invalid operation: 1i < 2i (operator < not defined on untyped complex)",
        ),
        (
            "var c complex128; _ = c < c",
            "x.go:4:24: invalid operation: c < c (operator < not defined on complex128)",
        ),
        (
            "var c complex128; _ = float64(c)",
            "x.go:4:32: cannot convert c (variable of type complex128) to type float64",
        ),
        (
            "var f float64; _ = complex128(f)",
            "x.go:4:32: cannot convert f (variable of type float64) to type complex128",
        ),
        (
            "const c = 1i / 0; _ = c",
            "x.go:4:17: invalid operation: division by zero",
        ),
        (
            "var f float32; var g float64; _ = complex(f, g)",
            "x.go:4:44: invalid operation: complex(f, g) (mismatched types float32 and float64)",
        ),
        (
            "var i int; _ = complex(i, i)",
            "x.go:4:25: invalid argument: arguments have type int, expected floating-point",
        ),
        (
            "var i int; _ = real(i)",
            "x.go:4:22: invalid argument: argument has type int, expected complex type",
        ),
        (
            "var c complex128; _ = c % c",
            "x.go:4:24: invalid operation: operator % not defined on c (variable of type complex128)",
        ),
        (
            "var c complex128; _ = ^c",
            "x.go:4:25: invalid operation: operator ^ not defined on c (variable of type complex128)",
        ),
        (
            "println(int(1+2i))",
            "x.go:4:14: cannot convert 1 + 2i (untyped complex constant (1 + 2i)) to type int",
        ),
        (
            "var c complex64 = 1e300i; _ = c",
            "x.go:4:20: cannot use 1e300i (untyped complex constant (0 + 1e+300i)) as complex64 value in variable declaration (overflows)",
        ),
        (
            "const c complex64 = 1e38; const d = c * 10; _ = d",
            "x.go:4:38: c * 10 (constant (1e+39 + 0i) of type complex64) overflows complex64",
        ),
        (
            "const f float64 = 1e308; println(f + f)",
            "x.go:4:35: f + f (constant 2e+308 of type float64) overflows float64",
        ),
        (
            "const c complex128 = 1e308i; println(c * 10i)",
            "x.go:4:39: c * 10i (constant (-1e+309 + 0i) of type complex128) overflows complex128",
        ),
        (
            "var f float64 = 1+2i; _ = f",
            "x.go:4:18: cannot use 1 + 2i (untyped complex constant (1 + 2i)) as float64 value in variable declaration (overflows)",
        ),
        (
            "var f float32 = 1; var c complex128 = complex(f, 2); _ = c",
            "x.go:4:40: cannot use complex(f, 2) (value of type complex64) as complex128 value in variable declaration",
        ),
        (
            "var c complex64 = 1 + 1i; var d complex128 = c; _ = d",
            "x.go:4:47: cannot use c (variable of type complex64) as complex128 value in variable declaration",
        ),
        (
            "var c complex128; var f float64; _ = c + f",
            "x.go:4:39: invalid operation: c + f (mismatched types complex128 and float64)",
        ),
    ] {
        let src = main(body);
        let r = run_captured("x.go", &src, &Options::default());
        assert_eq!(String::from_utf8_lossy(&r.stderr), format!("{want}\n"), "{src}");
        assert_eq!(r.status, RunStatus::CompileError);
    }
}

fn write_temp(name: &str, src: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("unsupported");
    std::fs::create_dir_all(&dir).expect("create the temp dir");
    let path = dir.join(name);
    std::fs::write(&path, src).expect("write the program");
    path
}

#[test]
fn the_binary_exits_with_status_1_and_names_the_construct() {
    let (_, src, want) = CASES
        .iter()
        .find(|c| c.0 == "other package")
        .copied()
        .unwrap_or_default();
    let path = write_temp("pkg.go", src);
    let out = Command::new(env!("CARGO_BIN_EXE_minigo"))
        .arg("run")
        .arg(&path)
        .output()
        .expect("run minigo");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("{}:{want}\n", path.display())
    );
}

#[test]
fn tiers_names_the_defer_in_a_loop_that_forced_the_chain() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc loop() {\n\tdefer fmt.Println(\"before\")\n\
               \tfor i := 0; i < 2; i++ {\n\t\tdefer fmt.Println(i)\n\t}\n\
               \tdefer fmt.Println(\"after\")\n}\n\nfunc main() {\n\tloop()\n}\n";
    let got = minigo::tiers("x.go", src, true).expect("compiles");
    assert_eq!(
        got,
        "x.go:6:2: main.loop: defer #0: chain (the function has a defer statement in a loop at 8:3)\n\
         x.go:8:3: main.loop: defer #1: chain (this defer statement is in a loop)\n\
         x.go:10:2: main.loop: defer #2: chain (the function has a defer statement in a loop at 8:3)\n"
    );
    // Through the binary too.
    let path = write_temp("loop.go", src);
    let out = Command::new(env!("CARGO_BIN_EXE_minigo"))
        .arg("tiers")
        .arg(&path)
        .output()
        .expect("run minigo tiers");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(":6:2: main.loop: defer #0: chain (the function has a defer statement in a loop at 8:3)\n"),
        "{text}"
    );
}

#[test]
fn tiers_names_the_other_reasons_with_their_counts() {
    let nine: String = (0..9).map(|i| format!("\tdefer println({i})\n")).collect();
    let src = format!("package main\n\nfunc main() {{\n{nine}}}\n");
    let got = minigo::tiers("x.go", &src, true).expect("compiles");
    assert!(
        got.lines()
            .all(|l| l.ends_with("chain (the function has 9 defer statements, more than 8)")),
        "{got}"
    );
    let mut body = String::from("\tx := 0\n");
    for i in 0..4 {
        body.push_str(&format!("\tdefer println({i})\n"));
    }
    for i in 0..4 {
        body.push_str(&format!("\tif x == {i} {{\n\t\treturn\n\t}}\n"));
    }
    body.push_str("\tx++\n");
    let src = format!("package main\n\nfunc f() {{\n{body}}}\n\nfunc main() {{\n\tf()\n}}\n");
    let got = minigo::tiers("x.go", &src, true).expect("compiles");
    assert!(
        got.lines().all(|l| l
            .ends_with("chain (the function has 4 return statements x 4 defer statements > 15)")),
        "{got}"
    );
}
