//! `fmt.Sscanf`, lowered to Go (a function literal called with the
//! program's arguments, `Checker::template_tuple_call`) for constant formats
//! made of the verbs `%d %s %v %f %g %e %c` (no widths or flags) and
//! literal text, into pointers to integers, floats and strings; other
//! formats are refused. The scanning follows `fmt/scan.go`: spaces before
//! an operand are skipped (a newline there is an error), a space in the
//! format matches any run of spaces but not a newline, other format text
//! must match the input exactly; integers are decimal with an optional
//! sign (`expected integer` otherwise, `strconv.ParseInt`'s range error,
//! `integer overflow on token` for the operand's width); the errors are
//! Go's texts (`EOF` is `io.EOF` when the program imports `io`).

use super::Checker;
use crate::ast::{Expr as AExpr, ExprKind};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::Type;

/// The scanner, with `EOF` and the integer assignments spliced in.
const SSCANF: &str = r#"package main
var _ = func(str string, format string, args ...any) (n int, err error) {
	i, ai := 0, 0
	eof := func() error { return EOF_ERROR }
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }
	token := func(ok func(c byte, k int) bool) string {
		start := i
		for i < len(str) && ok(str[i], i-start) {
			i++
		}
		return str[start:i]
	}
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	accept := func(digits string) bool {
		for k := 0; k < len(digits); k++ {
			if i < len(str) && str[i] == digits[k] {
				i++
				return true
			}
		}
		return false
	}
	intToken := func(signed bool, v bool) (string, error) {
		start := i
		if signed {
			accept("+-")
		}
		digits, have := "0123456789", false
		if v {
			digits = "0123456789_"
			if accept("0") {
				have = true
				digits = "01234567_"
				if accept("bB") {
					digits, have = "01_", false
				} else if accept("oO") {
					have = false
				} else if accept("xX") {
					digits, have = "0123456789aAbBcCdDeEfF_", false
				}
			}
		}
		if !have && !accept(digits) {
			return "", fmt.Errorf("expected integer")
		}
		for accept(digits) {
		}
		return str[start:i], nil
	}
	scanInt := func(bits int, signed bool, v bool) (int64, error) {
		tok, e := intToken(signed, v)
		if e != nil {
			return 0, e
		}
		base := 10
		if v {
			base = 0
		}
		x, e := minigo_native_strconv_ParseInt(tok, base, 64)
		if e != nil {
			if minigo_native_strconv_isRange(e) {
				return 0, fmt.Errorf("strconv.ParseInt: parsing %q: value out of range", tok)
			}
			return 0, fmt.Errorf("strconv.ParseInt: parsing %q: invalid syntax", tok)
		}
		if signed && bits < 64 && (x >= int64(1)<<(bits-1) || x < -(int64(1)<<(bits-1))) {
			return 0, fmt.Errorf("integer overflow on token %s", tok)
		}
		if !signed && bits < 64 && x >= int64(1)<<bits {
			return 0, fmt.Errorf("unsigned integer overflow on token %s", tok)
		}
		return x, nil
	}
	for fi := 0; fi < len(format); fi++ {
		c := format[fi]
		if c == '%' && fi+1 < len(format) && format[fi+1] != '%' {
			fi++
			verb := format[fi]
			if ai >= len(args) {
				return n, fmt.Errorf("too few operands for format '%%%c'", verb)
			}
			if verb != 'c' {
				for i < len(str) && isSpace(str[i]) {
					i++
				}
				if i < len(str) && str[i] == '\n' {
					return n, fmt.Errorf("unexpected newline")
				}
			}
			if i >= len(str) {
				return n, eof()
			}
			var e error
			switch p := args[ai].(type) {
			INT_CASES
			case *string:
				if verb != 's' && verb != 'v' {
					return n, fmt.Errorf("bad verb '%%%c' for string", verb)
				}
				*p = token(func(c byte, k int) bool { return !isSpace(c) && c != '\n' })
			case *float64, *float32:
				if verb != 'f' && verb != 'g' && verb != 'e' && verb != 'v' {
					return n, fmt.Errorf("bad verb '%%%c' for float", verb)
				}
				exp := false
				tok := token(func(c byte, k int) bool {
					if digit(c) || c == '.' || ((k == 0 || exp) && (c == '+' || c == '-')) {
						exp = false
						return true
					}
					if c == 'e' || c == 'E' {
						exp = true
						return true
					}
					return false
				})
				v, fe := minigo_native_strconv_ParseFloat(tok, 64)
				if fe != nil {
					return n, fmt.Errorf("strconv.ParseFloat: parsing %q: invalid syntax", tok)
				}
				if q, ok := p.(*float64); ok {
					*q = v
				} else if q, ok := p.(*float32); ok {
					*q = float32(v)
				}
			default:
				return n, fmt.Errorf("can't scan type: %T", p)
			}
			if e != nil {
				return n, e
			}
			ai++
			n++
			continue
		}
		if c == '%' {
			fi++
		}
		if isSpace(c) {
			for i < len(str) && isSpace(str[i]) {
				i++
			}
			if i < len(str) && str[i] == '\n' && (fi+1 >= len(format) || format[fi+1] != '\n') {
				return n, fmt.Errorf("newline in input does not match format")
			}
			continue
		}
		if c == '\n' {
			for i < len(str) && isSpace(str[i]) {
				i++
			}
			if i < len(str) && str[i] != '\n' {
				return n, fmt.Errorf("newline in format does not match input")
			}
			if i < len(str) {
				i++
			}
			continue
		}
		if i >= len(str) {
			return n, eof()
		}
		if str[i] != c {
			return n, fmt.Errorf("input does not match format")
		}
		i++
	}
	if ai < len(args) {
		return n, fmt.Errorf("too many operands")
	}
	return n, nil
}(str, format)
"#;

/// The integer pointer types: `(Go type, bits, signed)`.
const INTS: &[(&str, u32, bool)] = &[
    ("int", 64, true),
    ("int8", 8, true),
    ("int16", 16, true),
    ("int32", 32, true),
    ("int64", 64, true),
    ("uint", 64, false),
    ("uint8", 8, false),
    ("uint16", 16, false),
    ("uint32", 32, false),
    ("uint64", 64, false),
];

/// The type-switch cases for the integer pointer types (`%c` scans one
/// byte into an `int32`, as a rune of ASCII text).
fn int_cases() -> String {
    let mut out = String::new();
    for (t, bits, signed) in INTS {
        let rune = if *t == "int32" {
            "\t\t\t\tif verb == 'c' {\n\t\t\t\t\t*p = rune(str[i])\n\t\t\t\t\ti++\n\t\t\t\t\tbreak\n\t\t\t\t}\n"
        } else {
            ""
        };
        out.push_str(&format!(
            "case *{t}:\n{rune}\t\t\t\tif verb != 'd' && verb != 'v' {{\n\
             \t\t\t\t\treturn n, fmt.Errorf(\"bad verb '%%%c' for integer\", verb)\n\t\t\t\t}}\n\
             \t\t\t\tvar v int64\n\t\t\t\tv, e = scanInt({bits}, {signed}, verb == 'v')\n\
             \t\t\t\tif e == nil {{\n\t\t\t\t\t*p = {t}(v)\n\t\t\t\t}}\n\t\t\t"
        ));
    }
    out
}

impl Checker {
    /// `fmt.Sscanf(str, format, args...)` with a constant format of the
    /// verbs above.
    pub(crate) fn sscanf(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [_, format, ..] = args else {
            return super::err(pos, "not enough arguments in call to fmt.Sscanf");
        };
        let ExprKind::Str(f) = &super::expr::unparen(format).kind else {
            return Err(SyntaxError::unsupported(
                format.pos,
                "`fmt.Sscanf` formats that are not string literals",
            ));
        };
        let mut it = f.iter().peekable();
        while let Some(c) = it.next() {
            if *c != b'%' {
                continue;
            }
            match it.next() {
                Some(b'd' | b's' | b'v' | b'f' | b'g' | b'e' | b'c' | b'%') => {}
                _ => {
                    return Err(SyntaxError::unsupported(
                        format.pos,
                        "`fmt.Sscanf` verbs other than %d %s %v %f %g %e %c (and widths)",
                    ))
                }
            }
        }
        let eof = if self.imports.contains_key("io") && self.lookup("io").is_none() {
            "io.EOF"
        } else {
            "fmt.Errorf(\"EOF\")"
        };
        let src = SSCANF
            .replace("EOF_ERROR", eof)
            .replace("INT_CASES", &int_cases());
        self.template_tuple_call(&src, args, pos)
    }
}
