//! The package functions of issue 9 that need no callback into Go code:
//! `strings`, `sort` and `slices` on basic element types, `errors.Is`,
//! `Unwrap`, `Join` and `fmt.Errorf`'s wrapping, and the `log` printers.
//! A function that ends the program or panics says so with [`Stop`].

use std::sync::Arc;

use super::bytesearch;
use super::errors::{self, ErrKind};
use super::format;
use super::slice::{self, rune_char};
use super::value::{Obj, Str, Value};
use super::{Output, Trap};
use crate::ir::PkgFn;

/// How a package function ends other than by returning.
pub enum Stop {
    /// It panics with this value (`log.Panic`).
    Panic(Value),
    /// The program exits with this status (`log.Fatal`).
    Exit(i32),
    /// A run-time error.
    Trap(Trap),
}

fn s(args: &[Value], i: usize) -> String {
    match args.get(i) {
        Some(Value::Str(x)) => x.text().into_owned(),
        _ => String::new(),
    }
}

/// Argument `i`'s bytes (a string's; none for another value).
fn raw(args: &[Value], i: usize) -> &[u8] {
    match args.get(i) {
        Some(Value::Str(x)) => x.as_bytes(),
        _ => &[],
    }
}

fn n(args: &[Value], i: usize) -> i64 {
    match args.get(i) {
        Some(Value::Int(x)) => *x,
        Some(Value::BoxedInt(x)) => **x,
        _ => 0,
    }
}

fn string(x: impl Into<String>) -> Value {
    Value::Str(Str::from(x.into()))
}

fn int(x: usize) -> Value {
    Value::Int(x as i64)
}

/// A new slice of these values.
pub fn slice_of(vals: Vec<Value>) -> Value {
    let n = vals.len() as u32;
    Value::Slice {
        obj: Arc::new(Obj::new(vals.into_boxed_slice())),
        off: 0,
        len: n,
        cap: n,
    }
}

/// Go's byte index of `t` in `x`, or -1.
fn index(x: &str, t: &str) -> i64 {
    x.find(t).map_or(-1, |i| i as i64)
}

/// Runs a package function.
pub fn call(f: PkgFn, a: &[Value], o: &mut dyn Output) -> Result<Vec<Value>, Stop> {
    use PkgFn::*;
    Ok(vec![match f {
        StringsContains | BytesContains => {
            Value::Bool(bytesearch::index(raw(a, 0), raw(a, 1)) >= 0)
        }
        StringsContainsRune => Value::Bool(s(a, 0).contains(rune_char(&Value::Int(n(a, 1))))),
        StringsContainsAny => Value::Bool(s(a, 0).contains(|c| s(a, 1).contains(c))),
        StringsHasPrefix | BytesHasPrefix => Value::Bool(raw(a, 0).starts_with(raw(a, 1))),
        StringsHasSuffix | BytesHasSuffix => Value::Bool(raw(a, 0).ends_with(raw(a, 1))),
        StringsIndex | BytesIndex => Value::Int(bytesearch::index(raw(a, 0), raw(a, 1))),
        StringsIndexByte | BytesIndexByte => {
            Value::Int(bytesearch::index_byte(raw(a, 0), n(a, 1) as u8))
        }
        BytesEqual => Value::Bool(raw(a, 0) == raw(a, 1)),
        BytesLastIndex => Value::Int(bytesearch::last_index(raw(a, 0), raw(a, 1))),
        BytesCount => Value::Int(bytesearch::count(raw(a, 0), raw(a, 1))),
        StringsIndexRune => Value::Int(index(
            &s(a, 0),
            &rune_char(&Value::Int(n(a, 1))).to_string(),
        )),
        StringsLastIndex => Value::Int(s(a, 0).rfind(&s(a, 1)).map_or(-1, |i| i as i64)),
        StringsSplit => strings_of(split(&s(a, 0), &s(a, 1), -1)),
        StringsSplitN => strings_of(split(&s(a, 0), &s(a, 1), n(a, 2))),
        StringsFields => strings_of(s(a, 0).split_whitespace().map(String::from).collect()),
        StringsJoin => {
            let parts: Vec<String> = slice::elems(&a[0])
                .iter()
                .map(|v| s(std::slice::from_ref(v), 0))
                .collect();
            string(parts.join(&s(a, 1)))
        }
        StringsRepeat => {
            if n(a, 1) < 0 {
                return Err(Stop::Panic(string("strings: negative Repeat count")));
            }
            string(s(a, 0).repeat(n(a, 1) as usize))
        }
        StringsReplace => string(replace(&s(a, 0), &s(a, 1), &s(a, 2), n(a, 3))),
        StringsReplaceAll => string(replace(&s(a, 0), &s(a, 1), &s(a, 2), -1)),
        StringsToUpper => string(s(a, 0).chars().map(simple_upper).collect::<String>()),
        StringsToLower => string(s(a, 0).chars().map(simple_lower).collect::<String>()),
        StringsTitle => string(title(&s(a, 0))),
        StringsTrimSpace => string(s(a, 0).trim()),
        StringsTrim => string(s(a, 0).trim_matches(|c| s(a, 1).contains(c))),
        StringsTrimLeft => string(s(a, 0).trim_start_matches(|c| s(a, 1).contains(c))),
        StringsTrimRight => string(s(a, 0).trim_end_matches(|c| s(a, 1).contains(c))),
        StringsTrimPrefix => string(s(a, 0).strip_prefix(&s(a, 1)).map_or(s(a, 0), String::from)),
        StringsTrimSuffix => string(s(a, 0).strip_suffix(&s(a, 1)).map_or(s(a, 0), String::from)),
        StringsCount => int(count(&s(a, 0), &s(a, 1))),
        StringsEqualFold => Value::Bool(s(a, 0).to_lowercase() == s(a, 1).to_lowercase()),
        StringsCompare | BytesCompare => Value::Int(bytesearch::compare(raw(a, 0), raw(a, 1))),
        StringsCut => {
            let (x, sep) = (s(a, 0), s(a, 1));
            return Ok(match x.split_once(&sep) {
                Some((b, c)) => vec![string(b), string(c), Value::Bool(true)],
                None => vec![string(x), string(""), Value::Bool(false)],
            });
        }
        _ => return sorts(f, a, o),
    }])
}

fn strings_of(v: Vec<String>) -> Value {
    slice_of(v.into_iter().map(string).collect())
}

/// `strings.SplitN`'s rules (`n < 0`: all; an empty separator splits
/// into characters).
fn split(x: &str, sep: &str, n: i64) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let mut v: Vec<String> = x.chars().map(String::from).collect();
        if n > 0 && v.len() > n as usize {
            let rest: String = v[n as usize - 1..].concat();
            v.truncate(n as usize - 1);
            v.push(rest);
        }
        return v;
    }
    if n < 0 {
        return x.split(sep).map(String::from).collect();
    }
    x.splitn(n as usize, sep).map(String::from).collect()
}

fn replace(x: &str, old: &str, new: &str, n: i64) -> String {
    if n < 0 {
        return x.replace(old, new);
    }
    x.replacen(old, new, n as usize)
}

fn count(x: &str, sub: &str) -> usize {
    if sub.is_empty() {
        return x.chars().count() + 1;
    }
    x.matches(sub).count()
}

/// Go's `unicode.ToUpper`: one rune to one rune (Unicode's simple case
/// mapping). Rust's `to_uppercase` is the full mapping, which may give
/// several (`ß` → `SS`); a rune whose full mapping is several keeps its
/// case, as Go's simple mapping leaves it.
fn simple_upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `unicode.ToLower` (see [`simple_upper`]): the only multi-rune
/// full lowercase mapping, `İ` → `i̇`, is `i` in the simple one.
fn simple_lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn title(x: &str) -> String {
    let mut out = String::new();
    let mut prev = ' ';
    for c in x.chars() {
        if !prev.is_alphanumeric() && prev != '_' && prev != '\'' {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

fn ord(x: &Value, y: &Value) -> std::cmp::Ordering {
    match (x, y) {
        (Value::Int(a), Value::Int(b)) => a.cmp(b),
        (Value::Str(a), Value::Str(b)) => a.as_bytes().cmp(b.as_bytes()),
        (Value::Float(a), Value::Float(b)) => a.total_cmp(b),
        _ => std::cmp::Ordering::Equal,
    }
}

fn same(x: &Value, y: &Value) -> bool {
    super::ops::compare(crate::ir::Cmp::Eq, x, y).unwrap_or(false)
}

/// Writes `vals` back into the slice `s`.
fn store(sl: &Value, vals: Vec<Value>) {
    for (i, v) in vals.into_iter().enumerate() {
        let _ = slice::set_index(sl, &Value::Int(i as i64), v);
    }
}

fn sorts(f: PkgFn, a: &[Value], o: &mut dyn Output) -> Result<Vec<Value>, Stop> {
    use PkgFn::*;
    let first = a.first().cloned().unwrap_or(Value::Nil);
    let mut v = slice::elems(&first);
    Ok(vec![match f {
        SortInts | SortStrings | SlicesSort => {
            v.sort_by(ord);
            store(&first, v);
            return Ok(Vec::new());
        }
        SlicesReverse => {
            v.reverse();
            store(&first, v);
            return Ok(Vec::new());
        }
        SortIntsAreSorted | SortStringsAreSorted => {
            Value::Bool(v.windows(2).all(|w| ord(&w[0], &w[1]).is_le()))
        }
        SortSearchInts | SortSearchStrings => {
            let x = a.get(1).cloned().unwrap_or(Value::Nil);
            int(v.partition_point(|e| ord(e, &x).is_lt()))
        }
        SlicesContains => Value::Bool(v.iter().any(|e| same(e, &a[1]))),
        SlicesIndex => Value::Int(
            v.iter()
                .position(|e| same(e, &a[1]))
                .map_or(-1, |i| i as i64),
        ),
        SlicesMax | SlicesMin => {
            let pick = if f == SlicesMax {
                v.iter().max_by(|x, y| ord(x, y))
            } else {
                v.iter().min_by(|x, y| ord(x, y))
            };
            match pick {
                Some(x) => x.clone(),
                None => {
                    let which = if f == SlicesMax { "Max" } else { "Min" };
                    return Err(Stop::Panic(string(format!("slices.{which}: empty list"))));
                }
            }
        }
        SlicesEqual => {
            let w = slice::elems(&a[1]);
            Value::Bool(v.len() == w.len() && v.iter().zip(&w).all(|(x, y)| same(x, y)))
        }
        SlicesClone => {
            if slice::is_nil_slice(&first) {
                first
            } else {
                slice_of(v)
            }
        }
        _ => return errs(f, a, o),
    }])
}

/// `fmt.Errorf`: the text as `Sprintf` makes it (`%w` as `%v`), wrapping
/// the errors that `%w` verbs format.
pub fn errorf(f: &str, args: &[Value]) -> Value {
    let text = format::sprintf(&f.replace("%w", "%v"), args);
    let mut wrapped = Vec::new();
    let mut k = 0;
    let mut chars = f.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        while let Some(&d) = chars.peek() {
            if d.is_ascii_digit() || "+-# .*".contains(d) {
                chars.next();
            } else {
                break;
            }
        }
        match chars.next() {
            Some('%') | None => {}
            Some('w') => {
                if let Some(v) = args.get(k).filter(|v| !v.is_nil()) {
                    wrapped.push(v.clone());
                }
                k += 1;
            }
            Some(_) => k += 1,
        }
    }
    match wrapped.len() {
        0 => errors::error(ErrKind::New, text),
        1 => errors::wrapping(ErrKind::Wrap, text, wrapped),
        _ => errors::wrapping(ErrKind::WrapMany, text, wrapped),
    }
}

/// `err` and the errors it wraps, depth first.
fn chain(err: &Value, out: &mut Vec<Value>) {
    if err.is_nil() {
        return;
    }
    out.push(err.clone());
    if let Value::Err(e) = err {
        for w in &e.wrapped {
            chain(w, out);
        }
    }
}

/// Whether `err` or an error it wraps (depth first) is `target`.
fn is(err: &Value, target: &Value) -> bool {
    if same(err, target) {
        return true;
    }
    match err {
        Value::Err(e) => e.wrapped.iter().any(|w| is(w, target)),
        _ => false,
    }
}

fn errs(f: PkgFn, a: &[Value], o: &mut dyn Output) -> Result<Vec<Value>, Stop> {
    use PkgFn::*;
    Ok(vec![match f {
        ErrorsIs => {
            let (e, t) = (&a[0], &a[1]);
            Value::Bool(if e.is_nil() || t.is_nil() {
                e.is_nil() && t.is_nil()
            } else {
                is(e, t)
            })
        }
        Delete => {
            super::map::delete(&a[0], &a[1]).map_err(Stop::Trap)?;
            return Ok(Vec::new());
        }
        // Bytes, as Go's environment is (not necessarily UTF-8).
        OsGetenv => {
            use std::os::unix::ffi::OsStrExt;
            let key = match &a[0] {
                Value::Str(k) => std::ffi::OsStr::from_bytes(k.as_bytes()).to_owned(),
                _ => Default::default(),
            };
            let v = std::env::var_os(key).unwrap_or_default();
            Value::Str(Str(v.as_bytes().into()))
        }
        RuntimeNop => return Ok(Vec::new()),
        RuntimeBreakpoint => {
            // Go's report of the trap (the PC is a stand-in) and status 2;
            // no deferred call runs.
            o.err(b"SIGTRAP: trace trap\nPC=0x0 m=0 sigcode=128\n\n");
            return Err(Stop::Exit(2));
        }
        // Elements holding arrays are refused here (checker/stmt/defer.rs).
        Copy => Value::Int(super::slice::copy(&a[0], &a[1], &[0]).map_err(Stop::Trap)?),
        MinMax { max, kind } => super::minmax::min_max(max, kind, a),
        Clear => {
            super::minmax::clear(&a[0], a.get(1).unwrap_or(&Value::Nil)).map_err(Stop::Trap)?;
            return Ok(Vec::new());
        }
        Math(m) => return Ok(vec![math(m, a)]),
        Complex(c) => super::complex::call(c, a).map_err(Stop::Trap)?,
        Utf8(u) => return Ok(super::utf8::call(u, a)),
        Rand(r) => return super::rand::call(r, a).map(|v| v.into_iter().collect()),
        Os(f) => return Ok(super::os::call(f, a, o)),
        StrconvFormatFloat => {
            let x = match a.first() {
                Some(Value::Float(x)) => *x,
                _ => 0.0,
            };
            string(super::strconv_more::format_float(
                x,
                n(a, 1) as u8,
                n(a, 2),
                n(a, 3),
            ))
        }
        StrconvUnquote => {
            let q = match a.first() {
                Some(Value::Str(x)) => super::strconv_more::unquote(x.as_bytes()),
                _ => None,
            };
            let ok = q.is_some();
            let text = Value::Str(Str::from(q.unwrap_or_default()));
            return Ok(vec![text, Value::Bool(ok)]);
        }
        StrconvIsRange => Value::Bool(match a.first() {
            Some(Value::Err(e)) => e.text.as_bytes().ends_with(b"value out of range"),
            _ => false,
        }),
        StrconvParseFloat => {
            let text = s(a, 0);
            return Ok(match text.trim().parse::<f64>() {
                Ok(x) if text == text.trim() && !text.is_empty() => {
                    vec![Value::Float(x), Value::Nil]
                }
                _ => vec![
                    Value::Float(0.0),
                    num_error("ParseFloat", &text, "invalid syntax"),
                ],
            });
        }
        StrconvItoa | StrconvAtoi | StrconvQuote | StrconvFormatInt | StrconvParseInt
        | StrconvParseBool | StrconvFormatBool => return Ok(strconv(f, a)),
        UnicodeIsUpper => Value::Bool(rune_char(&a[0]).is_uppercase()),
        UnicodeIsLower => Value::Bool(rune_char(&a[0]).is_lowercase()),
        UnicodeIsDigit => Value::Bool(rune_char(&a[0]).is_numeric()),
        UnicodeIsLetter => Value::Bool(rune_char(&a[0]).is_alphabetic()),
        UnicodeIsSpace => Value::Bool(rune_char(&a[0]).is_whitespace()),
        UnicodeIsPunct => Value::Bool(rune_char(&a[0]).is_ascii_punctuation()),
        UnicodeToUpper => Value::Int(simple_upper(rune_char(&a[0])) as i64),
        UnicodeToLower => Value::Int(simple_lower(rune_char(&a[0])) as i64),
        StderrWrite => {
            let text = s(a, 0);
            o.err(text.as_bytes());
            return Ok(vec![int(text.len()), Value::Nil]);
        }
        ErrorsWrapped => match &a[0] {
            Value::Err(e) => slice_of(e.wrapped.clone()),
            _ => slice_of(Vec::new()),
        },
        ErrorsChain => {
            let mut out = Vec::new();
            chain(&a[0], &mut out);
            slice_of(out)
        }
        ErrorsUnwrap => match &a[0] {
            Value::Err(e) if e.kind == ErrKind::Wrap => {
                e.wrapped.first().cloned().unwrap_or(Value::Nil)
            }
            _ => Value::Nil,
        },
        ErrorsJoin => {
            let errs: Vec<Value> = slice::elems(&a[0])
                .into_iter()
                .filter(|e| !e.is_nil())
                .collect();
            if errs.is_empty() {
                Value::Nil
            } else {
                let texts: Vec<String> = errs.iter().map(format::fmt_v).collect();
                errors::wrapping(ErrKind::Join, texts.join("\n"), errs)
            }
        }
        _ => return log(f, a, o),
    }])
}

/// `log`'s line: the prefix (before or, with `Lmsgprefix`, after the
/// header), the date and time for `Ldate`/`Ltime`, the message and a
/// newline unless it has one.
fn log_line(flags: i64, prefix: &str, msg: &str) -> String {
    let mut out = String::new();
    if flags & 64 == 0 {
        out.push_str(prefix);
    }
    if flags & 3 != 0 {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()) as i64;
        let (days, secs) = (now.div_euclid(86400), now.rem_euclid(86400));
        let (y, m, d) = civil(days);
        if flags & 1 != 0 {
            out.push_str(&format!("{y:04}/{m:02}/{d:02} "));
        }
        if flags & 2 != 0 {
            out.push_str(&format!(
                "{:02}:{:02}:{:02} ",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            ));
        }
    }
    if flags & 64 != 0 {
        out.push_str(prefix);
    }
    out.push_str(msg);
    if !msg.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn log(f: PkgFn, a: &[Value], o: &mut dyn Output) -> Result<Vec<Value>, Stop> {
    use PkgFn::*;
    let (flags, prefix) = (n(a, 0), s(a, 1));
    let rest = a.get(2..).unwrap_or(&[]);
    let msg = match f {
        LogPrint | LogFatal | LogPanic => format::sprint(rest),
        LogPrintln | LogFatalln | LogPanicln => format::sprintln(rest),
        _ => format::sprintf(&s(rest, 0), rest.get(1..).unwrap_or(&[])),
    };
    o.err(log_line(flags, &prefix, &msg).as_bytes());
    match f {
        LogFatal | LogFatalln | LogFatalf => Err(Stop::Exit(1)),
        LogPanic | LogPanicln | LogPanicf => Err(Stop::Panic(string(msg))),
        _ => Ok(Vec::new()),
    }
}

fn f(a: &[Value], i: usize) -> f64 {
    match a.get(i) {
        Some(Value::Float(x)) => *x,
        Some(Value::Int(n)) => *n as f64,
        _ => 0.0,
    }
}

/// `math`'s functions (Go's special cases: `Max`/`Min` with NaN or
/// signed zeros, `Round` half away from zero).
fn math(m: crate::ir::MathFn, a: &[Value]) -> Value {
    use crate::ir::MathFn::*;
    let (x, y) = (f(a, 0), f(a, 1));
    let v = match m {
        Sqrt => x.sqrt(),
        Abs => x.abs(),
        Floor => x.floor(),
        Ceil => x.ceil(),
        Trunc => x.trunc(),
        Round => x.round(),
        Pow => x.powf(y),
        Max if x.is_nan() || y.is_nan() => f64::NAN,
        Max if x == 0.0 && y == 0.0 => {
            if x.is_sign_negative() {
                y
            } else {
                x
            }
        }
        Max => x.max(y),
        Min if x.is_nan() || y.is_nan() => f64::NAN,
        Min if x == 0.0 && y == 0.0 => {
            if x.is_sign_negative() {
                x
            } else {
                y
            }
        }
        Min => x.min(y),
        Mod => x % y,
        Inf => {
            if n(a, 0) >= 0 {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            }
        }
        NaN => f64::NAN,
        IsNaN => return Value::Bool(x.is_nan()),
        IsInf => {
            let s = n(a, 1);
            return Value::Bool(
                (s >= 0 && x == f64::INFINITY) || (s <= 0 && x == f64::NEG_INFINITY),
            );
        }
        Log => x.ln(),
        Log2 => x.log2(),
        Log10 => x.log10(),
        Exp => x.exp(),
        Hypot => crate::types::complex::hypot(x, y),
        Copysign => x.copysign(y),
        Signbit => return Value::Bool(x.is_sign_negative()),
        // A float32 is held as the f64 of the same value: its bits are
        // those of the f32 it converts back to exactly.
        Float32bits => return Value::Int(i64::from((x as f32).to_bits())),
        Float32frombits => f64::from(f32::from_bits(n(a, 0) as u32)),
        Float64bits => return Value::Int(x.to_bits() as i64),
        Float64frombits => f64::from_bits(n(a, 0) as u64),
    };
    Value::Float(v)
}

/// `*strconv.NumError`'s text.
fn num_error(func: &str, s: &str, why: &str) -> Value {
    errors::error(
        ErrKind::New,
        format!("strconv.{func}: parsing {}: {why}", format::quote(s)),
    )
}

/// Go's `ParseInt` of `s` in `base` (0: by prefix) to `bits` bits.
fn parse_int(func: &str, s: &str, base: i64, bits: i64) -> (i64, Value) {
    let (neg, body) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (radix, digits) = match base {
        0 => {
            let l = body.to_ascii_lowercase();
            if let Some(h) = l.strip_prefix("0x") {
                (16, h.to_string())
            } else if let Some(b) = l.strip_prefix("0b") {
                (2, b.to_string())
            } else if let Some(o) = l.strip_prefix("0o") {
                (8, o.to_string())
            } else if l.len() > 1 && l.starts_with('0') {
                (8, l[1..].to_string())
            } else {
                (10, l)
            }
        }
        b => (b as u32, body.to_string()),
    };
    let digits = if base == 0 {
        digits.replace('_', "")
    } else {
        digits
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return (0, num_error(func, s, "invalid syntax"));
    }
    let bits = if bits == 0 { 64 } else { bits.clamp(1, 64) } as u32;
    let max = (1i128 << (bits - 1)) - 1;
    match i128::from_str_radix(&digits, radix) {
        Ok(v) => {
            let v = if neg { -v } else { v };
            if v > max {
                (max as i64, num_error(func, s, "value out of range"))
            } else if v < -max - 1 {
                ((-max - 1) as i64, num_error(func, s, "value out of range"))
            } else {
                (v as i64, Value::Nil)
            }
        }
        Err(_) => {
            let v = if neg { -max - 1 } else { max };
            (v as i64, num_error(func, s, "value out of range"))
        }
    }
}

fn strconv(f: PkgFn, a: &[Value]) -> Vec<Value> {
    use PkgFn::*;
    match f {
        StrconvItoa => vec![string(n(a, 0).to_string())],
        StrconvFormatInt => {
            let (v, base) = (n(a, 0), n(a, 1).clamp(2, 36) as u32);
            let mut digits = Vec::new();
            let mut u = v.unsigned_abs();
            loop {
                digits
                    .push(std::char::from_digit((u % u64::from(base)) as u32, base).unwrap_or('0'));
                u /= u64::from(base);
                if u == 0 {
                    break;
                }
            }
            if v < 0 {
                digits.push('-');
            }
            vec![string(digits.iter().rev().collect::<String>())]
        }
        StrconvAtoi => {
            let (v, e) = parse_int("Atoi", &s(a, 0), 10, 64);
            vec![Value::Int(v), e]
        }
        StrconvParseInt => {
            let (v, e) = parse_int("ParseInt", &s(a, 0), n(a, 1), n(a, 2));
            vec![Value::Int(v), e]
        }
        StrconvParseBool => match s(a, 0).as_str() {
            "1" | "t" | "T" | "true" | "TRUE" | "True" => vec![Value::Bool(true), Value::Nil],
            "0" | "f" | "F" | "false" | "FALSE" | "False" => vec![Value::Bool(false), Value::Nil],
            x => vec![
                Value::Bool(false),
                num_error("ParseBool", x, "invalid syntax"),
            ],
        },
        StrconvFormatBool => vec![string(if matches!(a.first(), Some(Value::Bool(true))) {
            "true"
        } else {
            "false"
        })],
        _ => vec![string(format::quote(&s(a, 0)))],
    }
}
