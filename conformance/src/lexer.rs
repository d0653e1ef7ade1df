//! The lexer: Go tokens with automatic semicolon insertion.

use std::fmt;
use std::rc::Rc;

/// A source position: 1-based line and byte column, as Go reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Byte column, from 1.
    pub col: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A compile-time error: a position and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where.
    pub pos: Pos,
    /// What.
    pub msg: String,
}

impl SyntaxError {
    pub(crate) fn new(pos: Pos, msg: impl Into<String>) -> Self {
        SyntaxError {
            pos,
            msg: msg.into(),
        }
    }

    /// Go that is valid but outside minigo's subset, said the one way minigo
    /// says it: `WHAT are not supported by minigo`, where `what` names the
    /// construct in the plural (`` `map` types ``, `` `go` statements ``).
    /// The parser's general rule ([`crate::parser`]) and the lexer and
    /// checker's few shape-based checks all report through here.
    pub(crate) fn unsupported(pos: Pos, what: &str) -> Self {
        SyntaxError::new(pos, format!("{what} are not supported by minigo"))
    }
}

/// Result of the front end.
pub type PResult<T> = Result<T, SyntaxError>;

/// A token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// An identifier or keyword.
    Ident(Rc<str>),
    /// An integer literal (Go's literals are untyped constants of any
    /// size; minigo keeps those that fit in 128 bits).
    Int(u128),
    /// A floating-point literal, as written (its exact value is
    /// [`crate::types::exact::parse`] of the text).
    Float(Rc<str>),
    /// An imaginary literal, as written with its `i` (its exact value is
    /// [`crate::types::exact::parse_imag`] of the text).
    Imag(Rc<str>),
    /// A rune literal: its code point.
    Rune(u32),
    /// A string literal (already unescaped).
    /// (Go strings are bytes: `"\xff"` is one byte, not UTF-8.)
    Str(Rc<[u8]>),
    /// An operator or delimiter.
    Op(&'static str),
    /// `;`, written or inserted at a newline.
    Semi,
    /// End of input.
    Eof,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Ident(s) => write!(f, "name {s}"),
            Tok::Int(n) => write!(f, "literal {n}"),
            Tok::Float(x) | Tok::Imag(x) => write!(f, "literal {x}"),
            Tok::Rune(c) => write!(f, "literal {c}"),
            Tok::Str(s) => write!(f, "literal {:?}", String::from_utf8_lossy(s)),
            Tok::Op(o) => write!(f, "{o}"),
            Tok::Semi => f.write_str("newline or ;"),
            Tok::Eof => f.write_str("EOF"),
        }
    }
}

/// The operators that start with byte `c`, longest first so that the
/// greedy match works (Go's operators and delimiters).
fn ops_starting(c: u8) -> &'static [&'static str] {
    match c {
        b'<' => &["<<=", "<-", "<=", "<<", "<"],
        b'>' => &[">>=", ">=", ">>", ">"],
        b'&' => &["&^=", "&&", "&=", "&^", "&"],
        b'.' => &["...", "."],
        b'|' => &["||", "|=", "|"],
        b'+' => &["++", "+=", "+"],
        b'-' => &["--", "-=", "-"],
        b'=' => &["==", "="],
        b'!' => &["!=", "!"],
        b':' => &[":=", ":"],
        b'*' => &["*=", "*"],
        b'/' => &["/=", "/"],
        b'%' => &["%=", "%"],
        b'^' => &["^=", "^"],
        b'(' => &["("],
        b')' => &[")"],
        b'[' => &["["],
        b']' => &["]"],
        b'{' => &["{"],
        b'}' => &["}"],
        b',' => &[","],
        b';' => &[";"],
        b'~' => &["~"],
        _ => &[],
    }
}

/// Splits `src` into tokens with their positions.
pub fn lex(src: &str) -> PResult<Vec<(Tok, Pos)>> {
    let mut lx = Lexer {
        src: src.as_bytes(),
        text: src,
        i: 0,
        line: 1,
        line_start: 0,
        base: None,
        // About a token per four bytes of Go: the token list is not
        // regrown and copied again and again while lexing.
        out: Vec::with_capacity(src.len() / 4 + 16),
    };
    lx.run()?;
    Ok(lx.out)
}

struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    i: usize,
    line: u32,
    line_start: usize,
    /// The last line directive (`/*line :L:C*/`, `//line :L:C`): from the
    /// byte `at` on (on physical line `phys`), positions are `L:C` and on.
    base: Option<LineBase>,
    out: Vec<(Tok, Pos)>,
}

/// Where a line directive puts the source that follows it.
#[derive(Clone, Copy)]
struct LineBase {
    /// The physical line and byte offset it applies from.
    phys: u32,
    at: usize,
    /// The line and column it gives that byte.
    line: u32,
    col: u32,
}

/// The largest line a directive may give: a line past it could not be
/// kept in a stack walk's line table (`code::LINE_MASK`) or made-up pc
/// (`vm/go/caller.rs`; a later line past it is refused by the walk).
const MAX_DIRECTIVE_LINE: u64 = (1 << 23) - 1;

impl Lexer<'_> {
    fn pos(&self) -> Pos {
        let col = (self.i - self.line_start + 1) as u32;
        match self.base {
            None => Pos {
                line: self.line,
                col,
            },
            // gc's relative position (`syntax.Pos.RelLine`, `RelCol`):
            // the directive's column holds on its own line only.
            // (A `//line` directive's own newline is still before it.)
            Some(b) if self.line >= b.phys => Pos {
                line: b.line + (self.line - b.phys),
                col: if self.line == b.phys {
                    b.col + (self.i - b.at) as u32
                } else {
                    col
                },
            },
            Some(_) => Pos {
                line: self.line,
                col,
            },
        }
    }

    /// A comment's text after `//` or `/*` (without `*/`) that starts at
    /// `start`, ending at byte `end`: if it is a line directive (`line `,
    /// then `:LINE:COL`; at the start of a line for `//`), the positions
    /// from `end` on (the next line's start for `//`) are set as gc sets
    /// them. A directive naming a file, or without a column (which names
    /// the empty file), is refused; a malformed one gets gc's error.
    fn line_directive(&mut self, text: &str, start: Pos, end: usize, block: bool) -> PResult<()> {
        let Some(body) = text.strip_prefix("line ") else {
            return Ok(());
        };
        let Some(colon) = body.rfind(':') else {
            return Ok(());
        };
        // Columns of the text: after the comment's two bytes and `line `.
        let at = |k: usize| Pos {
            line: start.line,
            col: start.col + 7 + k as u32,
        };
        let digits = |t: &str| t.parse::<u64>().ok();
        let Some(last) = digits(&body[colon + 1..]) else {
            let msg = format!("invalid line number: {}", &body[colon + 1..]);
            return Err(SyntaxError::new(at(colon + 1), msg));
        };
        let head = &body[..colon];
        // `(file, line, column, where the line's digits start)`.
        let (file, line, col, k) = match head.rfind(':').map(|c| (c, digits(&head[c + 1..]))) {
            Some((c, Some(line))) => {
                if last == 0 || last > 1 << 30 {
                    let msg = format!("invalid column number: {}", &body[colon + 1..]);
                    return Err(SyntaxError::new(at(colon + 1), msg));
                }
                (&head[..c], line, Some(last), c + 1)
            }
            _ => (head, last, None, colon + 1),
        };
        if line == 0 || line > 1 << 30 {
            let digits = if col.is_some() {
                &head[k..]
            } else {
                &body[k..]
            };
            let msg = format!("invalid line number: {digits}");
            return Err(SyntaxError::new(at(k), msg));
        }
        let Some(col) = col.filter(|_| file.is_empty()) else {
            return Err(SyntaxError::unsupported(
                start,
                "line directives naming a file (or, without a column, the empty one)",
            ));
        };
        if line > MAX_DIRECTIVE_LINE {
            return Err(SyntaxError::unsupported(
                start,
                "line directives past line 8388607",
            ));
        }
        // `/*line*/`: the byte after the comment; `//line`: the next line.
        let (phys, at) = if block {
            (self.line, end)
        } else {
            (self.line + 1, end + 1)
        };
        self.base = Some(LineBase {
            phys,
            at,
            line: line as u32,
            col: col as u32,
        });
        Ok(())
    }

    fn needs_semi(&self) -> bool {
        match self.out.last() {
            Some((Tok::Ident(s), _)) => !matches!(
                &**s,
                "package"
                    | "import"
                    | "func"
                    | "var"
                    | "if"
                    | "else"
                    | "for"
                    | "defer"
                    | "go"
                    | "const"
                    | "type"
                    | "struct"
                    | "interface"
                    | "map"
                    | "chan"
                    | "switch"
                    | "case"
                    | "default"
                    | "select"
                    | "range"
                    | "goto"
            ),
            Some((Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_) | Tok::Str(_), _)) => {
                true
            }
            Some((Tok::Op(o), _)) => matches!(*o, "++" | "--" | ")" | "]" | "}"),
            _ => false,
        }
    }

    fn newline(&mut self) {
        if self.needs_semi() {
            let p = self.pos();
            self.out.push((Tok::Semi, p));
        }
    }

    fn run(&mut self) -> PResult<()> {
        while self.i < self.src.len() {
            let c = self.src[self.i];
            match c {
                b'\n' => {
                    self.newline();
                    self.i += 1;
                    self.line += 1;
                    self.line_start = self.i;
                }
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'/' if self.src.get(self.i + 1) == Some(&b'/') => {
                    let (start, from) = (self.pos(), self.i + 2);
                    while self.i < self.src.len() && self.src[self.i] != b'\n' {
                        self.i += 1;
                    }
                    // A `//line` directive starts its line.
                    if from == self.line_start + 2 {
                        let text = &self.text[from..self.i];
                        self.line_directive(text, start, self.i, false)?;
                    }
                }
                b'/' if self.src.get(self.i + 1) == Some(&b'*') => self.block_comment()?,
                b'"' => self.string()?,
                b'`' => self.raw_string()?,
                b'\'' => self.rune()?,
                b'0'..=b'9' => self.number()?,
                b'.' if self.src.get(self.i + 1).is_some_and(u8::is_ascii_digit) => {
                    self.number()?
                }
                c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.ident()?,
                _ => self.op()?,
            }
        }
        self.newline();
        let p = self.pos();
        self.out.push((Tok::Eof, p));
        Ok(())
    }

    fn block_comment(&mut self) -> PResult<()> {
        let start = self.pos();
        self.i += 2;
        let from = self.i;
        let mut had_newline = false;
        loop {
            if self.i + 1 >= self.src.len() {
                return Err(SyntaxError::new(start, "comment not terminated"));
            }
            if self.src[self.i] == b'*' && self.src[self.i + 1] == b'/' {
                self.i += 2;
                if !had_newline {
                    let text = &self.text[from..self.i - 2];
                    self.line_directive(text, start, self.i, true)?;
                }
                break;
            }
            if self.src[self.i] == b'\n' {
                if !had_newline {
                    self.newline();
                    had_newline = true;
                }
                self.line += 1;
                self.line_start = self.i + 1;
            }
            self.i += 1;
        }
        Ok(())
    }

    fn ident(&mut self) -> PResult<()> {
        let p = self.pos();
        let start = self.i;
        while self.i < self.src.len() {
            let c = self.src[self.i];
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.i += 1;
            } else if c >= 0x80 {
                let ch = self.text[self.i..].chars().next().unwrap_or('\u{fffd}');
                if !ch.is_alphanumeric() {
                    return Err(SyntaxError::new(
                        self.pos(),
                        format!("invalid character {ch:?} in identifier"),
                    ));
                }
                self.i += ch.len_utf8();
            } else {
                break;
            }
        }
        let s: Rc<str> = Rc::from(&self.text[start..self.i]);
        self.out.push((Tok::Ident(s), p));
        Ok(())
    }

    fn number(&mut self) -> PResult<()> {
        let p = self.pos();
        let start = self.i;
        let hex = self.src[self.i..].starts_with(b"0x") || self.src[self.i..].starts_with(b"0X");
        let mut prev = 0u8;
        while let Some(&c) = self.src.get(self.i) {
            let exp_sign = (c == b'+' || c == b'-')
                && if hex {
                    matches!(prev, b'p' | b'P')
                } else {
                    matches!(prev, b'e' | b'E')
                };
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exp_sign {
                self.i += 1;
                prev = c;
            } else {
                break;
            }
        }
        let text = &self.text[start..self.i];
        let tok = if text.ends_with('i') {
            crate::types::exact::parse_imag(text).map(|_| Tok::Imag(text.into()))
        } else {
            number_token(text)
        };
        let tok =
            tok.ok_or_else(|| SyntaxError::new(p, format!("invalid number literal {text}")))?;
        self.out.push((tok, p));
        Ok(())
    }

    fn rune(&mut self) -> PResult<()> {
        let p = self.pos();
        self.i += 1;
        let c = match self.src.get(self.i) {
            None | Some(b'\n') => return Err(SyntaxError::new(p, "rune literal not terminated")),
            Some(b'\'') => {
                return Err(SyntaxError::new(
                    p,
                    "empty rune literal or unescaped ' in rune literal",
                ))
            }
            Some(b'\\') => self.escape(b'\'', true)?.0,
            Some(_) => {
                let ch = self.text[self.i..].chars().next().unwrap_or('\u{fffd}');
                self.i += ch.len_utf8();
                ch as u32
            }
        };
        if self.src.get(self.i) != Some(&b'\'') {
            return Err(SyntaxError::new(
                p,
                "more than one character in rune literal",
            ));
        }
        self.i += 1;
        self.out.push((Tok::Rune(c), p));
        Ok(())
    }

    fn string(&mut self) -> PResult<()> {
        let p = self.pos();
        self.i += 1;
        let mut s: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = self.src.get(self.i) else {
                return Err(SyntaxError::new(p, "string literal not terminated"));
            };
            match c {
                b'"' => {
                    self.i += 1;
                    break;
                }
                b'\n' => return Err(SyntaxError::new(p, "newline in string")),
                b'\\' => {
                    let (v, byte) = self.escape(b'"', false)?;
                    if byte {
                        s.push(v as u8);
                        continue;
                    }
                    let ch = char::from_u32(v).ok_or_else(|| {
                        SyntaxError::new(self.pos(), "escape is invalid Unicode code point")
                    })?;
                    s.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                }
                _ => {
                    let ch = self.text[self.i..].chars().next().unwrap_or('\u{fffd}');
                    s.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                    self.i += ch.len_utf8();
                }
            }
        }
        self.out.push((Tok::Str(Rc::from(s)), p));
        Ok(())
    }

    /// An escape sequence in a literal quoted by `quote`; its value (a
    /// code point, or a byte for `\x` and octal escapes) and, in a string,
    /// whether it is a byte.
    fn escape(&mut self, quote: u8, rune: bool) -> PResult<(u32, bool)> {
        let p = self.pos();
        self.i += 1;
        let Some(&c) = self.src.get(self.i) else {
            return Err(SyntaxError::new(p, "escape sequence not terminated"));
        };
        self.i += 1;
        let simple = match c {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(0xc),
            b'n' => Some(b'\n' as u32),
            b'r' => Some(b'\r' as u32),
            b't' => Some(b'\t' as u32),
            b'v' => Some(0xb),
            b'\\' => Some(b'\\' as u32),
            c if c == quote => Some(c as u32),
            _ => None,
        };
        if let Some(v) = simple {
            return Ok((v, false));
        }
        let (digits, radix) = match c {
            b'x' => (2, 16),
            b'u' => (4, 16),
            b'U' => (8, 16),
            b'0'..=b'7' => {
                self.i -= 1;
                (3, 8)
            }
            _ => return Err(SyntaxError::new(p, "unknown escape sequence")),
        };
        let end = self.i + digits;
        let text = self.text.get(self.i..end).unwrap_or("");
        let v = u32::from_str_radix(text, radix)
            .ok()
            .filter(|_| text.len() == digits)
            .ok_or_else(|| SyntaxError::new(p, "invalid escape sequence"))?;
        self.i = end;
        let byte = c == b'x' || c.is_ascii_digit();
        if byte && v > 255 {
            return Err(SyntaxError::new(p, "octal escape value > 255"));
        }
        if !byte && (v > 0x10ffff || (0xd800..0xe000).contains(&v)) {
            return Err(SyntaxError::new(p, "escape is invalid Unicode code point"));
        }
        Ok((v, byte && !rune))
    }

    fn raw_string(&mut self) -> PResult<()> {
        let p = self.pos();
        self.i += 1;
        let start = self.i;
        loop {
            let Some(&c) = self.src.get(self.i) else {
                return Err(SyntaxError::new(p, "raw string literal not terminated"));
            };
            if c == b'`' {
                break;
            }
            if c == b'\n' {
                self.line += 1;
                self.line_start = self.i + 1;
            }
            self.i += 1;
        }
        let s: String = self.text[start..self.i]
            .chars()
            .filter(|&c| c != '\r')
            .collect();
        self.i += 1;
        self.out.push((Tok::Str(Rc::from(s.into_bytes())), p));
        Ok(())
    }

    fn op(&mut self) -> PResult<()> {
        let p = self.pos();
        let rest = &self.src[self.i..];
        for op in ops_starting(rest[0]) {
            if rest.starts_with(op.as_bytes()) {
                self.i += op.len();
                let tok = if *op == ";" { Tok::Semi } else { Tok::Op(op) };
                self.out.push((tok, p));
                return Ok(());
            }
        }
        let ch = self.text[self.i..].chars().next().unwrap_or('\u{fffd}');
        Err(SyntaxError::new(p, format!("invalid character {ch:?}")))
    }
}

/// The token of a number literal's text, or `None` when it is malformed.
fn number_token(text: &str) -> Option<Tok> {
    if text.starts_with('_') || text.ends_with('_') || text.contains("__") {
        return None;
    }
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        if h.contains('p') || h.contains('.') {
            return hex_float(h).map(|_| Tok::Float(text.into()));
        }
        return u128::from_str_radix(h, 16).ok().map(Tok::Int);
    }
    if let Some(b) = lower.strip_prefix("0b") {
        return u128::from_str_radix(b, 2).ok().map(Tok::Int);
    }
    if let Some(o) = lower.strip_prefix("0o") {
        return u128::from_str_radix(o, 8).ok().map(Tok::Int);
    }
    if lower.contains(['.', 'e']) {
        if lower.starts_with('e') || lower.contains(['+', '-']) && !lower.contains('e') {
            return None;
        }
        return crate::types::exact::parse(&lower).map(|_| Tok::Float(text.into()));
    }
    if lower.len() > 1 && lower.starts_with('0') {
        return u128::from_str_radix(&lower[1..], 8).ok().map(Tok::Int);
    }
    lower.parse::<u128>().ok().map(Tok::Int)
}

/// A hexadecimal float's value (`h` without the `0x`): mantissa digits with
/// an optional point, then `p` and a decimal exponent (required).
fn hex_float(h: &str) -> Option<f64> {
    let (mant, exp) = h.split_once('p')?;
    let exp: i32 = exp.parse().ok()?;
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for d in int.chars().chain(frac.chars()) {
        v = v * 16.0 + f64::from(d.to_digit(16)?);
    }
    let shift = exp.checked_sub(4 * frac.len() as i32)?;
    let x = v * 2f64.powi(shift);
    x.is_finite().then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_directives_set_positions_and_never_panic() {
        let toks = lex("a\n//line :40:3\nb /*line :7:9*/c\nd").unwrap();
        let pos: Vec<(u32, u32)> = toks
            .iter()
            .filter(|(t, _)| matches!(t, Tok::Ident(_)))
            .map(|(_, p)| (p.line, p.col))
            .collect();
        assert_eq!(pos, [(1, 1), (40, 3), (7, 9), (8, 1)]);
        for src in [
            "x\n//line :1:1",
            "x\n//line :1:1\n",
            "/*line :1:1*/",
            "/*line :8388607:1073741824*/x\ny",
            "//line ::\n",
            "/*line :9:*/",
            "/*line é:1:1*/",
            "x //line :3:3\ny",
        ] {
            let _ = lex(src);
        }
        assert!(lex("/*line :8388608:1*/").is_err());
    }

    #[test]
    fn semicolons_are_inserted() {
        let toks = lex("x := 1\nreturn\n}").unwrap_or_default();
        let kinds: Vec<String> = toks.iter().map(|(t, _)| t.to_string()).collect();
        assert_eq!(
            kinds,
            [
                "name x",
                ":=",
                "literal 1",
                "newline or ;",
                "name return",
                "newline or ;",
                "}",
                "newline or ;",
                "EOF"
            ]
        );
    }

    fn one(src: &str) -> Tok {
        lex(src).map(|t| t[0].0.clone()).unwrap_or(Tok::Eof)
    }

    #[test]
    fn numbers_of_every_base_and_floats() {
        assert_eq!(one("0x_ff"), Tok::Int(255));
        assert_eq!(one("0b1010"), Tok::Int(10));
        assert_eq!(one("0o17"), Tok::Int(15));
        assert_eq!(one("017"), Tok::Int(15));
        assert_eq!(one("1_000_000"), Tok::Int(1_000_000));
        assert_eq!(one("18446744073709551615"), Tok::Int(u64::MAX as u128));
        assert_eq!(one("1.5"), Tok::Float("1.5".into()));
        assert_eq!(one(".25"), Tok::Float(".25".into()));
        assert_eq!(one("1e3"), Tok::Float("1e3".into()));
        assert_eq!(one("1E-2"), Tok::Float("1E-2".into()));
        assert_eq!(one("2."), Tok::Float("2.".into()));
        assert_eq!(one("0x1p-2"), Tok::Float("0x1p-2".into()));
        assert_eq!(one("0x1.8p1"), Tok::Float("0x1.8p1".into()));
        assert_eq!(one("09.5"), Tok::Float("09.5".into()));
        assert!(lex("1__0").is_err());
        assert!(lex("0x").is_err());
        assert!(lex("089").is_err());
        assert!(lex("1e").is_err());
    }

    #[test]
    fn runes_and_their_escapes() {
        assert_eq!(one("'a'"), Tok::Rune(97));
        assert_eq!(one("'\\n'"), Tok::Rune(10));
        assert_eq!(one("'\\''"), Tok::Rune(39));
        assert_eq!(one("'\\x80'"), Tok::Rune(0x80));
        assert_eq!(one("'\\377'"), Tok::Rune(255));
        assert_eq!(one("'\\u00e9'"), Tok::Rune(0xe9));
        assert_eq!(one("'é'"), Tok::Rune(0xe9));
        assert!(lex("''").is_err());
        assert!(lex("'ab'").is_err());
        assert!(lex("'\\\"'").is_err());
        assert!(lex("'\\ud800'").is_err());
    }
}
