//! `Options::files`: a program run by the library touches the file system
//! only when its caller allows it (the binary and the corpus tests do);
//! otherwise each of `os`'s file functions fails with `operation not
//! permitted` and nothing is created or removed (the mutation test and the
//! fuzzer run programs nobody wrote), while stdout and stderr still work
//! through `*os.File`.

use minigo::{run_captured, Options, RunStatus};

const SRC: &str = "package main

import (
\t\"fmt\"
\t\"os\"
)

func main() {
\tname := os.Args[0] + \"-minigo-files-test.txt\"
\tf, err := os.Create(name)
\tfmt.Println(f == nil, err)
\tfmt.Println(os.Mkdir(name, 0o755))
\tfmt.Println(os.RemoveAll(\"/nonexistent-minigo\"))
\t_, err = os.ReadFile(name)
\tfmt.Println(err)
\tfmt.Fprintln(os.Stdout, \"stdout works\")
\tvar w = os.Stderr
\tw.WriteString(\"stderr works\\n\")
}
";

fn run(src: &str, files: bool) -> (String, String, RunStatus) {
    let opts = Options {
        files,
        ..Options::default()
    };
    let r = run_captured("files.go", src, &opts);
    (
        String::from_utf8_lossy(&r.stdout).into_owned(),
        String::from_utf8_lossy(&r.stderr).into_owned(),
        r.status,
    )
}

#[test]
fn without_files_every_file_function_is_refused() {
    let (out, err, status) = run(SRC, false);
    assert_eq!(status, RunStatus::Exit(0));
    assert_eq!(
        out,
        "true open minigo-minigo-files-test.txt: operation not permitted\n\
         mkdir minigo-minigo-files-test.txt: operation not permitted\n\
         unlinkat /nonexistent-minigo: operation not permitted\n\
         open minigo-minigo-files-test.txt: operation not permitted\n\
         stdout works\n"
    );
    assert_eq!(err, "stderr works\n");
    assert!(!std::path::Path::new("minigo-minigo-files-test.txt").exists());
}

#[test]
fn with_files_the_program_reaches_the_file_system() {
    // Nothing is created: the system's own error shows it was asked.
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n\
        func main() {\n\t_, err := os.Open(\"/nonexistent-minigo/x\")\n\tfmt.Println(err)\n}\n";
    let (out, _, _) = run(src, true);
    assert_eq!(
        out,
        "open /nonexistent-minigo/x: no such file or directory\n"
    );
}
