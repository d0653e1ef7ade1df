//! The packages whose types minigo writes in Go (the preludes of
//! `strings`, `time`, `strconv`, `fmt`, `runtime`, `sort`): their own mentions of
//! those types must not count as uses of the import, so Go's compile
//! error for an import the program never uses still comes.

use minigo::{run_captured, Options};

#[test]
fn an_unused_import_of_a_package_with_a_prelude_is_go_s_compile_error() {
    let mut wrong = Vec::new();
    for pkg in ["strings", "time", "strconv", "runtime", "sort"] {
        let src = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"{pkg}\"\n)\n\nfunc main() {{ fmt.Println(1) }}\n"
        );
        let r = run_captured("x.go", &src, &Options::default());
        let got = String::from_utf8_lossy(&r.stderr).into_owned();
        let want = format!("x.go:5:2: \"{pkg}\" imported and not used\n");
        if got != want || !r.stdout.is_empty() {
            wrong.push(format!("{pkg}: want {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_used_prelude_type_counts_as_a_use() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar d time.Duration = 1500\n\tfmt.Println(d)\n}\n";
    let r = run_captured("x.go", src, &Options::default());
    assert_eq!(String::from_utf8_lossy(&r.stdout), "1.5µs\n");
    assert!(
        r.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
}
