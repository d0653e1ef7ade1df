//! Wall-clock, side by side with Go, in one run.
//!
//! Interleaves rounds: ours (every kernel, timed in-process with
//! `std::time::Instant`), then Go (`go test -run '^$' -bench ... -count 1`
//! in `benches/go`, ns/op parsed from its output), then ours again, and so
//! on. Prints the median of each case over the rounds, the cost per defer,
//! and the ratio Go / ours. With `--json PATH` it also writes every sample
//! and median for `benches/report.sh`.
//!
//! ```text
//! cargo run --release -p deferrt-benches --bin sidebyside -- [--rounds 5] [--benchtime-ms 200] [--json out.json] [--go-dir benches/go] [--only loop]
//!
//! `--only loop` times only the core's loop rows (hand, chain, naive) and
//! Go's `BenchmarkLoop*`: the quick check of the loop ratio.
//! ```
//!
//! Build it in release mode: a debug build times the debug kernels.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use deferrt_benches::minigo as mg;
use deferrt_benches::shim::{self as ds, ShimKernel};
use deferrt_benches::{
    body_chain, body_hand, body_inline, body_leaf, body_open, body_scopeguard, loop_chain,
    loop_hand, loop_naive, panic_hand, panic_recover, BCx, Fixture,
};

const LOOP_NS: [usize; 4] = [1, 16, 1024, 65536];
const DEPTHS: [usize; 2] = [1, 16];

/// ns per call of `f`: three warm-up calls, then the iteration count is
/// ramped up until a run takes a tenth of `target`, and one run of about
/// `target` is timed.
#[inline(always)]
fn time_loop(mut f: impl FnMut() -> u64, target: Duration) -> f64 {
    for _ in 0..3 {
        black_box(f());
    }
    let mut iters: u64 = 1;
    let per_iter = loop {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        let e = t.elapsed();
        if e >= target / 10 {
            break e.as_secs_f64() / iters as f64;
        }
        iters *= 4;
    };
    let iters = ((target.as_secs_f64() / per_iter) as u64).max(1);
    let t = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    t.elapsed().as_secs_f64() * 1e9 / iters as f64
}

/// ns per call of `kernel(n)`: one context made up front (as an embedder
/// keeps one per running task), then [`time_loop`]. `kernel` is a function
/// item, so the timed loop makes a direct call, as Go's benchmark loop
/// does.
fn time_kernel<K>(kernel: K, n: usize, target: Duration) -> f64
where
    K: Fn(&mut BCx<'_>, usize) -> u64,
{
    let mut fx = Fixture::new(n);
    let Fixture {
        task, worker, env, ..
    } = &mut fx;
    let mut cx = task.cx(worker, env).expect("same pool");
    time_loop(|| kernel(&mut cx, black_box(n)), target)
}

/// ns per call of the std-shim kernel `kernel(n)`, timed INSIDE one
/// `deferrt::go` (the goroutine is set up once, outside the timed loop, as
/// a Go benchmark runs in one goroutine); the goroutine's own cost is the
/// `shim/go_empty` case.
fn time_shim(kernel: ShimKernel, n: usize, target: Duration) -> f64 {
    deferrt::go(|| time_loop(|| kernel(black_box(n)), target))
        .expect("the goroutine died")
        .expect("the goroutine returned normally")
}

/// Times every kernel of ours once: (case name, ns per call).
/// Only the core's loop rows (`--only loop`): hand, chain and naive at every n.
fn run_ours_loops(target: Duration) -> Vec<(String, f64)> {
    let mut v = Vec::new();
    for n in LOOP_NS {
        v.push((
            format!("loop/hand/n={n}"),
            time_kernel(loop_hand, n, target),
        ));
        v.push((
            format!("loop/chain/n={n}"),
            time_kernel(loop_chain, n, target),
        ));
        v.push((
            format!("loop/naive/n={n}"),
            time_kernel(loop_naive, n, target),
        ));
    }
    v
}

fn run_ours(target: Duration) -> Vec<(String, f64)> {
    let mut v = vec![
        ("body/hand".to_string(), time_kernel(body_hand, 7, target)),
        ("body/open".to_string(), time_kernel(body_open, 7, target)),
        ("body/leaf".to_string(), time_kernel(body_leaf, 7, target)),
        (
            "body/inline".to_string(),
            time_kernel(body_inline, 7, target),
        ),
        ("body/chain".to_string(), time_kernel(body_chain, 7, target)),
        (
            "body/scopeguard".to_string(),
            time_kernel(body_scopeguard, 7, target),
        ),
    ];
    for n in LOOP_NS {
        v.push((
            format!("loop/hand/n={n}"),
            time_kernel(loop_hand, n, target),
        ));
        v.push((
            format!("loop/chain/n={n}"),
            time_kernel(loop_chain, n, target),
        ));
        v.push((
            format!("loop/naive/n={n}"),
            time_kernel(loop_naive, n, target),
        ));
    }
    for d in DEPTHS {
        v.push((
            format!("panic/hand/depth={d}"),
            time_kernel(panic_hand, d, target),
        ));
        v.push((
            format!("panic/recover/depth={d}"),
            time_kernel(panic_recover, d, target),
        ));
    }
    v.extend(run_shim(target));
    v.extend(run_minigo(target));
    v
}

/// Times the minigo rows: the interpreted loop of n defers and the same
/// loop calling by hand, each one call of a function of a program loaded
/// once (`deferrt_benches::minigo::SRC`).
fn run_minigo(target: Duration) -> Vec<(String, f64)> {
    let mut s = mg::session();
    let defer = s.func("loopDefer").expect("loopDefer");
    let hand = s.func("loopHand").expect("loopHand");
    let mut v = Vec::new();
    for n in LOOP_NS {
        let t = time_loop(|| mg::run_func(&mut s, &hand, black_box(n)), target);
        v.push((format!("minigo/loop/hand/n={n}"), t));
        let t = time_loop(|| mg::run_func(&mut s, &defer, black_box(n)), target);
        v.push((format!("minigo/loop/defer/n={n}"), t));
    }
    v
}

/// Times the std shim's kernels (each inside one goroutine), an empty
/// goroutine, and the bare Rust unwinding rows.
fn run_shim(target: Duration) -> Vec<(String, f64)> {
    let mut v = vec![
        (
            "shim/go_empty".to_string(),
            time_loop(|| ds::go_empty(black_box(7)), target),
        ),
        (
            "shim/body/hand".to_string(),
            time_shim(ds::shim_body_hand, 7, target),
        ),
        ("shim/body".to_string(), time_shim(ds::shim_body, 7, target)),
        (
            "shim/macro_body".to_string(),
            time_shim(ds::macro_body, 7, target),
        ),
        (
            "shim/body/hand_ptr".to_string(),
            time_shim(ds::shim_body_hand_ptr, 7, target),
        ),
        (
            "shim/macro_body_inline".to_string(),
            time_shim(ds::macro_body_inline, 7, target),
        ),
    ];
    for n in LOOP_NS {
        v.push((
            format!("shim/loop/hand/n={n}"),
            time_shim(ds::shim_loop_hand, n, target),
        ));
        v.push((
            format!("shim/loop/n={n}"),
            time_shim(ds::shim_loop, n, target),
        ));
        v.push((
            format!("shim/macro_loop/n={n}"),
            time_shim(ds::macro_loop, n, target),
        ));
    }
    for d in DEPTHS {
        v.push((
            format!("shim/panic/hand/depth={d}"),
            time_shim(ds::shim_panic_hand, d, target),
        ));
        v.push((
            format!("shim/panic/recover/depth={d}"),
            time_shim(ds::shim_panic_recover, d, target),
        ));
        v.push((
            format!("shim/macro_panic/recover/depth={d}"),
            time_shim(ds::macro_panic_recover, d, target),
        ));
        v.push((
            format!("rust/unwind/depth={d}"),
            time_shim(ds::rust_unwind, d, target),
        ));
        v.push((
            format!("rust/rethrow/depth={d}"),
            time_shim(ds::rust_unwind_rethrow, d, target),
        ));
    }
    v
}

/// Runs the Go benchmarks once; returns ns/op by benchmark name (without
/// the `-GOMAXPROCS` suffix).
fn run_go(dir: &PathBuf, benchtime_ms: u64, pattern: &str) -> BTreeMap<String, f64> {
    let out = Command::new("go")
        .current_dir(dir)
        .args([
            "test",
            "-run",
            "^$",
            "-bench",
            pattern,
            "-benchtime",
            &format!("{benchtime_ms}ms"),
            "-count",
            "1",
        ])
        .output()
        .expect("run `go test` (is Go 1.27.3 on PATH?)");
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        panic!(
            "go test failed:\n{text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    parse_go(&text)
}

/// Parses `BenchmarkX/y-2   123   45.6 ns/op ...` lines.
fn parse_go(text: &str) -> BTreeMap<String, f64> {
    let mut m = BTreeMap::new();
    for line in text.lines() {
        let mut f = line.split_whitespace();
        let Some(name) = f.next().filter(|n| n.starts_with("Benchmark")) else {
            continue;
        };
        let fields: Vec<&str> = f.collect();
        let Some(i) = fields.iter().position(|w| *w == "ns/op") else {
            continue;
        };
        let Ok(ns) = fields[i - 1].parse::<f64>() else {
            continue;
        };
        let name = name.trim_start_matches("Benchmark");
        let name = match name.rfind('-') {
            Some(p) if name[p + 1..].chars().all(|c| c.is_ascii_digit()) => &name[..p],
            _ => name,
        };
        m.insert(name.to_string(), ns);
    }
    m
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let n = s.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// A row of the comparison: our case against Go's benchmark of the same
/// scenario, per defer.
struct Row {
    label: String,
    ours: String,
    go: String,
    defers: usize,
}

fn rows() -> Vec<Row> {
    let mut r = vec![
        Row {
            label: "body: hand-written call".into(),
            ours: "body/hand".into(),
            go: "BodyHand".into(),
            defers: 1,
        },
        Row {
            label: "body: one defer (ours open-coded)".into(),
            ours: "body/open".into(),
            go: "BodyDefer".into(),
            defers: 1,
        },
        Row {
            label: "body: one defer (ours open-coded Leaf)".into(),
            ours: "body/leaf".into(),
            go: "BodyDefer".into(),
            defers: 1,
        },
        Row {
            label: "body: one defer (ours inline frame, Leaf)".into(),
            ours: "body/inline".into(),
            go: "BodyDefer".into(),
            defers: 1,
        },
        Row {
            label: "body: one defer (ours chain)".into(),
            ours: "body/chain".into(),
            go: "BodyDefer".into(),
            defers: 1,
        },
        Row {
            label: "body: one defer (std shim func+defer)".into(),
            ours: "shim/body".into(),
            go: "BodyDefer".into(),
            defers: 1,
        },
        Row {
            label: "body: one defer (std shim #[deferrt::func] defer! {})".into(),
            ours: "shim/macro_body".into(),
            go: "BodyDefer".into(),
            defers: 1,
        },
        Row {
            label: "body: hand-written `*p += v` (std shim, baseline of the inline tier)".into(),
            ours: "shim/body/hand_ptr".into(),
            go: "BodyHand".into(),
            defers: 1,
        },
        Row {
            label: "body: one defer (std shim #[deferrt::func], inline tier `defer! { *p += v }`)"
                .into(),
            ours: "shim/macro_body_inline".into(),
            go: "BodyDefer".into(),
            defers: 1,
        },
        Row {
            label: "std shim: empty deferrt::go (no Go twin)".into(),
            ours: "shim/go_empty".into(),
            go: String::new(),
            defers: 1,
        },
    ];
    for n in LOOP_NS {
        r.push(Row {
            label: format!("loop defer n={n} (ours chain)"),
            ours: format!("loop/chain/n={n}"),
            go: format!("LoopDefer/n={n}"),
            defers: n,
        });
        r.push(Row {
            label: format!("loop defer n={n} (naive Vec<Box<dyn FnOnce>>)"),
            ours: format!("loop/naive/n={n}"),
            go: format!("LoopDefer/n={n}"),
            defers: n,
        });
        r.push(Row {
            label: format!("loop defer n={n} (std shim)"),
            ours: format!("shim/loop/n={n}"),
            go: format!("LoopDefer/n={n}"),
            defers: n,
        });
        r.push(Row {
            label: format!("loop defer n={n} (std shim #[deferrt::func] defer! {{}})"),
            ours: format!("shim/macro_loop/n={n}"),
            go: format!("LoopDefer/n={n}"),
            defers: n,
        });
        r.push(Row {
            label: format!("loop hand-written n={n}"),
            ours: format!("loop/hand/n={n}"),
            go: format!("LoopHand/n={n}"),
            defers: n,
        });
        r.push(Row {
            label: format!("loop defer n={n} (minigo: interpreted `defer work(i)`)"),
            ours: format!("minigo/loop/defer/n={n}"),
            go: format!("LoopDefer/n={n}"),
            defers: n,
        });
        r.push(Row {
            label: format!("loop hand-written n={n} (minigo: interpreted `work(i)`)"),
            ours: format!("minigo/loop/hand/n={n}"),
            go: format!("LoopHand/n={n}"),
            defers: n,
        });
    }
    for d in DEPTHS {
        r.push(Row {
            label: format!("panic+recover depth={d}"),
            ours: format!("panic/recover/depth={d}"),
            go: format!("PanicRecover/depth={d}"),
            defers: d,
        });
        r.push(Row {
            label: format!("panic+recover depth={d} (std shim)"),
            ours: format!("shim/panic/recover/depth={d}"),
            go: format!("PanicRecover/depth={d}"),
            defers: d,
        });
        r.push(Row {
            label: format!("panic+recover depth={d} (std shim macro, outermost catches)"),
            ours: format!("shim/macro_panic/recover/depth={d}"),
            go: format!("PanicRecover/depth={d}"),
            defers: d,
        });
        r.push(Row {
            label: format!("bare Rust resume_unwind+catch_unwind depth={d}"),
            ours: format!("rust/unwind/depth={d}"),
            go: format!("PanicRecover/depth={d}"),
            defers: d,
        });
        r.push(Row {
            label: format!("bare Rust catch+rethrow per frame depth={d}"),
            ours: format!("rust/rethrow/depth={d}"),
            go: format!("PanicRecover/depth={d}"),
            defers: d,
        });
    }
    r
}

/// A JSON number, or `null` for a case that was not measured (NaN).
fn json_num(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.4}")
    } else {
        "null".into()
    }
}

fn json_samples(m: &BTreeMap<String, Vec<f64>>) -> String {
    let mut s = String::from("{");
    for (i, (k, v)) in m.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        let vals: Vec<String> = v.iter().map(|x| format!("{x:.4}")).collect();
        let _ = write!(s, "\"{k}\":[{}]", vals.join(","));
    }
    s.push('}');
    s
}

fn main() {
    let mut rounds = 5usize;
    let mut benchtime_ms = 200u64;
    let mut json: Option<PathBuf> = None;
    let mut go_dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/go"));
    let mut only_loops = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--rounds" => rounds = val().parse().expect("--rounds N"),
            "--benchtime-ms" => benchtime_ms = val().parse().expect("--benchtime-ms MS"),
            "--json" => json = Some(PathBuf::from(val())),
            "--go-dir" => go_dir = PathBuf::from(val()),
            "--only" => match val().as_str() {
                "loop" => only_loops = true,
                other => panic!("--only: `loop` is the one group (got {other})"),
            },
            "-h" | "--help" => {
                println!(
                    "sidebyside [--rounds 5] [--benchtime-ms 200] [--json PATH] [--go-dir DIR] [--only loop]"
                );
                return;
            }
            other => panic!("unknown argument {other}"),
        }
    }
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build; run with --release");
    }
    let target = Duration::from_millis(benchtime_ms);
    let mut ours: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut go: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let started = Instant::now();
    for round in 1..=rounds {
        let mine = if only_loops {
            run_ours_loops(target)
        } else {
            run_ours(target)
        };
        for (k, ns) in mine {
            ours.entry(k).or_default().push(ns);
        }
        eprintln!(
            "round {round}/{rounds}: ours done ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
        let pattern = if only_loops {
            "^BenchmarkLoop"
        } else {
            "^Benchmark(Body|Loop|Panic)"
        };
        for (k, ns) in run_go(&go_dir, benchtime_ms, pattern) {
            go.entry(k).or_default().push(ns);
        }
        eprintln!(
            "round {round}/{rounds}: Go done ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
    }

    let med = |m: &BTreeMap<String, Vec<f64>>, k: &str| m.get(k).map_or(f64::NAN, |v| median(v));
    println!(
        "Wall-clock, median of {rounds} interleaved rounds (ours, Go, ours, Go, ...), benchtime {benchtime_ms} ms"
    );
    println!(
        "{:<52} {:>14} {:>14} {:>12} {:>12} {:>10}",
        "case", "ours ns/op", "Go ns/op", "ours ns/def", "Go ns/def", "Go/ours"
    );
    let mut rows_json = Vec::new();
    for r in rows() {
        if only_loops && !r.ours.starts_with("loop/") {
            continue;
        }
        let o = med(&ours, &r.ours);
        let g = med(&go, &r.go);
        let n = r.defers as f64;
        println!(
            "{:<52} {:>14.2} {:>14.2} {:>12.3} {:>12.3} {:>9.2}x",
            r.label,
            o,
            g,
            o / n,
            g / n,
            g / o
        );
        rows_json.push(format!(
            "{{\"label\":\"{}\",\"ours\":\"{}\",\"go\":\"{}\",\"defers\":{},\"ours_ns\":{},\"go_ns\":{}}}",
            r.label,
            r.ours,
            r.go,
            r.defers,
            json_num(o),
            json_num(g)
        ));
    }
    if let Some(path) = json {
        let doc = format!(
            "{{\"rounds\":{rounds},\"benchtime_ms\":{benchtime_ms},\"ours\":{},\"go\":{},\"rows\":[{}]}}\n",
            json_samples(&ours),
            json_samples(&go),
            rows_json.join(",")
        );
        std::fs::write(&path, doc).expect("write --json file");
        eprintln!("wrote {}", path.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_go_bench_lines() {
        let m = parse_go(
            "goos: linux\nBenchmarkLoopDefer/n=16-2 \t 66721\t 2939 ns/op\t 256 B/op\t 16 allocs/op\n\
             BenchmarkBodyHand-2 14760321 21.32 ns/op\nPASS\n",
        );
        assert_eq!(m.get("LoopDefer/n=16"), Some(&2939.0));
        assert_eq!(m.get("BodyHand"), Some(&21.32));
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
