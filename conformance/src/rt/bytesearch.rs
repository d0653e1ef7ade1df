//! Byte-exact searching and comparing, shared by `bytes` (whose slices the
//! checker hands over as strings) and the byte-oriented functions of
//! `strings`: Go's strings are bytes, so these never go through UTF-8.

use std::cmp::Ordering;

/// `bytes.Compare` / `strings.Compare`: -1, 0 or 1.
pub fn compare(a: &[u8], b: &[u8]) -> i64 {
    match a.cmp(b) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

/// The first index of `sep` in `s` (0 for an empty `sep`), or -1.
pub fn index(s: &[u8], sep: &[u8]) -> i64 {
    if sep.is_empty() {
        return 0;
    }
    s.windows(sep.len())
        .position(|w| w == sep)
        .map_or(-1, |i| i as i64)
}

/// The last index of `sep` in `s` (`len(s)` for an empty `sep`), or -1.
pub fn last_index(s: &[u8], sep: &[u8]) -> i64 {
    if sep.is_empty() {
        return s.len() as i64;
    }
    s.windows(sep.len())
        .rposition(|w| w == sep)
        .map_or(-1, |i| i as i64)
}

/// The first index of the byte `c` in `s`, or -1.
pub fn index_byte(s: &[u8], c: u8) -> i64 {
    s.iter().position(|&b| b == c).map_or(-1, |i| i as i64)
}

/// The number of non-overlapping `sep` in `s`; for an empty `sep`, one
/// more than the number of UTF-8 sequences (an invalid byte counts as one).
pub fn count(s: &[u8], sep: &[u8]) -> i64 {
    if sep.is_empty() {
        return String::from_utf8_lossy(s).chars().count() as i64 + 1;
    }
    let (mut n, mut i) = (0, 0);
    while i + sep.len() <= s.len() {
        if &s[i..i + sep.len()] == sep {
            n += 1;
            i += sep.len();
        } else {
            i += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_bytes_not_text() {
        assert_eq!(compare(b"a", b"b"), -1);
        assert_eq!(compare(b"", b""), 0);
        assert_eq!(compare(b"\xff", b"a"), 1);
        assert_eq!(index(b"ab\xffcd", b"cd"), 3);
        assert_eq!(index(b"abc", b""), 0);
        assert_eq!(last_index(b"abab", b"ab"), 2);
        assert_eq!(last_index(b"abc", b""), 3);
        assert_eq!(index_byte(b"a\xffb", 0xff), 1);
        assert_eq!(index_byte(b"", 0), -1);
        assert_eq!(count(b"aaaa", b"aa"), 2);
        assert_eq!(count(b"h\xc3\xa9", b""), 3);
    }
}
