//! Runs every `cases/*.go` in both modes (open-coded defers and chain only),
//! each with its goroutines on 1 and on 4 worker threads, and compares with
//! the outputs Go 1.27.3 recorded. Every case must pass,
//! in both runs, and every case must have all its recorded outputs (`NAME.stdout`,
//! `NAME.stderr`, `NAME.exit`): a case that cannot be checked is a failure,
//! never skipped.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::*;
use minigo::{run_captured, Options, RunStatus};

/// The corpus had this many cases when this floor was set; it guards
/// against the directory being emptied or moved (raise it when adding
/// cases, lower it only when removing one on purpose).
const MIN_CASES: usize = 361;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// Every `cases/NAME.go`, sorted. A listing error fails the test.
fn cases() -> Vec<PathBuf> {
    let dir = cases_dir();
    let rd = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut v: Vec<PathBuf> = rd
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    v.sort();
    v
}

/// What is wrong with the corpus directory itself: a case without one of
/// its recorded outputs, a recorded output without its case, an exit
/// status that is not a number, a file `record.sh` would not write.
fn corpus_problems() -> Vec<String> {
    let dir = cases_dir();
    let mut problems = Vec::new();
    let rd = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for e in rd {
        let p = e
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .path();
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match p.extension().and_then(|e| e.to_str()) {
            Some("go") => {
                for ext in RECORDED {
                    if !p.with_extension(ext).is_file() {
                        problems.push(format!(
                            "{name}: no recorded {ext} (run conformance/record.sh {name})"
                        ));
                    }
                }
                let exit = p.with_extension("exit");
                if let Ok(text) = fs::read_to_string(&exit) {
                    if text.trim().parse::<i32>().is_err() {
                        problems.push(format!("{}: not an exit status: {text:?}", exit.display()));
                    }
                }
            }
            Some(ext) if RECORDED.contains(&ext) => {
                if !p.with_extension("go").is_file() {
                    problems.push(format!(
                        "{name}: recorded output of a case that is not there"
                    ));
                }
            }
            _ if name == "SURPRISES.md" => {}
            _ => problems.push(format!("{name}: not a case or a recorded output")),
        }
    }
    problems.sort();
    problems
}

#[test]
fn every_case_has_its_recorded_outputs() {
    let problems = corpus_problems();
    assert!(
        problems.is_empty(),
        "the corpus is incomplete:\n{}",
        problems.join("\n")
    );
    let n = cases().len();
    assert!(
        n >= MIN_CASES,
        "expected at least {MIN_CASES} corpus cases in {}, found {n}",
        cases_dir().display()
    );
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
        let exit_text = show(&read(&path.with_extension("exit")));
        let want_exit: i32 = exit_text
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{name}: exit status {exit_text:?}: {e}"));
        for (open_coded, procs) in [(true, 1), (false, 1), (true, 4), (false, 4)] {
            let opts = Options {
                open_coded,
                procs: Some(procs),
                step_budget: Some(50_000_000),
                files: true,
                ..Options::default()
            };
            let r = run_captured(&name, &src, &opts);
            runs += 1;
            let tier = if open_coded {
                "open-coded"
            } else {
                "chain-only"
            };
            let mode = format!("{tier}, {procs} worker(s)");
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
    // Every case ran, in both modes, and every run must match.
    assert!(
        cases.len() >= MIN_CASES,
        "expected at least {MIN_CASES} corpus cases, found {}",
        cases.len()
    );
    assert_eq!(runs, 4 * cases.len());
    assert!(
        failures.is_empty(),
        "{} of {runs} runs differ from Go:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "{} cases passed in both modes, on 1 and on 4 workers",
        cases.len()
    );
}
