//! Wall clock of the std shim's panic path through `#[deferrt::func]`
//! (only the outermost function catches; the others are landing pads)
//! against the closure API (`deferrt::func`: catch and re-throw in every
//! frame) and the bare Rust rows (`rust_unwind`: one unwind, one catch;
//! `rust_rethrow`: catch + re-throw per frame), and one body defer through
//! the macro against the closure API and the hand-written call.
//!
//! ```text
//! cargo run --release -p deferrt-benches --bin macro_wall -- [--rounds 5] [--benchtime-ms 200] [--only SUBSTRING] [--iters N]
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use deferrt_benches::shim::{self as ds, ShimKernel};

/// ns per call: warm up, ramp the count to a tenth of `target`, time one run.
fn ns_per_call(kernel: ShimKernel, n: usize, target: Duration) -> f64 {
    deferrt::go(|| {
        for _ in 0..3 {
            black_box(kernel(black_box(n)));
        }
        let mut iters = 1u64;
        let each = loop {
            let t = Instant::now();
            for _ in 0..iters {
                black_box(kernel(black_box(n)));
            }
            let e = t.elapsed();
            if e >= target / 10 {
                break e.as_secs_f64() / iters as f64;
            }
            iters *= 4;
        };
        let iters = ((target.as_secs_f64() / each) as u64).max(1);
        let t = Instant::now();
        for _ in 0..iters {
            black_box(kernel(black_box(n)));
        }
        t.elapsed().as_secs_f64() * 1e9 / iters as f64
    })
    .expect("the goroutine died")
    .expect("returned normally")
}

fn main() {
    let mut rounds = 5usize;
    let mut ms = 200u64;
    let mut only = String::new();
    let mut iters: Option<u64> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--rounds" => rounds = v.parse().expect("--rounds N"),
            "--benchtime-ms" => ms = v.parse().expect("--benchtime-ms MS"),
            "--only" => only = v,
            "--iters" => iters = Some(v.parse().expect("--iters N")),
            other => panic!("unknown argument {other}"),
        }
    }
    let target = Duration::from_millis(ms);
    let cases: Vec<(String, ShimKernel, usize)> = {
        let mut c = vec![
            ("body/hand".to_string(), ds::shim_body_hand as ShimKernel, 7),
            (
                "body/func+defer (closure API)".to_string(),
                ds::shim_body,
                7,
            ),
            (
                "body/macro defer! { } (landing pad)".to_string(),
                ds::macro_body,
                7,
            ),
            (
                "body/macro defer!(f(v)) (catches)".to_string(),
                ds::macro_body_call,
                7,
            ),
            ("body/hand *p += v".to_string(), ds::shim_body_hand_ptr, 7),
            (
                "body/macro inline tier *p += v".to_string(),
                ds::macro_body_inline,
                7,
            ),
        ];
        for n in [1usize, 16, 1024, 65536] {
            c.push((
                format!("loop/hand/n={n}/"),
                ds::shim_loop_hand as ShimKernel,
                n,
            ));
            c.push((format!("loop/closure API/n={n}/"), ds::shim_loop, n));
            c.push((format!("loop/macro/n={n}/"), ds::macro_loop, n));
        }
        for d in [1usize, 16] {
            c.push((format!("panic/rust_unwind/depth={d}/"), ds::rust_unwind, d));
            c.push((
                format!("panic/rust_rethrow/depth={d}/"),
                ds::rust_unwind_rethrow,
                d,
            ));
            c.push((
                format!("panic/closure API/depth={d}/"),
                ds::shim_panic_recover,
                d,
            ));
            c.push((
                format!("panic/macro/depth={d}/"),
                ds::macro_panic_recover,
                d,
            ));
            c.push((
                format!("panic/macro chain tier/depth={d}/"),
                ds::macro_panic_recover_chain,
                d,
            ));
        }
        c.retain(|(name, _, _)| name.contains(&only));
        c
    };
    if let Some(n) = iters {
        // A fixed number of calls, untimed: for instruction counts
        // (`valgrind --tool=callgrind`, difference of two counts).
        for (_, k, d) in &cases {
            deferrt::go(|| {
                for _ in 0..n {
                    black_box(k(black_box(*d)));
                }
            })
            .expect("the goroutine died");
        }
        return;
    }
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); cases.len()];
    for _ in 0..rounds {
        for (i, (_, k, n)) in cases.iter().enumerate() {
            samples[i].push(ns_per_call(*k, *n, target));
        }
    }
    println!("median of {rounds} rounds, benchtime {ms} ms");
    for ((name, _, _), s) in cases.iter().zip(&mut samples) {
        s.sort_by(|a, b| a.total_cmp(b));
        println!("{name:<40} {:>12.1} ns", s[s.len() / 2]);
    }
}
