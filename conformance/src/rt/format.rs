//! `fmt`'s formatting (Print, Println, Printf verbs) and the builtin
//! `print`'s.

use std::fmt::Write;

use super::value::{FuncVal, Value};
use crate::ir::PrintKind;

/// A stand-in code address for a non-nil func value (Go prints a real one).
pub fn func_addr(f: &FuncVal) -> &'static str {
    match f {
        FuncVal::Nil(_) => "nil",
        FuncVal::Closure(_) | FuncVal::Bound(_) | FuncVal::Wrap(_) => "0x4a5f20",
    }
}

/// `%v` of a value, as `fmt.Print` prints it.
pub fn fmt_v(v: &Value) -> String {
    match super::fmt_shape::typed_view(v) {
        Some(t) => fmt_v_of(&t),
        None => fmt_v_of(v),
    }
}

/// [`fmt_v`] of a value whose numbers are boxed where `fmt` needs it.
fn fmt_v_of(v: &Value) -> String {
    match v {
        Value::Nil => "<nil>".into(),
        Value::Int(n) => n.to_string(),
        Value::BoxedInt(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Str(s) => s.text().into_owned(),
        Value::Err(e) => e.text.text().into_owned(),
        Value::Func(FuncVal::Nil(_)) => "<nil>".into(),
        Value::Func(f) => func_addr(f).into(),
        Value::Float(x) => super::num::fmt_float(*x, 64),
        Value::Complex(re, im) => {
            super::complex::fmt_complex(crate::types::complex::C(*re, *im), 128)
        }
        Value::Slice { .. } | Value::Map(_) => {
            super::fmt_composite::each(v, &|e| format_one('v', &Spec::default(), e))
        }
        v => super::iface::fmt_composite(v, false, true),
    }
}

/// `fmt.Sprint`: spaces between operands when neither is a string.
pub fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    let mut prev_string = false;
    for (i, a) in args.iter().enumerate() {
        let is_string = matches!(a, Value::Str(_));
        if i > 0 && !is_string && !prev_string {
            out.push(' ');
        }
        out.push_str(&fmt_v(a));
        prev_string = is_string;
    }
    out
}

/// `fmt.Sprintln`: spaces always, then a newline.
pub fn sprintln(args: &[Value]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&fmt_v(a));
    }
    out.push('\n');
    out
}

/// The builtin `print`/`println`.
pub fn builtin_print(args: &[Value], kinds: &[PrintKind], ln: bool) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if ln && i > 0 {
            out.push(' ');
        }
        let iface = kinds.get(i) == Some(&PrintKind::Iface);
        let nil = || {
            matches!(a, Value::Nil | Value::Func(FuncVal::Nil(_)))
                || super::slice::is_nil_slice(a)
                || super::map::is_nil_map(a)
        };
        // Addresses are stand-ins (the same for every non-nil value).
        let addr = |nil: bool| if nil { "0x0" } else { "0xc000012000" };
        match a {
            _ if kinds.get(i) == Some(&PrintKind::Slice) => {
                let (l, c) = (
                    super::slice::len(a).unwrap_or(0),
                    super::slice::cap(a).unwrap_or(0),
                );
                let _ = write!(out, "[{l}/{c}]{}", addr(nil()));
            }
            _ if kinds.get(i) == Some(&PrintKind::Ref) && !matches!(a, Value::Func(_)) => {
                out.push_str(addr(nil()))
            }
            _ if iface => {
                if a.is_nil() {
                    out.push_str("(0x0,0x0)");
                } else {
                    out.push_str("(0x4b2f00,0xc000012000)");
                }
            }
            Value::Int(n) if kinds.get(i) == Some(&PrintKind::Unsigned) => {
                let _ = write!(out, "{}", *n as u64);
            }
            Value::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Value::Bool(b) => {
                let _ = write!(out, "{b}");
            }
            Value::Str(s) => out.push_str(&s.text()),
            Value::Func(FuncVal::Nil(_)) => out.push_str("0x0"),
            Value::Func(f) => out.push_str(func_addr(f)),
            Value::Nil => out.push_str("(0x0,0x0)"),
            Value::Float(x) => {
                let bits = if kinds.get(i) == Some(&PrintKind::Single) {
                    32
                } else {
                    64
                };
                out.push_str(&super::num::fmt_float(*x, bits))
            }
            Value::Complex(re, im) => {
                let bits = if kinds.get(i) == Some(&PrintKind::Single) {
                    64
                } else {
                    128
                };
                let c = crate::types::complex::C(*re, *im);
                out.push_str(&super::complex::fmt_complex(c, bits))
            }
            _ => out.push_str("(0x4b2f00,0xc000012000)"),
        }
    }
    if ln {
        out.push('\n');
    }
    out
}

/// Go's `strconv.Quote`.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if is_print(c) => out.push(c),
            c if (c as u32) < 0x80 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// `%q` (`%#q` with `sharp`) of the bytes `b`: a raw back-quoted string
/// when Go's `strconv.CanBackquote` allows it (valid UTF-8, no back quote,
/// no control character but tab, no BOM), else [`quote`].
fn quote_sharp(b: &[u8], sharp: bool) -> String {
    match std::str::from_utf8(b) {
        Ok(s)
            if sharp
                && !s.chars().any(|c| {
                    c == '`' || c == '\u{feff}' || c == '\x7f' || (c < ' ' && c != '\t')
                }) =>
        {
            format!("`{s}`")
        }
        _ => quote(&String::from_utf8_lossy(b)),
    }
}

/// An approximation of Go's `strconv.IsPrint`.
fn is_print(c: char) -> bool {
    !c.is_control()
        && !matches!(
            c,
            '\u{ad}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{200b}'..='\u{200f}'
        )
}

/// `%q` of an int: a quoted rune.
fn quote_rune(n: i64) -> String {
    let c = u32::try_from(n)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{fffd}');
    match c {
        '\'' => "'\\''".into(),
        '"' => "'\"'".into(),
        c => {
            let q = quote(&c.to_string());
            format!("'{}'", &q[1..q.len() - 1])
        }
    }
}

/// Flags and width of one verb.
#[derive(Default, Clone, Copy)]
struct Spec {
    minus: bool,
    plus: bool,
    zero: bool,
    width: Option<usize>,
    /// `.N` (floats: digits; strings: runes).
    prec: Option<usize>,
    /// The ` ` flag (`% x`: spaces between bytes).
    space: bool,
    /// The `#` flag.
    sharp: bool,
}

impl Spec {
    fn pad(&self, s: String, numeric: bool) -> String {
        let Some(w) = self.width else { return s };
        let n = s.chars().count();
        if n >= w {
            return s;
        }
        let fill = w - n;
        if self.minus {
            format!("{s}{}", " ".repeat(fill))
        } else if self.zero && numeric {
            match s.strip_prefix('-') {
                Some(rest) => format!("-{}{rest}", "0".repeat(fill)),
                None => format!("{}{s}", "0".repeat(fill)),
            }
        } else if self.zero {
            // Go pads any text with zeros on the left under the 0 flag.
            format!("{}{s}", "0".repeat(fill))
        } else {
            format!("{}{s}", " ".repeat(fill))
        }
    }
}

/// `%v` of an integer is `%d`; its `+` and `#` flags ask for other
/// formats (of structs: `%+v`, `%#v`), so an integer prints without them.
fn int_spec(verb: char, spec: &Spec) -> (char, Spec) {
    match verb {
        'v' => (
            'd',
            Spec {
                plus: false,
                sharp: false,
                ..*spec
            },
        ),
        v => (v, *spec),
    }
}

/// An integer verb (`%v %d %b %o %O %x %X`) of the integer `-mag` if
/// `neg`, else `mag`, as Go's `fmtInteger`: a precision or (without
/// one) the `0` flag with a width is a minimum of digits, the `0x`/`0`/`0b`
/// prefix and the sign come before those zeros, spaces pad the rest.
fn int_verb(verb: char, spec: &Spec, neg: bool, mag: u64) -> String {
    let mut digits = match verb {
        'b' => format!("{mag:b}"),
        'o' | 'O' => format!("{mag:o}"),
        'x' => format!("{mag:x}"),
        'X' => format!("{mag:X}"),
        _ => mag.to_string(),
    };
    let signed = neg || spec.plus || spec.space;
    let min = match (spec.prec, spec.width) {
        (Some(0), _) if mag == 0 => {
            return " ".repeat(spec.width.unwrap_or(0));
        }
        (Some(p), _) => p,
        (None, Some(w)) if spec.zero && !spec.minus => w.saturating_sub(usize::from(signed)),
        _ => 0,
    };
    if digits.len() < min {
        digits = format!("{}{digits}", "0".repeat(min - digits.len()));
    }
    let prefix = match verb {
        'b' if spec.sharp => "0b",
        'o' if spec.sharp && !digits.starts_with('0') => "0",
        'x' if spec.sharp => "0x",
        'X' if spec.sharp => "0X",
        'O' => "0o",
        _ => "",
    };
    let sign = if neg {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    };
    let unpadded = Spec {
        zero: false,
        width: spec.width,
        minus: spec.minus,
        ..Spec::default()
    };
    unpadded.pad(format!("{sign}{prefix}{digits}"), false)
}

/// `%!verb(type=value)` for a mismatched argument.
fn bad_verb(verb: char, v: &Value) -> String {
    match v {
        Value::Nil => format!("%!{verb}(<nil>)"),
        Value::Err(e) => format!("%!{verb}({}=&{{{}}})", e.kind.type_name(), e.text.text()),
        v => format!("%!{verb}({}={})", v.type_name(), fmt_v(v)),
    }
}

/// `%!verb(T=x)` for a boxed integer or float of type `T` and a verb its
/// kind has not (the type's name as Go spells it, the value by its kind).
fn bad_number_verb(verb: char, b: &super::value::Boxed) -> Option<String> {
    use crate::types::num::NumKind;
    if b.text.is_some() {
        return None;
    }
    let shown = match (&b.val, &b.ty.kind) {
        (Value::Int(n), super::types::TypeKind::Num(k @ NumKind::Int(_)))
            if !matches!(
                verb,
                'v' | 'd' | 'o' | 'b' | 'O' | 'x' | 'X' | 'c' | 'q' | 'U' | 'T'
            ) =>
        {
            super::num::fmt_int(*n, *k)
        }
        (Value::Float(x), super::types::TypeKind::Num(NumKind::Float(bits)))
            if !matches!(
                verb,
                'v' | 'b' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'x' | 'X' | 'T'
            ) =>
        {
            super::num::fmt_float(*x, *bits)
        }
        _ => return None,
    };
    Some(format!("%!{verb}({}={shown})", b.ty.name))
}

/// A pointer to an array, slice or map at the top: `&` and what it points
/// to, formatted with `verb` (Go's `printValue` at depth 0).
fn pointer_to_elems(verb: char, spec: &Spec, b: &super::value::Boxed) -> Option<String> {
    if !b.ty.kind.points_to_elems()
        || !matches!(b.val, Value::Ptr { .. } | Value::FieldPtr(_))
        || matches!(verb, 'T' | 'p')
        || !super::fmt_composite::at_top()
    {
        return None;
    }
    let to = super::iface::load(&b.val).ok()?;
    let to = super::fmt_shape::pointee_view(&b.ty, to);
    Some(format!("&{}", format_one(verb, spec, &to)))
}

fn format_one(verb: char, spec: &Spec, v: &Value) -> String {
    match super::fmt_shape::typed_view(v) {
        Some(t) => format_one_of(verb, spec, &t),
        None => format_one_of(verb, spec, v),
    }
}

/// [`format_one`] of a value whose numbers are boxed where `fmt` needs it.
fn format_one_of(verb: char, spec: &Spec, v: &Value) -> String {
    let text = |s: &str| s.to_string();
    // `%+v` asks for field names, not signs: a number prints without one.
    let num_spec = Spec {
        plus: spec.plus && verb != 'v',
        ..*spec
    };
    if let Some((x, bits)) = super::num::float_of(v) {
        if let Some(s) = super::num::float_verb(verb, spec.prec, num_spec.plus, x, bits) {
            return spec.pad(s, true);
        }
    }
    if let Some(c) = super::complex::complex_of(v) {
        let pad = |s: String| spec.pad(s, true);
        if let Some(s) = super::complex::complex_verb(verb, spec.prec, num_spec.plus, c, &pad) {
            return s;
        }
    }
    if let Value::Iface(b) = v {
        // A byte slice formats as a string for %s, %q, %x, %X.
        if matches!(verb, 's' | 'q' | 'x' | 'X') && &*b.ty.name == "[]uint8" {
            let bytes: Vec<u8> = super::slice::elems(&b.val)
                .iter()
                .map(|e| match e {
                    Value::Int(n) => *n as u8,
                    _ => 0,
                })
                .collect();
            return format_one(verb, spec, &Value::Str(super::value::Str(bytes.into())));
        }
        if matches!(verb, 'v' | 's' | 'q' | 'x' | 'X') {
            if let Some(p) = super::iface::caught(b, verb) {
                return p;
            }
        }
        if let (
            Value::Int(n),
            super::types::TypeKind::Num(crate::types::num::NumKind::Int(k)),
            'v' | 'd' | 'o' | 'b' | 'O' | 'x' | 'X',
            None,
        ) = (&b.val, &b.ty.kind, verb, &b.text)
        {
            if !k.signed() {
                // An unsigned 64-bit value above i64's range is held as
                // its bits.
                let (verb, spec) = int_spec(verb, spec);
                return int_verb(verb, &spec, false, *n as u64);
            }
        }
        if let Some(bad) = bad_number_verb(verb, b) {
            return bad;
        }
        if let Some(p) = pointer_to_elems(verb, spec, b) {
            return p;
        }
        if verb == 'd' && b.ty.kind.is_pointer() && matches!(b.val, Value::Nil) {
            // A nil pointer is the integer 0.
            return format_one(verb, spec, &Value::Int(0));
        }
        match (&b.text, verb) {
            (Some(t), 'v' | 's' | 'q' | 'x' | 'X') => {
                return format_one(verb, spec, &Value::Str(t.clone()));
            }
            (_, 'v' | 'T') => {}
            // The float verbs were tried above: any other is a bad verb,
            // shown with the value's own type (`%!d(complex64=...)`).
            (None, _)
                if matches!(
                    b.ty.kind,
                    super::types::TypeKind::Num(
                        crate::types::num::NumKind::Float(_)
                            | crate::types::num::NumKind::Complex(_)
                    )
                ) =>
            {
                return bad_verb(verb, v)
            }
            _ => return format_one(verb, spec, &b.val),
        }
    }
    let v = &v.concrete();
    match (verb, v) {
        ('v', Value::Iface(_) | Value::Struct(_)) if spec.plus => {
            spec.pad(super::iface::fmt_composite(v, true, true), false)
        }
        ('s' | 'v', Value::Str(s)) if spec.prec.is_some() => {
            let n = spec.prec.unwrap_or(0);
            spec.pad(s.text().chars().take(n).collect(), false)
        }
        // `%#v` of a string is Go syntax: quoted.
        ('v', Value::Str(t)) if spec.sharp => spec.pad(quote(&t.text()), false),
        ('v', Value::Int(n)) => {
            let (verb, spec) = int_spec(verb, spec);
            int_verb(verb, &spec, *n < 0, n.unsigned_abs())
        }
        ('v', _) => spec.pad(fmt_v(v), false),
        ('s', Value::Str(s)) => {
            let t = s.text();
            let t: String = match spec.prec {
                Some(p) => t.chars().take(p).collect(),
                None => t.into_owned(),
            };
            spec.pad(t, false)
        }
        ('s', Value::Err(e)) => spec.pad(text(&e.text.text()), false),
        ('q', Value::Str(s)) => spec.pad(quote_sharp(s.as_bytes(), spec.sharp), false),
        ('q', Value::Err(e)) => spec.pad(quote_sharp(e.text.as_bytes(), spec.sharp), false),
        ('q', Value::Int(n)) => spec.pad(quote_rune(*n), false),
        ('t', Value::Bool(b)) => spec.pad(b.to_string(), false),
        ('d' | 'o' | 'b' | 'O' | 'x' | 'X', Value::Int(n)) => {
            int_verb(verb, spec, *n < 0, n.unsigned_abs())
        }
        ('T', Value::Nil) => spec.pad("<nil>".into(), false),
        ('T', v) if !matches!(v, Value::Slice { .. } | Value::Map(_)) => {
            spec.pad(v.type_name(), false)
        }
        ('c', Value::Int(n)) => {
            spec.pad(super::slice::rune_char(&Value::Int(*n)).to_string(), false)
        }
        ('U', Value::Int(n)) => spec.pad(format!("U+{:04X}", n), false),
        ('x' | 'X', Value::Str(s)) => {
            let sep = if spec.space { " " } else { "" };
            let h: String = s
                .as_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(sep);
            spec.pad(if verb == 'X' { h.to_uppercase() } else { h }, false)
        }
        ('x' | 'X', Value::Err(e)) => {
            let h: String = e
                .text
                .as_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            spec.pad(if verb == 'X' { h.to_uppercase() } else { h }, false)
        }
        (_, Value::Slice { .. } | Value::Map(_)) => {
            super::fmt_composite::each(v, &|e| format_one(verb, spec, e))
        }
        // A verb other than %v applies field by field (Go's `printValue`).
        (_, Value::Struct(fs)) if verb != 'T' => {
            let fields: Vec<String> = fs.iter().map(|f| format_one(verb, spec, f)).collect();
            format!("{{{}}}", fields.join(" "))
        }
        _ => bad_verb(verb, v),
    }
}

/// `fmt.Sprintf`.
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut next = 0usize;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => spec.minus = true,
                '+' => spec.plus = true,
                '0' => spec.zero = true,
                ' ' => spec.space = true,
                '#' => spec.sharp = true,
                _ => break,
            }
            chars.next();
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek() {
            if !d.is_ascii_digit() {
                break;
            }
            width.push(d);
            chars.next();
        }
        spec.width = width.parse().ok().filter(|&w: &usize| w <= 10_000);
        if chars.peek() == Some(&'*') {
            // `%*d`: the width is an argument.
            chars.next();
            match args.get(next).map(Value::concrete) {
                Some(Value::Int(w)) => {
                    if w < 0 {
                        spec.minus = true;
                    }
                    spec.width = Some((w.unsigned_abs() as usize).min(10_000));
                }
                _ => out.push_str("%!(BADWIDTH)"),
            }
            next += 1;
        }
        if chars.peek() == Some(&'.') {
            chars.next();
            if chars.peek() == Some(&'*') {
                // `%.*f`: the precision is an argument; a negative one is
                // none.
                chars.next();
                match args.get(next).map(Value::concrete) {
                    Some(Value::Int(p)) if p >= 0 => {
                        spec.prec = Some((p as usize).min(10_000));
                    }
                    // Go writes nothing for a missing one (the verb then
                    // says MISSING).
                    None => {}
                    _ => out.push_str("%!(BADPREC)"),
                }
                next += 1;
            } else {
                let mut p = String::new();
                while let Some(&d) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    p.push(d);
                    chars.next();
                }
                spec.prec = Some(p.parse().unwrap_or(0).min(10_000));
            }
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        match args.get(next) {
            None => {
                let _ = write!(out, "%!{verb}(MISSING)");
            }
            Some(v) => {
                out.push_str(&format_one(verb, &spec, v));
                next += 1;
            }
        }
    }
    if next < args.len() {
        out.push_str("%!(EXTRA ");
        for (i, v) in args[next..].iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match v {
                Value::Nil => out.push_str("<nil>"),
                v => {
                    let _ = write!(out, "{}={}", v.type_name(), fmt_v(v));
                }
            }
        }
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprint_spacing() {
        let args = [
            Value::str("a"),
            Value::Int(1),
            Value::Int(2),
            Value::str("b"),
            Value::Bool(true),
            Value::Bool(false),
            Value::Nil,
        ];
        assert_eq!(sprint(&args), "a1 2btrue false <nil>");
    }

    #[test]
    fn printf_verbs() {
        let args = [Value::str("s"), Value::Int(3), Value::Int(65), Value::Nil];
        assert_eq!(
            sprintf("%d|%s|%q|%v|%d", &args),
            "%!d(string=s)|%!s(int=3)|'A'|<nil>|%!d(MISSING)"
        );
        assert_eq!(
            sprintf(
                "%5d|%-5s|%05d",
                &[Value::Int(42), Value::str("ab"), Value::Int(-42)]
            ),
            "   42|ab   |-0042"
        );
        assert_eq!(
            quote("a\u{0}\u{7f}é\u{2028}\t"),
            "\"a\\x00\\x7fé\\u2028\\t\""
        );
    }
}
