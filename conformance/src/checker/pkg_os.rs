//! Package `os`'s files, the canonical use of `defer` (`f, err :=
//! os.Create(name); ...; defer f.Close()`), written in Go over a few
//! natives (rt/os.rs) as a prelude compiled with a program that imports
//! `os`: `*os.File` (`Close`, `Read`, `Write`, `WriteString`, `Name`,
//! `Sync`, `Seek`, `Stat`), `Create`, `Open`, `OpenFile`, `ReadFile`,
//! `WriteFile`, `Remove`, `RemoveAll`, `Mkdir`, `MkdirAll`, `MkdirTemp`,
//! `CreateTemp`, `TempDir`, `Stat`, `IsNotExist`, `IsExist`,
//! `IsPermission`, `os.Stdout`/`Stderr`/`Stdin` as files.
//!
//! Errors are Go's: a `*fs.PathError` (`open nope.txt: no such file or
//! directory`) around a `syscall.Errno` whose `Is` answers
//! `fs.ErrNotExist`, `ErrExist` and `ErrPermission` as Go's does; a second
//! `Close` (and any use after it) wraps `os.ErrClosed`; a method of a nil
//! `*File` returns `os.ErrInvalid`. `os.ErrNotExist` and its siblings are
//! hidden globals made by `errors.New` (so `%T` is Go's
//! `*errors.errorString` and `==` is identity), as is `io.EOF`, which
//! `Read` returns at the end of a file whether or not the program imports
//! `io`.
//!
//! `syscall.Errno` is a string here (Go's is a number whose `Error` looks
//! the text up); `%v` and `Error()` print the same.

use super::Checker;
use crate::ast::Expr as AExpr;
use crate::ir::{Args, Builtin, Call, Const, Expr, Lhs, OsFn, PkgFn, Rhs, Stmt, Target, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// `os`'s types and the functions behind its package functions. A type
/// named `pkg__T` is Go's `pkg.T` (its `%T`), reached as `os.T`.
pub(super) const OS: &str = "package main
type File struct {
	fd     int
	name   string
	closed bool
	append bool
}
type fs__PathError struct {
	Op   string
	Path string
	Err  error
}
func (e *PathError) Error() string {
	return e.Op + \" \" + e.Path + \": \" + e.Err.Error()
}
func (e *PathError) Unwrap() error {
	return e.Err
}
type syscall__Errno string
func (e Errno) Error() string {
	return string(e)
}
func (e Errno) Is(target error) bool {
	switch string(e) {
	case \"no such file or directory\":
		return target == minigo_native_osvar_ErrNotExist()
	case \"file exists\", \"directory not empty\":
		return target == minigo_native_osvar_ErrExist()
	case \"permission denied\", \"operation not permitted\":
		return target == minigo_native_osvar_ErrPermission()
	}
	return false
}
type fs__FileMode uint32
func (m FileMode) IsDir() bool {
	return m&(1<<31) != 0
}
func (m FileMode) IsRegular() bool {
	return m&0x8F280000 == 0
}
func (m FileMode) Perm() os.FileMode {
	return m & 0777
}
func (m FileMode) String() string {
	const str = \"dalTLDpSugct?\"
	var buf [32]byte
	w := 0
	for i, c := range str {
		if m&(1<<uint(32-1-i)) != 0 {
			buf[w] = byte(c)
			w++
		}
	}
	if w == 0 {
		buf[w] = '-'
		w++
	}
	const rwx = \"rwxrwxrwx\"
	for i, c := range rwx {
		if m&(1<<uint(9-1-i)) != 0 {
			buf[w] = byte(c)
		} else {
			buf[w] = '-'
		}
		w++
	}
	return string(buf[:w])
}
type fs__FileInfo interface {
	Name() string
	Size() int64
	Mode() os.FileMode
	IsDir() bool
}
type fileStat struct {
	name string
	size int64
	mode os.FileMode
}
func (s *fileStat) Name() string {
	return s.name
}
func (s *fileStat) Size() int64 {
	return s.size
}
func (s *fileStat) Mode() os.FileMode {
	return s.mode
}
func (s *fileStat) IsDir() bool {
	return s.mode.IsDir()
}
func (f *File) minigoCheck(op string) error {
	if f == nil {
		return minigo_native_osvar_ErrInvalid()
	}
	if f.closed {
		return &os.PathError{Op: op, Path: f.name, Err: minigo_native_osvar_ErrClosed()}
	}
	return nil
}
func minigo_os_wrap(op, path, errno string) error {
	if errno == \"\" {
		return nil
	}
	return &os.PathError{Op: op, Path: path, Err: os.Errno(errno)}
}
func (f *File) Close() error {
	if f == nil {
		return minigo_native_osvar_ErrInvalid()
	}
	if f.closed {
		return &os.PathError{Op: \"close\", Path: f.name, Err: minigo_native_osvar_ErrClosed()}
	}
	f.closed = true
	return minigo_os_wrap(\"close\", f.name, minigo_native_os_zzclose(f.fd))
}
func (f *File) Name() string {
	return f.name
}
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.minigoCheck(\"write\"); err != nil {
		return 0, err
	}
	n, e := minigo_native_os_zzwrite(f.fd, string(b))
	return n, minigo_os_wrap(\"write\", f.name, e)
}
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.minigoCheck(\"read\"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	s, e := minigo_native_os_zzread(f.fd, len(b))
	if e != \"\" {
		return 0, minigo_os_wrap(\"read\", f.name, e)
	}
	if len(s) == 0 {
		return 0, minigo_native_osvar_EOF()
	}
	return copy(b, s), nil
}
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.minigoCheck(\"read\"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &os.PathError{Op: \"readat\", Path: f.name, Err: minigo_native_osvar_errNegOffset()}
	}
	s, e := minigo_native_os_zzreadAt(f.fd, len(b), int(off))
	if e != \"\" {
		return 0, minigo_os_wrap(\"read\", f.name, e)
	}
	n = copy(b, s)
	if n < len(b) {
		return n, minigo_native_osvar_EOF()
	}
	return n, nil
}
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.minigoCheck(\"write\"); err != nil {
		return 0, err
	}
	if f.append {
		return 0, minigo_native_osvar_errWriteAtInAppendMode()
	}
	if off < 0 {
		return 0, &os.PathError{Op: \"writeat\", Path: f.name, Err: minigo_native_osvar_errNegOffset()}
	}
	n, e := minigo_native_os_zzwriteAt(f.fd, string(b), int(off))
	return n, minigo_os_wrap(\"write\", f.name, e)
}
func (f *File) Sync() error {
	if err := f.minigoCheck(\"sync\"); err != nil {
		return err
	}
	return minigo_os_wrap(\"sync\", f.name, minigo_native_os_zzsync(f.fd))
}
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.minigoCheck(\"seek\"); err != nil {
		return 0, err
	}
	p, e := minigo_native_os_zzseek(f.fd, int(offset), whence)
	return int64(p), minigo_os_wrap(\"seek\", f.name, e)
}
func (f *File) Stat() (os.FileInfo, error) {
	if f == nil {
		return nil, minigo_native_osvar_ErrInvalid()
	}
	return minigo_os_stat(\"stat\", f.name)
}
func minigo_os_OpenFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	fd, e := minigo_native_os_zzopen(name, flag, int(perm))
	if e != \"\" {
		return nil, minigo_os_wrap(\"open\", name, e)
	}
	return &os.File{fd: fd, name: name, append: flag&0x400 != 0}, nil
}
func minigo_os_Open(name string) (*os.File, error) {
	return minigo_os_OpenFile(name, 0, 0)
}
func minigo_os_Create(name string) (*os.File, error) {
	return minigo_os_OpenFile(name, 0x242, 0666)
}
func minigo_os_ReadFile(name string) ([]byte, error) {
	f, err := minigo_os_Open(name)
	if err != nil {
		return nil, err
	}
	data := make([]byte, 0, 512)
	buf := make([]byte, 4096)
	for {
		n, err := f.Read(buf)
		data = append(data, buf[:n]...)
		if err != nil {
			f.Close()
			if err == minigo_native_osvar_EOF() {
				return data, nil
			}
			return data, err
		}
	}
}
func minigo_os_WriteFile(name string, data []byte, perm os.FileMode) error {
	f, err := minigo_os_OpenFile(name, 0x241, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}
func minigo_os_Remove(name string) error {
	return minigo_os_wrap(\"remove\", name, minigo_native_os_zzremove(name))
}
func minigo_os_RemoveAll(path string) error {
	return minigo_os_wrap(\"unlinkat\", path, minigo_native_os_zzremoveAll(path))
}
func minigo_os_Mkdir(name string, perm os.FileMode) error {
	return minigo_os_wrap(\"mkdir\", name, minigo_native_os_zzmkdir(name, int(perm)))
}
func minigo_os_MkdirAll(path string, perm os.FileMode) error {
	return minigo_os_wrap(\"mkdir\", path, minigo_native_os_zzmkdirAll(path, int(perm)))
}
func minigo_os_TempDir() string {
	return minigo_native_os_zztempDir()
}
func minigo_os_base(name string) string {
	for len(name) > 1 && name[len(name)-1] == '/' {
		name = name[:len(name)-1]
	}
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' && len(name) > 1 {
			return name[i+1:]
		}
	}
	if name == \"\" {
		return \".\"
	}
	return name
}
func minigo_os_stat(op, name string) (os.FileInfo, error) {
	size, perm, dir, e := minigo_native_os_zzstat(name)
	if e != \"\" {
		return nil, minigo_os_wrap(op, name, e)
	}
	m := os.FileMode(perm)
	if dir {
		m |= 1 << 31
	}
	return &os.fileStat{name: minigo_os_base(name), size: int64(size), mode: m}, nil
}
func minigo_os_Stat(name string) (os.FileInfo, error) {
	return minigo_os_stat(\"stat\", name)
}
func minigo_os_Lstat(name string) (os.FileInfo, error) {
	return minigo_os_stat(\"lstat\", name)
}
func minigo_os_underlying(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
func minigo_os_is(err, target error) bool {
	err = minigo_os_underlying(err)
	if err == target {
		return true
	}
	e, ok := err.(os.Errno)
	return ok && e.Is(target)
}
func minigo_os_IsNotExist(err error) bool {
	return minigo_os_is(err, minigo_native_osvar_ErrNotExist())
}
func minigo_os_IsExist(err error) bool {
	return minigo_os_is(err, minigo_native_osvar_ErrExist())
}
func minigo_os_IsPermission(err error) bool {
	return minigo_os_is(err, minigo_native_osvar_ErrPermission())
}
func minigo_os_join(dir, name string) string {
	if len(dir) > 0 && dir[len(dir)-1] == '/' {
		return dir + name
	}
	return dir + \"/\" + name
}
func minigo_os_pattern(op, pattern string) (string, string, error) {
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '/' {
			return \"\", \"\", &os.PathError{Op: op, Path: pattern, Err: minigo_native_osvar_errPattern()}
		}
	}
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:], nil
		}
	}
	return pattern, \"\", nil
}
func minigo_os_MkdirTemp(dir, pattern string) (string, error) {
	if dir == \"\" {
		dir = minigo_os_TempDir()
	}
	prefix, suffix, err := minigo_os_pattern(\"mkdirtemp\", pattern)
	if err != nil {
		return \"\", err
	}
	prefix = minigo_os_join(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + minigo_native_os_zzunique() + suffix
		e := minigo_native_os_zzmkdir(name, 0700)
		if e == \"\" {
			return name, nil
		}
		if e == \"file exists\" && try < 10000 {
			continue
		}
		return \"\", &os.PathError{Op: \"mkdirtemp\", Path: prefix + \"*\" + suffix, Err: os.Errno(e)}
	}
}
func minigo_os_CreateTemp(dir, pattern string) (*os.File, error) {
	if dir == \"\" {
		dir = minigo_os_TempDir()
	}
	prefix, suffix, err := minigo_os_pattern(\"createtemp\", pattern)
	if err != nil {
		return nil, err
	}
	prefix = minigo_os_join(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + minigo_native_os_zzunique() + suffix
		fd, e := minigo_native_os_zzopen(name, 0xC2, 0600)
		if e == \"\" {
			return &os.File{fd: fd, name: name}, nil
		}
		if e == \"file exists\" && try < 10000 {
			continue
		}
		return nil, &os.PathError{Op: \"createtemp\", Path: prefix + \"*\" + suffix, Err: os.Errno(e)}
	}
}
func minigo_os_NewFile(fd uintptr, name string) *os.File {
	return &os.File{fd: int(fd), name: name}
}
";

/// The functions of `os` that [`OS`] defines as `minigo_os_NAME`, and
/// whether each returns more than one value.
const FUNCS: &[(&str, bool)] = &[
    ("Create", true),
    ("Open", true),
    ("OpenFile", true),
    ("ReadFile", true),
    ("WriteFile", false),
    ("Remove", false),
    ("RemoveAll", false),
    ("Mkdir", false),
    ("MkdirAll", false),
    ("MkdirTemp", true),
    ("CreateTemp", true),
    ("TempDir", false),
    ("Stat", true),
    ("Lstat", true),
    ("IsNotExist", false),
    ("IsExist", false),
    ("IsPermission", false),
];

/// The hidden error variables of `os` (and `io.EOF`), in the order of
/// their globals, with their texts.
const VARS: &[(&str, &str)] = &[
    ("EOF", "EOF"),
    ("ErrUnexpectedEOF", "unexpected EOF"),
    ("ErrNotExist", "file does not exist"),
    ("ErrExist", "file already exists"),
    ("ErrPermission", "permission denied"),
    ("ErrClosed", "file already closed"),
    ("ErrInvalid", "invalid argument"),
    ("errPattern", "pattern contains path separator"),
    ("ErrShortWrite", "short write"),
    ("errInvalidWrite", "invalid write result"),
    ("errTooLong", "bufio.Scanner: token too long"),
    ("errNegOffset", "negative offset"),
    (
        "errNegativeAdvance",
        "bufio.Scanner: SplitFunc returns negative advance count",
    ),
    (
        "errAdvanceTooFar",
        "bufio.Scanner: SplitFunc returns advance count beyond input",
    ),
    (
        "errBadReadCount",
        "bufio.Scanner: Read returned impossible count",
    ),
    (
        "errNoProgress",
        "multiple Read calls return no data or error",
    ),
    (
        "errWriteAtInAppendMode",
        "os: invalid use of WriteAt on file opened with O_APPEND",
    ),
];

/// The signature of a native of rt/os.rs (`zzNAME`).
pub(super) fn native(name: &str) -> Option<(PkgFn, Vec<Type>, Vec<Type>)> {
    use Type::{Bool as B, Int as I, Str as S};
    let (f, p, r) = match name {
        "zzopen" => (OsFn::Open, vec![S, I, I], vec![I, S]),
        "zzwrite" => (OsFn::Write, vec![I, S], vec![I, S]),
        "zzread" => (OsFn::Read, vec![I, I], vec![S, S]),
        "zzclose" => (OsFn::Close, vec![I], vec![S]),
        "zzreadAt" => (OsFn::ReadAt, vec![I, I, I], vec![S, S]),
        "zzwriteAt" => (OsFn::WriteAt, vec![I, S, I], vec![I, S]),
        "zzsync" => (OsFn::Sync, vec![I], vec![S]),
        "zzseek" => (OsFn::Seek, vec![I, I, I], vec![I, S]),
        "zzremove" => (OsFn::Remove, vec![S], vec![S]),
        "zzremoveAll" => (OsFn::RemoveAll, vec![S], vec![S]),
        "zzmkdir" => (OsFn::Mkdir, vec![S, I], vec![S]),
        "zzmkdirAll" => (OsFn::MkdirAll, vec![S, I], vec![S]),
        "zzstat" => (OsFn::Stat, vec![S], vec![I, I, B, S]),
        "zztempDir" => (OsFn::TempDir, vec![], vec![S]),
        "zzunique" => (OsFn::Unique, vec![], vec![S]),
        "zzpid" => (OsFn::Pid, vec![], vec![I]),
        _ => return None,
    };
    Some((PkgFn::Os(f), p, r))
}

impl Checker {
    /// Allocates the hidden error variables when the program imports
    /// `os`, `io` or `bufio` and names one (`io.EOF`), or compiles a
    /// prelude that reads them; their initialisation.
    pub(crate) fn os_globals(&mut self, nglobals: &mut usize) -> Vec<Stmt> {
        let compiled = |c: &Self, label: &str| {
            let pkg = label.split('.').next().unwrap_or(label);
            c.imports.contains_key(pkg) && !c.unnamed_preludes.contains(&label)
        };
        let named = ["os", "io", "bufio"]
            .iter()
            .any(|p| self.imports.contains_key(*p))
            && !self.unnamed_preludes.contains(&"errvars");
        let read = ["os", "io", "bufio", "bytes", "strings.Reader"]
            .iter()
            .any(|l| compiled(self, l));
        if !named && !read {
            return Vec::new();
        }
        let first = *nglobals as u32;
        *nglobals += VARS.len();
        self.os_vars = Some(first);
        let new = |text: &str| {
            Expr::Call(Box::new(Call {
                line: 0,
                target: Target::Builtin(Builtin::ErrorsNew),
                args: Args::List(vec![Expr::Const(Const::str(text))]),
            }))
        };
        vec![Stmt::Assign {
            lhs: (0..VARS.len())
                .map(|k| Lhs::Set(Var::Global(first + k as u32)))
                .collect(),
            rhs: Rhs::List(VARS.iter().map(|(_, t)| new(t)).collect()),
        }]
    }

    /// The hidden error variable `name` (`io.EOF`, `os.ErrNotExist`).
    pub(crate) fn os_error_var(&self, name: &str) -> Option<(Expr, Type)> {
        let first = self.os_vars?;
        let k = VARS.iter().position(|(n, _)| *n == name)?;
        Some((Expr::Load(Var::Global(first + k as u32)), Type::Error))
    }

    /// A call of one of [`FUNCS`]; `None` for other names.
    pub(crate) fn os_call(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let &(_, tuple) = FUNCS.iter().find(|(n, _)| *n == name)?;
        let src = format!("package main\nvar _ = minigo_os_{name}(a)\n");
        Some(if tuple {
            self.template_tuple_call(&src, args, pos)
        } else {
            self.template_call(&src, args, pos)
        })
    }
}

impl Checker {
    /// `os.Stdin`, `os.Stdout`, `os.Stderr` as `*os.File` values (a new
    /// `*File` at each mention: Go's are one variable each); `None` for
    /// other names.
    pub(crate) fn os_std_file(&mut self, name: &str, pos: Pos) -> Option<PResult<(Expr, Type)>> {
        let (fd, path) = match name {
            "Stdin" => (0, "/dev/stdin"),
            "Stdout" => (1, "/dev/stdout"),
            "Stderr" => (2, "/dev/stderr"),
            _ => return None,
        };
        self.mark_import("os");
        let src = format!("package main\nvar _ = minigo_os_NewFile({fd}, \"{path}\")\n");
        Some((|| {
            let file = crate::parser::parse_snippet(&src)?;
            let Some(crate::ast::Decl::Var(spec)) = file.decls.into_iter().next() else {
                return super::err(pos, "internal error: os file");
            };
            let Some(mut call) = spec.values.into_iter().next() else {
                return super::err(pos, "internal error: os file");
            };
            call.pos = pos;
            self.value(&call)
        })())
    }
}

/// `path/filepath`'s lexical functions (Unix paths), in Go: `Clean` is
/// Go's algorithm (drop empty and `.` elements, fold `..` into the
/// element before it, keep a leading `..` of a relative path), `Join`
/// cleans the non-empty elements joined by `/`.
pub(super) const FILEPATH: &str = "package main
func minigo_filepath_Clean(path string) string {
	if path == \"\" {
		return \".\"
	}
	rooted := path[0] == '/'
	n := len(path)
	out := []byte{}
	r, dotdot := 0, 0
	if rooted {
		out = append(out, '/')
		r, dotdot = 1, 1
	}
	for r < n {
		switch {
		case path[r] == '/':
			r++
		case path[r] == '.' && (r+1 == n || path[r+1] == '/'):
			r++
		case path[r] == '.' && path[r+1] == '.' && (r+2 == n || path[r+2] == '/'):
			r += 2
			switch {
			case len(out) > dotdot:
				w := len(out) - 1
				for w > dotdot && out[w] != '/' {
					w--
				}
				out = out[:w]
			case !rooted:
				if len(out) > 0 {
					out = append(out, '/')
				}
				out = append(out, '.', '.')
				dotdot = len(out)
			}
		default:
			if rooted && len(out) != 1 || !rooted && len(out) != 0 {
				out = append(out, '/')
			}
			for ; r < n && path[r] != '/'; r++ {
				out = append(out, path[r])
			}
		}
	}
	if len(out) == 0 {
		return \".\"
	}
	return string(out)
}
func minigo_filepath_Join(elem ...string) string {
	for i, e := range elem {
		if e != \"\" {
			joined := elem[i]
			for _, more := range elem[i+1:] {
				joined += \"/\" + more
			}
			return minigo_filepath_Clean(joined)
		}
	}
	return \"\"
}
func minigo_filepath_Base(path string) string {
	if path == \"\" {
		return \".\"
	}
	for len(path) > 0 && path[len(path)-1] == '/' {
		path = path[:len(path)-1]
	}
	i := len(path) - 1
	for i >= 0 && path[i] != '/' {
		i--
	}
	path = path[i+1:]
	if path == \"\" {
		return \"/\"
	}
	return path
}
func minigo_filepath_Dir(path string) string {
	i := len(path) - 1
	for i >= 0 && path[i] != '/' {
		i--
	}
	return minigo_filepath_Clean(path[:i+1])
}
func minigo_filepath_Ext(path string) string {
	for i := len(path) - 1; i >= 0 && path[i] != '/'; i-- {
		if path[i] == '.' {
			return path[i:]
		}
	}
	return \"\"
}
func minigo_filepath_IsAbs(path string) bool {
	return len(path) > 0 && path[0] == '/'
}
";

impl Checker {
    /// A call of `filepath.Clean`, `Join`, `Base`, `Dir`, `Ext`, `IsAbs`
    /// (`spread`: the position of `Join(parts...)`'s `...`); `None` for
    /// other names.
    pub(crate) fn filepath_call(
        &mut self,
        name: &str,
        args: &[AExpr],
        spread: Option<Pos>,
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        if !matches!(name, "Clean" | "Join" | "Base" | "Dir" | "Ext" | "IsAbs") {
            return None;
        }
        let f = AExpr {
            pos,
            kind: crate::ast::ExprKind::Ident(format!("minigo_filepath_{name}").into()),
        };
        let call = AExpr {
            pos,
            kind: crate::ast::ExprKind::Call(Box::new(f), args.to_vec(), spread),
        };
        Some(self.value(&call))
    }
}
