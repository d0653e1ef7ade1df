//! The lexer: Go tokens with automatic semicolon insertion.

use std::fmt;
use std::rc::Rc;

/// A source position: 1-based line and byte column, as Go reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// An identifier or keyword.
    Ident(Rc<str>),
    /// An integer literal.
    Int(i64),
    /// A string literal (already unescaped).
    Str(Rc<str>),
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
            Tok::Str(s) => write!(f, "literal {s:?}"),
            Tok::Op(o) => write!(f, "{o}"),
            Tok::Semi => f.write_str("newline or ;"),
            Tok::Eof => f.write_str("EOF"),
        }
    }
}

/// Operators, longest first so that the greedy match works.
const OPS: &[&str] = &[
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*", "/", "%", "&", "|",
    "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ";", ".", ":", "~",
];

/// Splits `src` into tokens with their positions.
pub fn lex(src: &str) -> PResult<Vec<(Tok, Pos)>> {
    let mut lx = Lexer {
        src: src.as_bytes(),
        text: src,
        i: 0,
        line: 1,
        line_start: 0,
        out: Vec::new(),
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
    out: Vec<(Tok, Pos)>,
}

impl Lexer<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: (self.i - self.line_start + 1) as u32,
        }
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
            Some((Tok::Int(_), _)) | Some((Tok::Str(_), _)) => true,
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
                    while self.i < self.src.len() && self.src[self.i] != b'\n' {
                        self.i += 1;
                    }
                }
                b'/' if self.src.get(self.i + 1) == Some(&b'*') => self.block_comment()?,
                b'"' => self.string()?,
                b'`' => self.raw_string()?,
                b'\'' => return Err(SyntaxError::unsupported(self.pos(), "rune literals")),
                b'0'..=b'9' => self.number()?,
                b'.' if self.src.get(self.i + 1).is_some_and(u8::is_ascii_digit) => {
                    return Err(SyntaxError::unsupported(
                        self.pos(),
                        "floating-point numbers",
                    ))
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
        let mut had_newline = false;
        loop {
            if self.i + 1 >= self.src.len() {
                return Err(SyntaxError::new(start, "comment not terminated"));
            }
            if self.src[self.i] == b'*' && self.src[self.i + 1] == b'/' {
                self.i += 2;
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
        while self.i < self.src.len()
            && (self.src[self.i].is_ascii_alphanumeric() || self.src[self.i] == b'_')
        {
            self.i += 1;
        }
        let text = &self.text[start..self.i];
        let hex = text.starts_with("0x") || text.starts_with("0X");
        if (self.i < self.src.len() && self.src[self.i] == b'.')
            || (!hex && text.contains(['e', 'E']))
            || (hex && text.contains(['p', 'P']))
        {
            return Err(SyntaxError::unsupported(p, "floating-point numbers"));
        }
        if text.ends_with('i') {
            return Err(SyntaxError::unsupported(p, "complex numbers"));
        }
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        let parsed = if let Some(h) = clean.strip_prefix("0x").or(clean.strip_prefix("0X")) {
            i64::from_str_radix(h, 16)
        } else if let Some(b) = clean.strip_prefix("0b").or(clean.strip_prefix("0B")) {
            i64::from_str_radix(b, 2)
        } else if let Some(o) = clean.strip_prefix("0o").or(clean.strip_prefix("0O")) {
            i64::from_str_radix(o, 8)
        } else if clean.len() > 1 && clean.starts_with('0') {
            i64::from_str_radix(&clean[1..], 8)
        } else {
            clean.parse::<i64>()
        };
        match parsed {
            Ok(n) => {
                self.out.push((Tok::Int(n), p));
                Ok(())
            }
            Err(_) => Err(SyntaxError::new(
                p,
                format!("invalid or too large integer literal {text}"),
            )),
        }
    }

    fn string(&mut self) -> PResult<()> {
        let p = self.pos();
        self.i += 1;
        let mut s = String::new();
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
                    let ch = self.escape()?;
                    s.push(ch);
                }
                _ => {
                    let ch = self.text[self.i..].chars().next().unwrap_or('\u{fffd}');
                    s.push(ch);
                    self.i += ch.len_utf8();
                }
            }
        }
        self.out.push((Tok::Str(Rc::from(s)), p));
        Ok(())
    }

    fn escape(&mut self) -> PResult<char> {
        let p = self.pos();
        self.i += 1;
        let Some(&c) = self.src.get(self.i) else {
            return Err(SyntaxError::new(p, "escape sequence not terminated"));
        };
        self.i += 1;
        let simple = match c {
            b'a' => Some('\u{7}'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            b'v' => Some('\u{b}'),
            b'\\' => Some('\\'),
            b'"' => Some('"'),
            _ => None,
        };
        if let Some(ch) = simple {
            return Ok(ch);
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
            .map_err(|_| SyntaxError::new(p, "invalid escape sequence"))?;
        self.i = end;
        if (c == b'x' || c.is_ascii_digit()) && v >= 0x80 {
            return Err(SyntaxError::unsupported(
                p,
                "non-UTF-8 strings (byte escapes >= 0x80)",
            ));
        }
        char::from_u32(v).ok_or_else(|| SyntaxError::new(p, "escape is invalid Unicode code point"))
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
        self.out.push((Tok::Str(Rc::from(s)), p));
        Ok(())
    }

    fn op(&mut self) -> PResult<()> {
        let p = self.pos();
        let rest = &self.src[self.i..];
        for op in OPS {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
