//! Runs every `cases/*.go` in both modes (open-coded defers and chain only),
//! on both engines (the tree walker and the register machine), and compares
//! with the outputs Go 1.27.3 recorded.

use std::fs;
use std::path::{Path, PathBuf};

use minigo::{run_captured, Engine, Options, RunStatus};

/// What `record.sh` keeps of stderr: everything before the first line
/// starting with `goroutine `, without lines starting with `[signal`.
fn normalise(stderr: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in stderr.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b"goroutine ") {
            break;
        }
        if line.starts_with(b"[signal") {
            continue;
        }
        out.extend_from_slice(line);
    }
    out
}

/// The recorded cases: `NAME.go` with `NAME.exit` next to it.
fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let mut v: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "go") && p.with_extension("exit").exists());
    v.sort();
    v
}

fn read(p: &Path) -> Vec<u8> {
    fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn show(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Compares one stream; returns a description of the difference.
fn diff(what: &str, want: &[u8], got: &[u8]) -> Option<String> {
    if want == got {
        return None;
    }
    let (w, g) = (show(want), show(got));
    let mut s = format!("  {what} differs:\n");
    let (wl, gl): (Vec<&str>, Vec<&str>) = (w.lines().collect(), g.lines().collect());
    for i in 0..wl.len().max(gl.len()) {
        let (a, b) = (wl.get(i), gl.get(i));
        let mark = if a == b { ' ' } else { '!' };
        s.push_str(&format!(
            "   {mark} want {:<50} | got {}\n",
            a.map_or("<none>".into(), |x| format!("{x:?}")),
            b.map_or("<none>".into(), |x| format!("{x:?}"))
        ));
    }
    if w.ends_with('\n') != g.ends_with('\n') {
        s.push_str("    (final newline differs)\n");
    }
    Some(s)
}

#[test]
fn corpus_matches_go_in_both_modes() {
    let cases = cases();
    let mut failures = Vec::new();
    let mut runs = 0;
    for path in &cases {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let src = show(&read(path));
        let want_out = read(&path.with_extension("stdout"));
        let want_err = read(&path.with_extension("stderr"));
        let want_exit: i32 = show(&read(&path.with_extension("exit")))
            .trim()
            .parse()
            .unwrap_or(-1);
        for (engine, open_coded) in [
            (Engine::Tree, true),
            (Engine::Tree, false),
            (Engine::Vm, true),
            (Engine::Vm, false),
        ] {
            let opts = Options {
                open_coded,
                engine,
                step_budget: Some(50_000_000),
                ..Options::default()
            };
            let r = run_captured(&name, &src, &opts);
            runs += 1;
            let mode = match (engine, open_coded) {
                (Engine::Tree, true) => "open-coded",
                (Engine::Tree, false) => "chain-only",
                (Engine::Vm, true) => "vm, open-coded",
                (Engine::Vm, false) => "vm, chain-only",
            };
            let mut problems = String::new();
            if let Some(d) = diff("stdout", &want_out, &r.stdout) {
                problems.push_str(&d);
            }
            if let Some(d) = diff("stderr (normalised)", &want_err, &normalise(&r.stderr)) {
                problems.push_str(&d);
            }
            if r.status != RunStatus::Exit(want_exit) {
                problems.push_str(&format!("  exit: want {want_exit}, got {:?}\n", r.status));
            }
            if !problems.is_empty() {
                failures.push(format!("{name} [{mode}]\n{problems}"));
            }
        }
    }
    assert!(
        cases.len() >= 80,
        "expected at least 80 corpus cases, found {}",
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {runs} runs differ from Go:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "{} cases passed in both modes, on both engines",
        cases.len()
    );
}
