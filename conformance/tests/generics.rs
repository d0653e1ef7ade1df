//! Generics (`checker/generics/`): Go's compile errors for programs that
//! misuse type parameters (and range-over-func iterators of a wrong
//! shape), each message and position as Go 1.27.3's `go vet` prints it
//! (checked when written), and malformed generic syntax that gets a
//! positioned error, never a panic. The programs that compile are corpus
//! cases 750-756 and 910-929 (and cases-wild w13, w59).

use minigo::{run_captured, Options, RunStatus};

/// `(name, program, position and message)`.
const ERRORS: &[(&str, &str, &str)] = &[
    (
        "constraint not satisfied by a union",
        "package main\n\ntype Number interface{ ~int | ~float64 }\n\nfunc S[T Number](x T) T { return x }\n\nfunc main() { println(S(\"a\")) }\n",
        "7:23: string does not satisfy Number (string missing in ~int | ~float64)",
    ),
    (
        "inline union constraint",
        "package main\n\nfunc F[T ~int | ~string](x T) T { return x }\n\nfunc main() { println(F(1.5)) }\n",
        "5:23: float64 does not satisfy ~int | ~string (float64 missing in ~int | ~string)",
    ),
    (
        "comparable",
        "package main\n\nfunc F[T comparable](x T) {}\n\nfunc main() { F([]int{}) }\n",
        "5:15: []int does not satisfy comparable",
    ),
    (
        "missing method",
        "package main\n\nimport \"fmt\"\n\nfunc F[T fmt.Stringer](x T) {}\n\nfunc main() { F(1) }\n",
        "7:15: int does not satisfy fmt.Stringer (missing method String)",
    ),
    (
        "cannot infer a result type",
        "package main\n\nfunc Z[T any]() T { var z T; return z }\n\nfunc main() { println(Z()) }\n",
        "5:23: in call to Z, cannot infer T",
    ),
    (
        "cannot infer the second parameter",
        "package main\n\nfunc F[T any, U any](x T) {}\n\nfunc main() { F(1) }\n",
        "5:15: in call to F, cannot infer U",
    ),
    (
        "generic function as a value",
        "package main\n\nfunc F[T any](x T) T { return x }\n\nfunc main() { f := F; _ = f }\n",
        "5:20: cannot use generic function F without instantiation",
    ),
    (
        "generic type without arguments",
        "package main\n\ntype S[T any] struct{ v T }\n\nfunc main() { var s S; _ = s }\n",
        "5:21: cannot use generic type S[T any] without instantiation",
    ),
    (
        "receiver without type parameters",
        "package main\n\ntype S[T any] struct{ v T }\n\nfunc (s S) M() {}\n\nfunc main() {}\n",
        "5:9: cannot use generic type S[T any] without instantiation",
    ),
    (
        "type arguments on a plain type",
        "package main\n\ntype S struct{}\n\nfunc (s S[T]) M() {}\n\nfunc main() {}\n",
        "5:9: S is not a generic type",
    ),
    (
        "constraint interface as a value type",
        "package main\n\ntype Number interface{ ~int | ~float64 }\n\nfunc main() { var n Number; _ = n }\n",
        "5:21: cannot use type Number outside a type constraint: interface contains type constraints",
    ),
    (
        "too many type arguments for a type",
        "package main\n\ntype S[T any] struct{ v T }\n\nfunc main() { var s S[int, int]; _ = s }\n",
        "5:21: too many type arguments for type S: have 2, want 1",
    ),
    (
        "too many type arguments for a function",
        "package main\n\nfunc F[T any, U any](x T) {}\n\nfunc main() { F[int, string, bool](1) }\n",
        "5:30: got 3 type arguments but want 2",
    ),
    (
        "main with type parameters",
        "package main\n\nfunc main[T any]() {}\n",
        "3:11: func main must have no type parameters",
    ),
    (
        "empty type parameter list",
        "package main\n\nfunc F[](x int) {}\n\nfunc main() { F(1) }\n",
        "3:8: empty type parameter list",
    ),
    (
        "range over a func whose parameter is not a func",
        "package main\n\nfunc main() {\n\tvar f func(int)\n\tfor x := range f {\n\t\t_ = x\n\t}\n}\n",
        "5:17: cannot range over f (variable of type func(int)): func must be func(yield func(...) bool): argument is not func",
    ),
    (
        "range over a func whose yield returns int",
        "package main\n\nfunc main() {\n\tvar f func(func(int) int)\n\tfor x := range f {\n\t\t_ = x\n\t}\n}\n",
        "5:17: cannot range over f (variable of type func(func(int) int)): func must be func(yield func(...) bool): yield func does not return bool",
    ),
    (
        "range over an iterator with results",
        "package main\n\nfunc main() {\n\tvar f func(func(int) bool) int\n\tfor x := range f {\n\t\t_ = x\n\t}\n}\n",
        "5:17: cannot range over f (variable of type func(func(int) bool) int): func must be func(yield func(...) bool): unexpected results",
    ),
    (
        "a variable in a range over a yield without parameters",
        "package main\n\nfunc main() {\n\tvar f func(func() bool)\n\tfor x := range f {\n\t\t_ = x\n\t}\n}\n",
        "5:6: range over f (variable of type func(func() bool)) permits no iteration variables",
    ),
    (
        "a blank receiver type parameter used as a type",
        "package main\n\ntype tag[_ any] struct{}\n\nfunc (t tag[_]) get() (x _) { return }\n\nfunc main() { var t tag[int]; t.get() }\n",
        "5:26: cannot use _ as value or type",
    ),
    (
        "missing constraint",
        "package main\n\nfunc F[T](x T) {}\n\nfunc main() { F(1) }\n",
        "3:9: missing type constraint",
    ),
    (
        "type argument not satisfying a constraint: at the argument",
        "package main\n\ntype B[T comparable] struct{ v T }\n\nfunc main() {\n\tvar b B[[]int]\n\t_ = b\n}\n",
        "6:10: []int does not satisfy comparable",
    ),
    (
        "generic type declared in a function, without arguments",
        "package main\n\nfunc main() {\n\ttype B[T any] struct{ v T }\n\tvar b B\n\t_ = b\n}\n",
        "5:8: cannot use generic type B[T any] without instantiation",
    ),
    (
        "generic type declared in a function, constraint",
        "package main\n\nfunc main() {\n\ttype B[T comparable] struct{ v T }\n\tvar b B[[]int]\n\t_ = b\n}\n",
        "5:10: []int does not satisfy comparable",
    ),
    (
        "generic type declared in a function, redeclared",
        "package main\n\nfunc main() {\n\ttype B[T any] struct{ v T }\n\ttype B[T any] []T\n}\n",
        "5:7: B redeclared in this block",
    ),
];

#[test]
fn misused_generics_get_gos_compile_errors() {
    let mut wrong = Vec::new();
    for (name, src, want) in ERRORS {
        let r = run_captured("x.go", src, &Options::default());
        let got = String::from_utf8_lossy(&r.stderr).into_owned();
        let want = format!("x.go:{want}\n");
        if got != want || r.status != RunStatus::CompileError || !r.stdout.is_empty() {
            wrong.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// An instantiation cycle (Go: `instantiation cycle`) ends with a
/// positioned error, not a loop that builds ever longer type arguments.
#[test]
fn an_instantiation_cycle_is_an_error() {
    let src = "package main\n\nfunc F[T any](n int) {\n\tif n > 0 {\n\t\tF[[]T](n - 1)\n\t}\n}\n\nfunc main() { F[int](3) }\n";
    let r = run_captured("x.go", src, &Options::default());
    let got = String::from_utf8_lossy(&r.stderr).into_owned();
    assert_eq!(r.status, RunStatus::CompileError, "{got}");
    assert!(got.starts_with("x.go:5:4: instantiation cycle"), "{got}");
}

/// In a generic body, an assertion or type switch case whose type is a
/// type parameter is never impossible (case 912), but one to a concrete
/// type that cannot implement the operand's interface still is (Go:
/// `string does not implement G[T]`; minigo checks the instance, so it
/// names `main.G[int]`: only the position and the start are Go's).
#[test]
fn impossible_assertions_in_generic_bodies() {
    let concrete = "package main\n\ntype G[T any] interface{ Get() T }\n\nfunc F[T any](x G[T]) {\n\t_ = x.(string)\n}\n\nfunc main() { F[int](nil) }\n";
    let r = run_captured("x.go", concrete, &Options::default());
    let got = String::from_utf8_lossy(&r.stderr).into_owned();
    assert_eq!(r.status, RunStatus::CompileError, "{got}");
    assert!(
        got.starts_with(
            "x.go:6:6: impossible type assertion: x.(string)\n\tstring does not implement "
        ),
        "{got}"
    );
    let to_param = "package main\n\ntype G[T any] interface{ Get() T }\n\nfunc F[T, U any](x G[T]) bool {\n\t_, ok := x.(U)\n\tswitch x.(type) {\n\tcase U:\n\t\treturn ok\n\t}\n\treturn !ok\n}\n\nfunc main() { println(F[int, string](nil)) }\n";
    let r = run_captured("x.go", to_param, &Options::default());
    let got = String::from_utf8_lossy(&r.stderr).into_owned();
    assert_eq!((r.status, got.as_str()), (RunStatus::Exit(0), "true\n"));
}

/// Generic syntax cut or garbled at every token: each program is either a
/// positioned compile error or runs; none panics (the mutation test does
/// the same at random over the whole corpus).
#[test]
fn every_prefix_of_generic_syntax_is_handled() {
    let src = "package main\n\nimport \"fmt\"\n\ntype Number interface {\n\t~int | ~float64\n}\n\n\
type Pair[K comparable, V any] struct {\n\tKey K\n\tVal V\n}\n\n\
func (p *Pair[K, V]) Set(v V) { p.Val = v }\n\n\
func Sum[T Number](xs ...T) (s T) {\n\tdefer func() { recover() }()\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn\n}\n\n\
func main() {\n\tp := Pair[string, int]{\"a\", 1}\n\tp.Set(Sum(1, 2))\n\tfmt.Println(p, Sum[float64](1.5))\n}\n";
    let toks: Vec<usize> = src
        .char_indices()
        .filter(|(_, c)| !c.is_alphanumeric())
        .map(|(i, _)| i)
        .collect();
    let full = run_captured("x.go", src, &Options::default());
    assert_eq!(String::from_utf8_lossy(&full.stdout), "{a 3} 1.5\n");
    for &cut in &toks {
        for variant in [
            src[..cut].to_string(),
            format!("{}{}", &src[..cut], &src[cut + 1..]),
            format!("{}]{}", &src[..cut], &src[cut..]),
        ] {
            let r =
                std::panic::catch_unwind(|| run_captured("x.go", &variant, &Options::default()));
            let Ok(r) = r else {
                panic!("panic on {variant:?}");
            };
            if r.status == RunStatus::CompileError {
                let err = String::from_utf8_lossy(&r.stderr).into_owned();
                let positioned = err
                    .strip_prefix("x.go:")
                    .and_then(|rest| rest.split_once(": "))
                    .is_some_and(|(lc, _)| lc.split(':').all(|n| n.parse::<u32>().is_ok()));
                assert!(positioned, "{variant:?}: {err:?}");
            }
        }
    }
}
