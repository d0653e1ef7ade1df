//! `strconv.FormatFloat` and the unquoting of `strconv.Unquote` (the
//! checker wraps it: checker/pkg_strconv.rs).

use super::value::Value;

/// `strconv.FormatFloat(x, fmt, prec, bits)` for the formats `e E f g G`.
pub fn format_float(x: f64, fmt: u8, prec: i64, bits: i64) -> String {
    let x = if bits == 32 { f64::from(x as f32) } else { x };
    let fmt = fmt as char;
    if prec >= 0 || x.is_nan() || x.is_infinite() {
        let p = if prec >= 0 {
            format!(".{prec}")
        } else {
            String::new()
        };
        let verb = if matches!(fmt, 'e' | 'E' | 'f' | 'g' | 'G') {
            fmt
        } else {
            'g'
        };
        return super::format::sprintf(&format!("%{p}{verb}"), &[Value::Float(x)]);
    }
    if matches!(fmt, 'g' | 'G') {
        let s = super::num::fmt_float(x, if bits == 32 { 32 } else { 64 });
        return if fmt == 'G' { s.to_uppercase() } else { s };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return match fmt {
            'e' => format!("{sign}0e+00"),
            'E' => format!("{sign}0E+00"),
            _ => format!("{sign}0"),
        };
    }
    let (digits, exp) = super::num::shortest(x.abs(), if bits == 32 { 32 } else { 64 });
    if matches!(fmt, 'e' | 'E') {
        return super::num::sci_digits(sign, &digits, exp, fmt);
    }
    super::num::plain_digits(sign, &digits, exp)
}

/// The value of a Go string, rune or raw string literal `s` (the whole of
/// `s`), or `None` when `s` is not one (`strconv.ErrSyntax`).
pub fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    let (&q, rest) = s.split_first()?;
    let (&last, body) = rest.split_last()?;
    if last != q {
        return None;
    }
    match q {
        b'`' => (!body.contains(&b'`') && !body.contains(&b'\r')).then(|| body.to_vec()),
        b'"' | b'\'' => {
            let out = unescape(body, q)?;
            if q == b'\'' {
                let text = std::str::from_utf8(&out).ok()?;
                (text.chars().count() == 1).then_some(out)
            } else {
                Some(out)
            }
        }
        _ => None,
    }
}

fn unescape(body: &[u8], q: u8) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c == q || c == b'\n' {
            return None;
        }
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let e = *body.get(i + 1)?;
        i += 2;
        let simple = match e {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(11),
            b'\\' => Some(b'\\'),
            b'\'' | b'"' if e == q => Some(e),
            _ => None,
        };
        if let Some(b) = simple {
            out.push(b);
            continue;
        }
        let (n, radix) = match e {
            b'x' => (2, 16),
            b'u' => (4, 16),
            b'U' => (8, 16),
            b'0'..=b'7' => {
                i -= 1;
                (3, 8)
            }
            _ => return None,
        };
        let digits = std::str::from_utf8(body.get(i..i + n)?).ok()?;
        let v = u32::from_str_radix(digits, radix).ok()?;
        i += n;
        match e {
            b'x' => out.push(v as u8),
            b'0'..=b'7' => out.push(u8::try_from(v).ok()?),
            _ => {
                let ch = char::from_u32(v)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    Some(out)
}
