//! A file's language version from its `//go:build` line (`src/buildtag.rs`):
//! the features of later versions are gc's compile errors, each message and
//! position as Go 1.27.3's `go build` prints it in a `go 1.27` module
//! (checked when written). The programs that run are corpus cases
//! 1060-1063 (loop variables per loop below go1.22).

use minigo::{run_captured, Options, RunStatus};

/// `(program, position and message)`.
const ERRORS: &[(&str, &str)] = &[
    (
        "//go:build go1.21\n\npackage main\n\nfunc main() {\n\tfor i := range 10 {\n\t\tprintln(i)\n\t}\n}\n",
        "6:17: cannot range over 10 (untyped int constant): requires go1.22 or later (file declares //go:build go1.21)",
    ),
    (
        // go1.18 sets go1.21 (the floor), so gc names the -lang flag.
        "//go:build go1.18\n\npackage main\n\nfunc main() {\n\tn := 3\n\tfor range n {\n\t}\n}\n",
        "7:12: cannot range over n (variable of type int): requires go1.22 or later (-lang was set to go1.27; check go.mod)",
    ),
    (
        "//go:build go1.21\n\npackage main\n\nconst n = 4\n\nfunc main() {\n\tfor range n {\n\t}\n}\n",
        "8:12: cannot range over n (untyped int constant 4): requires go1.22 or later (file declares //go:build go1.21)",
    ),
    (
        "//go:build go1.21\n\npackage main\n\nconst m int8 = 2\n\nfunc main() {\n\tfor i := range m {\n\t\tprintln(i)\n\t}\n}\n",
        "8:17: cannot range over m (constant 2 of type int8): requires go1.22 or later (file declares //go:build go1.21)",
    ),
    (
        "//go:build go1.25\n\npackage main\n\nfunc main() {\n\tp := new(5)\n\tprintln(*p)\n}\n",
        "6:7: new(5) requires go1.26 or later (file declares //go:build go1.25)",
    ),
    (
        "//go:build go1.26\n\npackage main\n\ntype In struct{ X int }\ntype Mid struct{ In }\ntype Out struct {\n\tMid\n\tY int\n}\n\nfunc main() {\n\to := Out{Y: 1, X: 2}\n\tprintln(o.X)\n}\n",
        "13:17: use of promoted field Mid.In.X in struct literal of type Out requires go1.27 or later (file declares //go:build go1.26)",
    ),
    (
        "//go:build go1.26\n\npackage main\n\ntype L[T any] struct{ v T }\n\nfunc (l L[T]) Map[U any](f func(T) U) U { return f(l.v) }\n\nfunc main() {\n\tprintln(L[int]{1}.Map(func(i int) int { return i + 1 }))\n}\n",
        "7:19: generic method requires go1.27 or later (file declares //go:build go1.26)",
    ),
];

#[test]
fn later_features_are_gcs_version_errors() {
    for (src, want) in ERRORS {
        let r = run_captured("x.go", src, &Options::default());
        assert_eq!(
            String::from_utf8_lossy(&r.stderr),
            format!("x.go:{want}\n"),
            "{src}"
        );
        assert_eq!(r.status, RunStatus::CompileError);
    }
}

/// Without a version in its `//go:build` line (or with one at go1.27) a
/// file has the module's language: the same programs compile.
#[test]
fn the_modules_version_allows_them() {
    for line in [
        "",
        "//go:build go1.27\n\n",
        "//go:build go1.21 || !ignore_me\n\n",
    ] {
        let src = format!("{line}package main\n\nfunc main() {{\n\tfor i := range 2 {{\n\t\tprintln(i, *new(i))\n\t}}\n}}\n");
        let r = run_captured("x.go", &src, &Options::default());
        assert_eq!(String::from_utf8_lossy(&r.stderr), "0 0\n1 1\n", "{src}");
        assert_eq!(r.status, RunStatus::Exit(0));
    }
}

/// What cmd/go stops on before compiling (`parsing //go:build line: ...`,
/// `multiple //go:build comments`, `build constraints exclude all Go
/// files`): a positioned error, the last refused as outside the subset.
#[test]
fn header_errors() {
    for (src, want) in [
        (
            "//go:build go1.21 &&\n\npackage main\n\nfunc main() {}\n",
            "x.go:1:1: parsing //go:build line: unexpected end of expression\n",
        ),
        (
            "//go:build go1.22\n//go:build go1.21\n\npackage main\n\nfunc main() {}\n",
            "x.go:2:1: multiple //go:build comments\n",
        ),
        (
            "// c\n\n//go:build go1.28\n\npackage main\n\nfunc main() {}\n",
            "x.go:3:1: //go:build constraints that leave the file out of the build are not supported by minigo\n",
        ),
        (
            "//go:build ignore\n\npackage main\n\nfunc main() {}\n",
            "x.go:1:1: //go:build constraints that leave the file out of the build are not supported by minigo\n",
        ),
    ] {
        let r = run_captured("x.go", src, &Options::default());
        assert_eq!(String::from_utf8_lossy(&r.stderr), want, "{src}");
        assert_eq!(r.status, RunStatus::CompileError);
    }
}
