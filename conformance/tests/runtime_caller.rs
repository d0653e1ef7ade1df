//! `runtime.Caller` and its kin where minigo cannot answer as gc does: the
//! run is refused at run time with one positioned `not supported by minigo`
//! line and status 1, after the output printed so far (the corpus, cases
//! 800-802, checks the answers it gives). And the file is the absolute
//! path of the source.

use minigo::{run_captured, Options, RunStatus};

/// Runs `body` (the rest of a program importing fmt, runtime, strings,
/// which it uses) in both modes: stdout, stderr, status.
fn run(body: &str) -> (String, String, RunStatus) {
    run_with(body, "strings")
}

fn run_with(body: &str, pkg: &str) -> (String, String, RunStatus) {
    let uses = match pkg {
        "strings" => "var _ = strings.ToUpper",
        _ => "var _ sync.Mutex",
    };
    let src = format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"{pkg}\"\n)\n\n\
         {uses}\nvar _ = fmt.Sprint\n\n{body}"
    );
    let mut seen = None;
    for open_coded in [true, false] {
        let opts = Options {
            open_coded,
            ..Options::default()
        };
        let c = run_captured("main.go", &src, &opts);
        let got = (
            String::from_utf8_lossy(&c.stdout).into_owned(),
            String::from_utf8_lossy(&c.stderr).into_owned(),
            c.status,
        );
        if let Some(first) = &seen {
            assert_eq!(first, &got, "both modes agree");
        }
        seen = Some(got);
    }
    seen.expect("ran")
}

fn refused(body: &str, out: &str, at: &str, why: &str) {
    refused_in(body, "strings", out, at, why);
}

/// [`refused`], importing `pkg` (`strings` or another of one name).
fn refused_in(body: &str, pkg: &str, out: &str, at: &str, why: &str) {
    let (stdout, stderr, status) = run_with(body, pkg);
    assert_eq!(stdout, out);
    assert_eq!(
        stderr,
        format!("main.go:{at}: {why} is not supported by minigo\n")
    );
    assert_eq!(status, RunStatus::Exit(1));
}

/// While a panic runs a frame's deferred calls gc shows runtime.gopanic
/// below them (case 845 checks the whole walk against Go); after a
/// recovery, the exit's line is where gc's recovery resumed: refused.
#[test]
fn a_walk_through_a_panicking_exit_shows_gopanic_and_a_recovered_one_is_refused() {
    let body =
        "func f() {\n\tdefer func() {\n\t\t_, _, l, _ := runtime.Caller(0)\n\t\tfmt.Println(l)\n\
                \t\t_, _, l, _ = runtime.Caller(1)\n\t\tfmt.Println(l)\n\t}()\n\tpanic(1)\n}\n\n\
                func main() {\n\tf()\n}\n";
    let (stdout, stderr, status) = run(body);
    assert_eq!(stdout, "14\n859\n");
    assert!(
        stderr.starts_with("panic: 1\n\ngoroutine 1 [running]:\n"),
        "{stderr}"
    );
    assert_eq!(status, RunStatus::Exit(2));
    let recovered = body.replace(
        "\tpanic(1)\n",
        "\tdefer func() { recover() }()\n\tpanic(1)\n",
    );
    let why = "runtime.Caller through the exit of a recovered function";
    refused(&recovered, "14\n", "16:23", why);
    let answered = body.replace("\tpanic(1)\n", "");
    let (stdout, stderr, status) = run(&answered);
    assert_eq!(
        (stdout.as_str(), stderr.as_str(), status),
        ("14\n19\n", "", RunStatus::Exit(0))
    );
}

/// What minigo does not show as gc would below a deferred call: a panic
/// while another panic or a `Goexit` is in flight, a run-time error whose
/// runtime frames minigo does not know. (Below one `Goexit`: case 848.)
#[test]
fn nested_panics_and_other_run_time_errors_are_refused() {
    let walk = "func walk() {\n\tpcs := make([]uintptr, 9)\n\tfmt.Println(runtime.Callers(1, pcs) > 0)\n}\n\n";
    let goexit = format!(
        "{walk}func main() {{\n\tdefer func() {{\n\t\tdefer walk()\n\t\tpanic(1)\n\t}}()\n\
         \truntime.Goexit()\n}}\n"
    );
    let why = "runtime.Callers through the exit of a function a nested panic unwinds";
    refused(&goexit, "", "14:21", why);
    let nested = format!(
        "{walk}func main() {{\n\tdefer func() {{\n\t\tdefer func() {{ recover(); walk() }}()\n\
         \t\tpanic(2)\n\t}}()\n\tpanic(1)\n}}\n"
    );
    let why = "runtime.Callers through the exit of a function a nested panic unwinds";
    refused(&nested, "", "14:21", why);
    // gc hashes an interface key in runtime frames that depend on the
    // map's operation and key: not shown.
    let unhashable = format!(
        "{walk}var m = map[any]int{{}}\n\nfunc main() {{\n\tdefer func() {{ recover(); walk() }}()\n\tm[[]int{{}}] = 1\n}}\n"
    );
    let why = "runtime.Callers through a function a run-time error of this kind unwinds";
    refused(&unhashable, "", "14:21", why);
    // An index out of range is answered (cases 940-942).
    let index = format!(
        "{walk}var s []int\n\nfunc main() {{\n\tdefer func() {{ recover(); walk() }}()\n\ts[3] = 1\n}}\n"
    );
    let (stdout, _, status) = run(&index);
    assert_eq!((stdout.as_str(), status), ("true\n", RunStatus::Exit(0)));
    let one = format!("{walk}func main() {{\n\tdefer walk()\n\tpanic(1)\n}}\n");
    let (stdout, _, status) = run(&one);
    assert_eq!((stdout.as_str(), status), ("true\n", RunStatus::Exit(2)));
}

/// gc names a closure in a closure `f.func1.1`, or `f.func1.func1` where
/// it inlined the outer one: `Caller` gives its file and line (case 846),
/// `FuncForPC` and `Callers` (whose frames are named later) refuse.
#[test]
fn a_literal_inside_a_literal_has_a_line_but_no_name() {
    let body =
        "func main() {\n\tfunc() {\n\t\tfunc() {\n\t\t\tpc, _, l, _ := runtime.Caller(0)\n\
         \t\t\tfmt.Println(l)\n\t\t\tfmt.Println(runtime.FuncForPC(pc).Name())\n\t\t}()\n\t}()\n}\n";
    let why = "runtime.FuncForPC of a function literal inside a function literal";
    refused(body, "15\n", "17:23", why);
    let callers = "func main() {\n\tfunc() {\n\t\tfunc() {\n\t\t\tpcs := make([]uintptr, 4)\n\
                   \t\t\tfmt.Println(runtime.Callers(1, pcs))\n\t\t}()\n\t}()\n}\n";
    let why = "runtime.Callers through a function literal inside a function literal";
    refused(callers, "", "16:23", why);
}

#[test]
fn wg_go_and_lowered_callbacks_are_refused_and_generics_answered() {
    // gc shows sync.(*WaitGroup).Go.func1 (waitgroup.go) below the
    // function; minigo's wg.Go is its own Go.
    let wg = "func main() {\n\tvar wg sync.WaitGroup\n\twg.Go(func() {\n\
              \t\truntime.Caller(1)\n\t})\n\twg.Wait()\n}\n";
    let why = "runtime.Caller through a package's function";
    refused_in(wg, "sync", "", "15:10", why);
    let generic = "func g[T any](x T) int {\n\t_, _, l, _ := runtime.Caller(0)\n\treturn l\n}\n\n\
                   func main() {\n\tfmt.Println(g(1))\n}\n";
    // gc names generic code `main.g[...]` (case 943).
    let (stdout, stderr, status) = run(generic);
    assert_eq!(
        (stdout.as_str(), stderr.as_str(), status),
        ("13\n", "", RunStatus::Exit(0))
    );
    // strings.Map is minigo's Go: gc shows strings.Map's own frame.
    let callback = "func main() {\n\tfmt.Println(strings.Map(func(r rune) rune {\n\
                    \t\truntime.Caller(1)\n\t\treturn r\n\t}, \"a\"))\n}\n";
    refused(
        callback,
        "",
        "14:10",
        "runtime.Caller through a function minigo made up",
    );
}

/// gc's `Callers` pcs are return addresses: `FuncForPC` of one can name a
/// function inlined after the call.
#[test]
fn func_for_pc_of_a_callers_pc_is_refused() {
    let body = "func main() {\n\tpcs := make([]uintptr, 4)\n\tn := runtime.Callers(1, pcs)\n\
                \tfmt.Println(n)\n\tfmt.Println(runtime.FuncForPC(pcs[0]).Name())\n}\n";
    refused(
        body,
        "3\n",
        "16:21",
        "runtime.FuncForPC of a pc from runtime.Callers (gc's return addresses)",
    );
}

#[test]
fn the_file_is_the_sources_absolute_path() {
    let body = "func main() {\n\t_, file, _, _ := runtime.Caller(0)\n\tfmt.Println(file)\n}\n";
    let (stdout, stderr, status) = run(body);
    let want = std::path::absolute("main.go").expect("an absolute path");
    assert_eq!(stdout, format!("{}\n", want.display()));
    assert!(stdout.starts_with('/'), "{stdout}");
    assert_eq!((stderr.as_str(), status), ("", RunStatus::Exit(0)));
}

/// The walks run where a call statement or expression is, not as a
/// deferred call or a goroutine's function.
#[test]
fn deferred_and_go_walks_are_refused_before_the_run() {
    for (stmt, how) in [
        ("defer runtime.Caller(0)", "deferred"),
        ("go runtime.Callers(0, nil)", "go"),
    ] {
        let body = format!("func main() {{\n\t{stmt}\n}}\n");
        let (stdout, stderr, status) = run(&body);
        let col = stmt.find('(').expect("a call") + 2;
        let why = format!("{how} calls of runtime.Caller, Callers and FuncForPC");
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            format!("main.go:13:{col}: {why} are not supported by minigo\n")
        );
        assert_eq!(status, RunStatus::CompileError);
    }
}

/// `Func.FileLine`/`Entry` (gc's answer for a `Callers` pc is the return
/// address's) and `Frame.Func`/`Entry` (nil where gc inlined) are left out.
#[test]
fn left_out_members_are_refused_before_the_run() {
    for (stmts, at, what) in [
        (
            "fmt.Println(runtime.FuncForPC(0).FileLine(0))",
            "13:34",
            "runtime.Func.FileLine",
        ),
        (
            "fmt.Println(runtime.FuncForPC(0).Entry())",
            "13:34",
            "runtime.Func.Entry",
        ),
        (
            "f, _ := runtime.CallersFrames(nil).Next()\n\tfmt.Println(f.Func)",
            "14:15",
            "runtime.Frame.Func",
        ),
    ] {
        let body = format!("func main() {{\n\t{stmts}\n}}\n");
        let (stdout, stderr, status) = run(&body);
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            format!("main.go:{at}: {what} is not supported by minigo\n")
        );
        assert_eq!(status, RunStatus::CompileError);
    }
}
