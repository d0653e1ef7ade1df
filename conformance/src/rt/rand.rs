//! `math/rand`'s top-level functions. Go seeds their shared source at
//! random when the program starts (and `rand.Seed` does nothing since Go
//! 1.24), so a program can rely only on the values being uniform in their
//! range: any good generator seeded at random behaves as Go's does. Here
//! it is SplitMix64 over one atomic state, seeded from the clock and the
//! process id.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use super::pkg::Stop;
use super::value::{Str, Value};
use crate::ir::RandFn;

static STATE: OnceLock<AtomicU64> = OnceLock::new();

/// The next 64 random bits.
fn next() -> u64 {
    let state = STATE.get_or_init(|| {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        AtomicU64::new(now ^ (u64::from(std::process::id()) << 32))
    });
    let mut z = state
        .fetch_add(0x9e37_79b9_7f4a_7c15, Ordering::Relaxed)
        .wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A uniform value in `[0, n)`, `n > 0` (rejection sampling: no bias).
fn below(n: u64) -> u64 {
    let zone = u64::MAX - u64::MAX % n;
    loop {
        let x = next();
        if x < zone {
            return x % n;
        }
    }
}

fn arg(a: &[Value]) -> i64 {
    match a.first() {
        Some(Value::Int(n)) => *n,
        Some(Value::BoxedInt(n)) => **n,
        _ => 0,
    }
}

/// Runs `rand.F(a...)`; a non-positive bound panics with Go's text.
pub fn call(f: RandFn, a: &[Value]) -> Result<Option<Value>, Stop> {
    use RandFn::*;
    let bounded = |name: &str| {
        let n = arg(a);
        if n <= 0 {
            let text = format!("invalid argument to {name}");
            return Err(Stop::Panic(Value::Str(Str::from(text))));
        }
        Ok(Value::Int(below(n as u64) as i64))
    };
    Ok(Some(match f {
        Int | Int63 => Value::Int((next() >> 1) as i64),
        Int31 => Value::Int((next() >> 33) as i64),
        Uint32 => Value::Int((next() >> 32) as i64),
        Uint64 => Value::Int(next() as i64),
        Intn => bounded("Intn")?,
        Int31n => bounded("Int31n")?,
        Int63n => bounded("Int63n")?,
        Float64 => Value::Float((next() >> 11) as f64 / (1u64 << 53) as f64),
        Float32 => Value::Float(f64::from((next() >> 40) as f32 / (1u32 << 24) as f32)),
        Seed => return Ok(None),
    }))
}
