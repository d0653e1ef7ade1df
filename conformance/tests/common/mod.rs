//! Shared by minigo's integration tests: what `record.sh` records and how a
//! run is compared with it, and the hang guard's limit.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::time::Duration;

/// The files `record.sh` writes next to each `NAME.go`.
pub const RECORDED: [&str; 3] = ["stdout", "stderr", "exit"];

/// What `record.sh` keeps of stderr: everything before the first line
/// starting with `goroutine `, without lines starting with `[signal`.
pub fn normalise(stderr: &[u8]) -> Vec<u8> {
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

/// A file's bytes (panics naming the file).
pub fn read(p: &Path) -> Vec<u8> {
    fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Bytes as text, lossily.
pub fn show(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Compares one stream; returns a description of the difference.
pub fn diff(what: &str, want: &[u8], got: &[u8]) -> Option<String> {
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

/// How long one run (compile and run) may take before it counts as a hang:
/// 120 s, or `MINIGO_HANG_LIMIT_SECS`.
pub fn hang_limit() -> Duration {
    let secs = std::env::var("MINIGO_HANG_LIMIT_SECS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(120);
    Duration::from_secs(secs)
}
