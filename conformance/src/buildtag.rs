//! A file's `//go:build` line: Go's build-constraint expressions
//! (`go/build/constraint`), the language version one implies, and whether
//! it selects the file in the build minigo stands for.
//!
//! gc reads every `//go:build` line comment before the `package` keyword
//! (`cmd/compile/internal/syntax`); the minimum Go version the expression
//! implies (`constraint.GoVersion`: `go1.21 && linux` implies go1.21,
//! `linux || go1.21` and `!go1.22` imply none) sets that file's language
//! version to `max(that, go1.21)` (types2's `initFiles`: a file can
//! downgrade to go1.21 at most, the first release that understood the
//! rule). Without one, the file has the module's version: go1.27, the
//! `go` line `conformance/record.sh` writes. Below go1.22 a loop's
//! variables are one per loop, not per iteration, and the features of
//! later versions are compile errors (`Checker::require_lang`).

use crate::lexer::{PResult, Pos, SyntaxError};

/// The language version (minor number of go1.N) of a file without a
/// `//go:build` version: the recorded module's `go 1.27`.
///
/// ```
/// let f = minigo::buildtag::file_lang("package main\n").unwrap();
/// assert_eq!(f.lang, minigo::buildtag::MODULE_LANG);
/// ```
pub const MODULE_LANG: u32 = 27;

/// The oldest version a `//go:build` line can set (types2's go1_21 floor).
const FLOOR: u32 = 21;

/// What a file's header says about its language.
///
/// ```
/// use minigo::buildtag::file_lang;
/// let f = file_lang("//go:build go1.21\n\npackage main\n").unwrap();
/// assert!(!f.allows(22)); // loop variables per loop; no range over ints
/// assert_eq!(f.why(), "(file declares //go:build go1.21)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileLang {
    /// The version the `//go:build` line implies, as written (`go1.18`
    /// is 18), if any.
    pub declared: Option<u32>,
    /// The file's language version: `max(declared, 21)`, else
    /// [`MODULE_LANG`].
    pub lang: u32,
}

impl Default for FileLang {
    fn default() -> Self {
        FileLang {
            declared: None,
            lang: MODULE_LANG,
        }
    }
}

impl FileLang {
    /// Whether the file may use a feature of go1.`minor`.
    ///
    /// ```
    /// let f = minigo::buildtag::FileLang::default();
    /// assert!(f.allows(23) && !f.allows(28));
    /// ```
    pub fn allows(&self, minor: u32) -> bool {
        self.lang >= minor
    }

    /// gc's suffix to a `requires go1.N or later` error
    /// (`cmd/compile/internal/noder/irgen.go`): the `//go:build` line when
    /// it set the version as written, else the `-lang` flag (go.mod's).
    ///
    /// ```
    /// // go1.18 is raised to go1.21, so gc points at go.mod instead.
    /// let f = minigo::buildtag::file_lang("//go:build go1.18\npackage main\n").unwrap();
    /// assert_eq!((f.declared, f.lang), (Some(18), 21));
    /// assert_eq!(f.why(), "(-lang was set to go1.27; check go.mod)");
    /// ```
    pub fn why(&self) -> String {
        match self.declared {
            Some(d) if d == self.lang => format!("(file declares //go:build go1.{d})"),
            _ => format!("(-lang was set to go1.{MODULE_LANG}; check go.mod)"),
        }
    }
}

/// A build-constraint expression.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

/// `constraint.minVersion`: the minimum go1.N the expression (or, with
/// `neg`, its negation) implies; `None` when it can hold without one.
fn min_version(x: &Expr, neg: bool) -> Option<u32> {
    // Some(v) sorts above None: AND takes the larger, OR the smaller.
    let and = |a, b| Option::max(a, b);
    let or = |a, b| Option::min(a, b);
    match x {
        Expr::And(a, b) if !neg => and(min_version(a, neg), min_version(b, neg)),
        Expr::And(a, b) => or(min_version(a, neg), min_version(b, neg)),
        Expr::Or(a, b) if !neg => or(min_version(a, neg), min_version(b, neg)),
        Expr::Or(a, b) => and(min_version(a, neg), min_version(b, neg)),
        Expr::Not(a) => min_version(a, !neg),
        Expr::Tag(_) if neg => None,
        Expr::Tag(t) => go_tag(t),
    }
}

/// `go1` is 0, `go1.N` is N (as `strconv.Atoi` reads N); other tags none.
fn go_tag(t: &str) -> Option<u32> {
    if t == "go1" {
        return Some(0);
    }
    let n = t.strip_prefix("go1.")?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// Whether a tag holds in the build minigo reproduces: gc, this host's
/// `GOOS`/`GOARCH` (as `runtime.GOOS` says), `unix` on the Unix systems,
/// cgo (enabled where the recordings were made), `amd64.v1`, and the
/// release tags go1 … go1.27. Every other tag is false, as in Go.
fn holds(tag: &str) -> bool {
    let (os, arch) = (host_goos(), host_goarch());
    let unix = matches!(
        os,
        "linux"
            | "darwin"
            | "freebsd"
            | "netbsd"
            | "openbsd"
            | "dragonfly"
            | "solaris"
            | "illumos"
            | "aix"
            | "android"
            | "ios"
            | "hurd"
    );
    match tag {
        "gc" | "cgo" => true,
        "unix" => unix,
        "amd64.v1" => arch == "amd64",
        t if t == os || t == arch => true,
        // An Android build is also linux, an iOS build also darwin.
        "linux" => os == "android",
        "darwin" => os == "ios",
        t => go_tag(t).is_some_and(|n| n <= MODULE_LANG),
    }
}

/// This host's `GOOS` as Go names it (minigo interprets, so the program
/// sees the machine it runs on: `runtime.GOOS`, the build tags).
///
/// ```
/// assert!(!minigo::buildtag::host_goos().is_empty());
/// ```
pub fn host_goos() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        os => os,
    }
}

/// This host's `GOARCH` as Go names it.
///
/// ```
/// # #[cfg(target_arch = "x86_64")]
/// assert_eq!(minigo::buildtag::host_goarch(), "amd64");
/// ```
pub fn host_goarch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" if cfg!(target_endian = "little") => "ppc64le",
        "powerpc64" => "ppc64",
        "loongarch64" => "loong64",
        arch => arch,
    }
}

fn eval(x: &Expr) -> bool {
    match x {
        Expr::Tag(t) => holds(t),
        Expr::Not(a) => !eval(a),
        Expr::And(a, b) => eval(a) && eval(b),
        Expr::Or(a, b) => eval(a) || eval(b),
    }
}

/// `constraint.parseExpr`'s recursive descent over one line's text.
struct Parser<'a> {
    s: &'a str,
    i: usize,
    tok: &'a str,
    is_tag: bool,
    size: u32,
}

type CResult<T> = Result<T, String>;

impl<'a> Parser<'a> {
    fn lex(&mut self) -> CResult<()> {
        self.is_tag = false;
        let b = self.s.as_bytes();
        while self.i < b.len() && (b[self.i] == b' ' || b[self.i] == b'\t') {
            self.i += 1;
        }
        if self.i >= b.len() {
            self.tok = "";
            return Ok(());
        }
        let start = self.i;
        match b[self.i] {
            b'(' | b')' | b'!' => self.i += 1,
            c @ (b'&' | b'|') => {
                if b.get(self.i + 1) != Some(&c) {
                    return Err(format!("invalid syntax at {}", c as char));
                }
                self.i += 2;
            }
            _ => {
                let rest = &self.s[self.i..];
                let n = rest
                    .char_indices()
                    .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '.'))
                    .map_or(rest.len(), |(k, _)| k);
                if n == 0 {
                    let c = rest.chars().next().unwrap_or(' ');
                    return Err(format!("invalid syntax at {c}"));
                }
                self.i += n;
                self.is_tag = true;
            }
        }
        self.tok = &self.s[start..self.i];
        Ok(())
    }

    fn or(&mut self) -> CResult<Expr> {
        let mut x = self.and()?;
        while self.tok == "||" {
            x = Expr::Or(Box::new(x), Box::new(self.and()?));
        }
        Ok(x)
    }

    fn and(&mut self) -> CResult<Expr> {
        let mut x = self.not()?;
        while self.tok == "&&" {
            x = Expr::And(Box::new(x), Box::new(self.not()?));
        }
        Ok(x)
    }

    fn not(&mut self) -> CResult<Expr> {
        self.size += 1;
        if self.size > 1000 {
            return Err("build expression too large".into());
        }
        self.lex()?;
        if self.tok == "!" {
            self.lex()?;
            if self.tok == "!" {
                return Err("double negation not allowed".into());
            }
            return Ok(Expr::Not(Box::new(self.atom()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> CResult<Expr> {
        if self.tok == "(" {
            let x = self.or().map_err(|e| {
                if e == "unexpected end of expression" {
                    "missing close paren".to_string()
                } else {
                    e
                }
            })?;
            if self.tok != ")" {
                return Err("missing close paren".into());
            }
            self.lex()?;
            return Ok(x);
        }
        if !self.is_tag {
            if self.tok.is_empty() {
                return Err("unexpected end of expression".into());
            }
            return Err(format!("unexpected token {}", self.tok));
        }
        let t = Expr::Tag(self.tok.to_string());
        self.lex()?;
        Ok(t)
    }
}

/// Parses a `//go:build` line's expression (the text after the prefix).
fn parse(text: &str) -> CResult<Expr> {
    let mut p = Parser {
        s: text,
        i: 0,
        tok: "",
        is_tag: false,
        size: 0,
    };
    let x = p.or()?;
    if !p.tok.is_empty() {
        return Err(format!("unexpected token {}", p.tok));
    }
    Ok(x)
}

/// The expression text of a `//go:build` line comment (`constraint`'s
/// `splitGoBuild`: the prefix followed by a blank or nothing).
fn split_go_build(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("//go:build")?;
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.trim())
}

/// Reads the header of `src` (comments and blanks before `package`): the
/// file's language version from its `//go:build` line. A line that does
/// not parse, a second line, or one that leaves the file out of the build
/// (`!linux`, `go1.28`) is an error: cmd/go stops there without building
/// (`parsing //go:build line: ...`, `multiple //go:build comments`,
/// `build constraints exclude all Go files in DIR`).
///
/// ```
/// use minigo::buildtag::file_lang;
/// assert_eq!(file_lang("//go:build linux || go1.21\npackage main\n").unwrap().declared, None);
/// assert!(file_lang("//go:build ignore\npackage main\n").is_err());
/// ```
pub fn file_lang(src: &str) -> PResult<FileLang> {
    let b = src.as_bytes();
    let (mut i, mut line, mut line_start) = (0usize, 1u32, 0usize);
    let mut seen: Option<Pos> = None;
    let mut out = FileLang::default();
    while i < b.len() {
        match b[i] {
            b'\n' => {
                i += 1;
                line += 1;
                line_start = i;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = src[i..].find('\n').map_or(b.len(), |k| i + k);
                let pos = Pos {
                    line,
                    col: (i - line_start) as u32 + 1,
                };
                if let Some(text) = split_go_build(&src[i..end]) {
                    if seen.is_some() {
                        return Err(SyntaxError::new(pos, "multiple //go:build comments"));
                    }
                    seen = Some(pos);
                    let x = parse(text).map_err(|e| {
                        SyntaxError::new(pos, format!("parsing //go:build line: {e}"))
                    })?;
                    if !eval(&x) {
                        return Err(SyntaxError::unsupported(
                            pos,
                            "//go:build constraints that leave the file out of the build",
                        ));
                    }
                    if let Some(v) = min_version(&x, false) {
                        out = FileLang {
                            declared: Some(v),
                            lang: v.max(FLOOR),
                        };
                    }
                }
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let Some(k) = src[i + 2..].find("*/") else {
                    break;
                };
                for (j, &c) in b[i..i + 2 + k].iter().enumerate() {
                    if c == b'\n' {
                        line += 1;
                        line_start = i + j + 1;
                    }
                }
                i += k + 4;
            }
            _ => break,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(line: &str) -> Option<u32> {
        min_version(&parse(split_go_build(line).unwrap()).unwrap(), false)
    }

    #[test]
    fn go_version_as_constraint_computes_it() {
        assert_eq!(version("//go:build go1.21"), Some(21));
        assert_eq!(version("//go:build linux && go1.21"), Some(21));
        assert_eq!(version("//go:build linux || go1.21"), None);
        assert_eq!(version("//go:build go1.21 || go1.19"), Some(19));
        assert_eq!(version("//go:build go1.22 && go1.19"), Some(22));
        assert_eq!(version("//go:build !go1.22"), None);
        assert_eq!(version("//go:build !(linux || !go1.20)"), Some(20));
        assert_eq!(version("//go:build go1"), Some(0));
        assert_eq!(version("//go:build go1.21.3"), None);
        assert!(split_go_build("//go:buildx go1.21").is_none());
    }

    #[test]
    fn header_sets_the_files_language() {
        let f = file_lang("// c\n\n//go:build go1.18\n\npackage main\n").unwrap();
        assert_eq!(
            f,
            FileLang {
                declared: Some(18),
                lang: 21
            }
        );
        assert!(f.why().contains("-lang was set to go1.27"));
        let f = file_lang("//go:build go1.21\npackage main\n").unwrap();
        assert_eq!(f.why(), "(file declares //go:build go1.21)");
        assert_eq!(
            file_lang("package main\n//go:build go1.21\n").unwrap().lang,
            27
        );
        let e = file_lang("//go:build go1.21 &&\n\npackage main\n").unwrap_err();
        assert_eq!(
            e.msg,
            "parsing //go:build line: unexpected end of expression"
        );
        let e = file_lang("/* x */\n//go:build go1.28\npackage main\n").unwrap_err();
        assert_eq!(e.pos, Pos { line: 2, col: 1 });
    }
}
