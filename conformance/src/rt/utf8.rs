//! `unicode/utf8` on Go strings and byte slices (bytes that are not UTF-8
//! decode as `RuneError`, one byte at a time, as Go decodes them).

use super::value::Value;
use crate::ir::Utf8Fn;

/// `utf8.RuneError`.
pub const RUNE_ERROR: i64 = 0xFFFD;

/// The first rune of `b` and its length: `(RuneError, 1)` for a byte that
/// does not start a valid encoding, `(RuneError, 0)` for no bytes.
pub fn decode(b: &[u8]) -> (i64, usize) {
    if b.is_empty() {
        return (RUNE_ERROR, 0);
    }
    for k in 1..=b.len().min(4) {
        if let Ok(s) = std::str::from_utf8(&b[..k]) {
            if let Some(c) = s.chars().next() {
                return (i64::from(u32::from(c)), k);
            }
        }
    }
    (RUNE_ERROR, 1)
}

/// The last rune of `b` and its length.
fn decode_last(b: &[u8]) -> (i64, usize) {
    if b.is_empty() {
        return (RUNE_ERROR, 0);
    }
    for k in 1..=b.len().min(4) {
        let (r, n) = decode(&b[b.len() - k..]);
        if n == k && !(r == RUNE_ERROR && k == 1 && b[b.len() - 1] >= 0x80) {
            return (r, n);
        }
    }
    (RUNE_ERROR, 1)
}

fn count(mut b: &[u8]) -> i64 {
    let mut n = 0;
    while !b.is_empty() {
        let (_, k) = decode(b);
        b = &b[k.max(1)..];
        n += 1;
    }
    n
}

fn rune_len(r: i64) -> i64 {
    match r {
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        0xD800..=0xDFFF => -1,
        0x800..=0xFFFF => 3,
        0x10000..=0x10FFFF => 4,
        _ => -1,
    }
}

fn bytes(v: Option<&Value>) -> Vec<u8> {
    match v {
        Some(Value::Str(s)) => s.as_bytes().to_vec(),
        Some(v) => super::slice::elems(v)
            .iter()
            .map(|e| match e {
                Value::Int(n) => *n as u8,
                _ => 0,
            })
            .collect(),
        None => Vec::new(),
    }
}

fn int(v: Option<&Value>) -> i64 {
    match v {
        Some(Value::Int(n)) => *n,
        Some(Value::BoxedInt(n)) => **n,
        _ => 0,
    }
}

/// Runs a function of `unicode/utf8`.
pub fn call(f: Utf8Fn, a: &[Value]) -> Vec<Value> {
    let b = || bytes(a.first());
    let pair = |(r, n): (i64, usize)| vec![Value::Int(r), Value::Int(n as i64)];
    match f {
        Utf8Fn::RuneCount => vec![Value::Int(count(&b()))],
        Utf8Fn::Valid => vec![Value::Bool(std::str::from_utf8(&b()).is_ok())],
        Utf8Fn::Decode => pair(decode(&b())),
        Utf8Fn::DecodeLast => pair(decode_last(&b())),
        Utf8Fn::RuneLen => vec![Value::Int(rune_len(int(a.first())))],
        Utf8Fn::ValidRune => vec![Value::Bool(rune_len(int(a.first())) > 0)],
    }
}
