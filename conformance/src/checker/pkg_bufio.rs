//! `io`'s functions (`ReadAll`, `Copy`, `WriteString`) and package
//! `bufio` (`Scanner` with Go's default line splitting, `Reader`,
//! `Writer`), written in Go as Go's own are: preludes compiled with a
//! program that imports the package, over any value with Go's `Read` or
//! `Write` method (`*os.File`, `*strings.Reader`, the program's own
//! types). `bufio.Writer` buffers 4096 bytes and writes through as Go's
//! does, so output written through it appears when Go's would (at
//! `Flush`, the `defer w.Flush()` idiom, or when the buffer fills).
//! `io.EOF` is the hidden global of checker/pkg_os.rs.

use super::Checker;
use crate::ast::Expr as AExpr;
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// `io`'s functions, as `minigo_io_NAME`.
pub(super) const IO_FUNCS: &str = "package main
type ReadCloser interface {
	Read(p []byte) (n int, err error)
	Close() error
}
type WriteCloser interface {
	Write(p []byte) (n int, err error)
	Close() error
}
type ReadWriter interface {
	Read(p []byte) (n int, err error)
	Write(p []byte) (n int, err error)
}
type ReadWriteCloser interface {
	Read(p []byte) (n int, err error)
	Write(p []byte) (n int, err error)
	Close() error
}
type StringWriter interface {
	WriteString(s string) (n int, err error)
}
func minigo_io_ReadAll(r io.Reader) ([]byte, error) {
	b := make([]byte, 0, 512)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == minigo_native_osvar_EOF() {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}
func minigo_io_Copy(dst io.Writer, src io.Reader) (written int64, err error) {
	buf := make([]byte, 32*1024)
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[0:nr])
			if nw < 0 || nr < nw {
				nw = 0
				if ew == nil {
					ew = minigo_native_osvar_errInvalidWrite()
				}
			}
			written += int64(nw)
			if ew != nil {
				err = ew
				break
			}
			if nr != nw {
				err = minigo_native_osvar_ErrShortWrite()
				break
			}
		}
		if er != nil {
			if er != minigo_native_osvar_EOF() {
				err = er
			}
			break
		}
	}
	return written, err
}
func minigo_io_WriteString(w io.Writer, s string) (n int, err error) {
	if sw, ok := w.(io.StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}
";

/// `bufio`'s types and the functions behind its package functions.
/// `Scanner` is Go's algorithm (a buffer from 4096 bytes doubling up to
/// the maximum token size, the split function asked with `atEOF` once the
/// reader failed or ended); `ScanLines`, `ScanWords`, `ScanBytes` are
/// Go's split functions.
pub(super) const BUFIO: &str = "package main
type minigoReader interface {
	Read(p []byte) (n int, err error)
}
type minigoWriter interface {
	Write(p []byte) (n int, err error)
}
type minigoStringWriter interface {
	WriteString(s string) (n int, err error)
}
type SplitFunc func(data []byte, atEOF bool) (advance int, token []byte, err error)
type Scanner struct {
	r            bufio.minigoReader
	split        bufio.SplitFunc
	maxTokenSize int
	token        []byte
	buf          []byte
	start        int
	end          int
	err          error
	empties      int
	scanCalled   bool
	done         bool
}
func (s *Scanner) minigoSetErr(err error) {
	if s.err == nil || s.err == minigo_native_osvar_EOF() {
		s.err = err
	}
}
func (s *Scanner) minigoAdvance(n int) bool {
	if n < 0 {
		s.minigoSetErr(minigo_native_osvar_errNegativeAdvance())
		return false
	}
	if n > s.end-s.start {
		s.minigoSetErr(minigo_native_osvar_errAdvanceTooFar())
		return false
	}
	s.start += n
	return true
}
func (s *Scanner) Scan() bool {
	if s.done {
		return false
	}
	s.scanCalled = true
	for {
		if s.end > s.start || s.err != nil {
			advance, token, err := s.split(s.buf[s.start:s.end], s.err != nil)
			if err != nil {
				s.minigoSetErr(err)
				return false
			}
			if !s.minigoAdvance(advance) {
				return false
			}
			s.token = token
			if token != nil {
				if s.err == nil || advance > 0 {
					s.empties = 0
				} else {
					s.empties++
					if s.empties > 100 {
						panic(\"bufio.Scan: too many empty tokens without progressing\")
					}
				}
				return true
			}
		}
		if s.err != nil {
			s.start = 0
			s.end = 0
			return false
		}
		if s.start > 0 && (s.end == len(s.buf) || s.start > len(s.buf)/2) {
			copy(s.buf, s.buf[s.start:s.end])
			s.end -= s.start
			s.start = 0
		}
		if s.end == len(s.buf) {
			if len(s.buf) >= s.maxTokenSize {
				s.minigoSetErr(minigo_native_osvar_errTooLong())
				return false
			}
			newSize := len(s.buf) * 2
			if newSize == 0 {
				newSize = 4096
			}
			newSize = min(newSize, s.maxTokenSize)
			newBuf := make([]byte, newSize)
			copy(newBuf, s.buf[s.start:s.end])
			s.buf = newBuf
			s.end -= s.start
			s.start = 0
		}
		for loop := 0; ; {
			n, err := s.r.Read(s.buf[s.end:len(s.buf)])
			if n < 0 || len(s.buf)-s.end < n {
				s.minigoSetErr(minigo_native_osvar_errBadReadCount())
				break
			}
			s.end += n
			if err != nil {
				s.minigoSetErr(err)
				break
			}
			if n > 0 {
				s.empties = 0
				break
			}
			loop++
			if loop > 100 {
				s.minigoSetErr(minigo_native_osvar_errNoProgress())
				break
			}
		}
	}
}
func (s *Scanner) Buffer(buf []byte, max int) {
	if s.scanCalled {
		panic(\"Buffer called after Scan\")
	}
	s.buf = buf[0:cap(buf)]
	s.maxTokenSize = max
}
func (s *Scanner) Split(split bufio.SplitFunc) {
	if s.scanCalled {
		panic(\"Split called after Scan\")
	}
	s.split = split
}
func (s *Scanner) Text() string {
	return string(s.token)
}
func (s *Scanner) Bytes() []byte {
	return s.token
}
func (s *Scanner) Err() error {
	if s.err == minigo_native_osvar_EOF() {
		return nil
	}
	return s.err
}
func minigo_bufio_dropCR(data []byte) []byte {
	if len(data) > 0 && data[len(data)-1] == '\\r' {
		return data[0 : len(data)-1]
	}
	return data
}
func minigo_bufio_ScanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	for i := 0; i < len(data); i++ {
		if data[i] == '\\n' {
			return i + 1, minigo_bufio_dropCR(data[0:i]), nil
		}
	}
	if atEOF {
		return len(data), minigo_bufio_dropCR(data), nil
	}
	return 0, nil, nil
}
func minigo_bufio_ScanBytes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	return 1, data[0:1], nil
}
func minigo_bufio_decode(b []byte) (rune, int) {
	s := string(b[:min(4, len(b))])
	var r rune
	n := len(s)
	for i, c := range s {
		if i > 0 {
			n = i
			break
		}
		r = c
	}
	return r, n
}
func minigo_bufio_isSpace(r rune) bool {
	if r <= '\\u00FF' {
		switch r {
		case ' ', '\\t', '\\n', '\\v', '\\f', '\\r':
			return true
		case '\\u0085', '\\u00A0':
			return true
		}
		return false
	}
	if '\\u2000' <= r && r <= '\\u200a' {
		return true
	}
	switch r {
	case '\\u1680', '\\u2028', '\\u2029', '\\u202f', '\\u205f', '\\u3000':
		return true
	}
	return false
}
func minigo_bufio_ScanWords(data []byte, atEOF bool) (advance int, token []byte, err error) {
	start := 0
	for start < len(data) {
		r, width := minigo_bufio_decode(data[start:])
		if !minigo_bufio_isSpace(r) {
			break
		}
		start += width
	}
	for width, i := 0, start; i < len(data); i += width {
		var r rune
		r, width = minigo_bufio_decode(data[i:])
		if minigo_bufio_isSpace(r) {
			return i + width, data[start:i], nil
		}
	}
	if atEOF && len(data) > start {
		return len(data), data[start:], nil
	}
	return start, nil, nil
}
type Reader struct {
	r   bufio.minigoReader
	buf []byte
	err error
}
func (b *Reader) minigoFill() {
	p := make([]byte, 4096)
	n, err := b.r.Read(p)
	b.buf = append(b.buf, p[:n]...)
	if err != nil {
		b.err = err
	}
}
func (b *Reader) ReadBytes(delim byte) ([]byte, error) {
	for {
		for i, c := range b.buf {
			if c == delim {
				line := append([]byte(nil), b.buf[:i+1]...)
				b.buf = b.buf[i+1:]
				return line, nil
			}
		}
		if b.err != nil {
			line := b.buf
			b.buf = nil
			err := b.err
			b.err = nil
			return line, err
		}
		b.minigoFill()
	}
}
func (b *Reader) ReadString(delim byte) (string, error) {
	line, err := b.ReadBytes(delim)
	return string(line), err
}
func (b *Reader) ReadByte() (byte, error) {
	for len(b.buf) == 0 {
		if b.err != nil {
			err := b.err
			b.err = nil
			return 0, err
		}
		b.minigoFill()
	}
	c := b.buf[0]
	b.buf = b.buf[1:]
	return c, nil
}
func (b *Reader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if len(b.buf) == 0 {
		if b.err != nil {
			err := b.err
			b.err = nil
			return 0, err
		}
		b.minigoFill()
	}
	n := copy(p, b.buf)
	b.buf = b.buf[n:]
	return n, nil
}
type Writer struct {
	err error
	buf []byte
	n   int
	wr  bufio.minigoWriter
}
func (b *Writer) Flush() error {
	if b.err != nil {
		return b.err
	}
	if b.n == 0 {
		return nil
	}
	n, err := b.wr.Write(b.buf[0:b.n])
	if n < b.n && err == nil {
		err = minigo_native_osvar_ErrShortWrite()
	}
	if err != nil {
		if n > 0 && n < b.n {
			copy(b.buf[0:b.n-n], b.buf[n:b.n])
		}
		b.n -= n
		b.err = err
		return err
	}
	b.n = 0
	return nil
}
func (b *Writer) Available() int {
	return len(b.buf) - b.n
}
func (b *Writer) Buffered() int {
	return b.n
}
func (b *Writer) Size() int {
	return len(b.buf)
}
func (b *Writer) Write(p []byte) (nn int, err error) {
	for len(p) > b.Available() && b.err == nil {
		var n int
		if b.Buffered() == 0 {
			n, b.err = b.wr.Write(p)
		} else {
			n = copy(b.buf[b.n:], p)
			b.n += n
			b.Flush()
		}
		nn += n
		p = p[n:]
	}
	if b.err != nil {
		return nn, b.err
	}
	n := copy(b.buf[b.n:], p)
	b.n += n
	nn += n
	return nn, nil
}
func (b *Writer) WriteString(s string) (int, error) {
	var sw bufio.minigoStringWriter
	tryStringWriter := true
	nn := 0
	for len(s) > b.Available() && b.err == nil {
		var n int
		if tryStringWriter {
			sw, tryStringWriter = b.wr.(bufio.minigoStringWriter)
		}
		if b.Buffered() == 0 && tryStringWriter {
			n, b.err = sw.WriteString(s)
		} else {
			n = copy(b.buf[b.n:], s)
			b.n += n
			b.Flush()
		}
		nn += n
		s = s[n:]
	}
	if b.err != nil {
		return nn, b.err
	}
	n := copy(b.buf[b.n:], s)
	b.n += n
	nn += n
	return nn, nil
}
func (b *Writer) WriteByte(c byte) error {
	if b.err != nil {
		return b.err
	}
	if b.Available() <= 0 && b.Flush() != nil {
		return b.err
	}
	b.buf[b.n] = c
	b.n++
	return nil
}
func (b *Writer) WriteRune(r rune) (int, error) {
	return b.WriteString(string(r))
}
func minigo_bufio_NewScanner(r bufio.minigoReader) *bufio.Scanner {
	return &bufio.Scanner{r: r, split: minigo_bufio_ScanLines, maxTokenSize: 64 * 1024}
}
func minigo_bufio_NewReader(r bufio.minigoReader) *bufio.Reader {
	return &bufio.Reader{r: r}
}
func minigo_bufio_NewWriter(w bufio.minigoWriter) *bufio.Writer {
	return &bufio.Writer{buf: make([]byte, 4096), wr: w}
}
";

impl Checker {
    /// `bufio.ScanLines`, `ScanWords`, `ScanBytes` as values, and
    /// `bufio.ErrTooLong` and its siblings; `None` for other names.
    pub(crate) fn bufio_var(&mut self, name: &str, pos: Pos) -> Option<PResult<(Expr, Type)>> {
        let hidden = match name {
            "ErrTooLong" => Some("errTooLong"),
            "ErrNegativeAdvance" => Some("errNegativeAdvance"),
            "ErrAdvanceTooFar" => Some("errAdvanceTooFar"),
            "ErrBadReadCount" => Some("errBadReadCount"),
            "ScanLines" | "ScanWords" | "ScanBytes" => None,
            _ => return None,
        };
        if let Some(v) = hidden {
            self.mark_import("bufio");
            return self.os_error_var(v).map(Ok);
        }
        self.mark_import("bufio");
        let f = AExpr {
            pos,
            kind: crate::ast::ExprKind::Ident(format!("minigo_bufio_{name}").into()),
        };
        Some(self.value(&f))
    }

    /// A call of `io.ReadAll`, `Copy`, `WriteString` or of `bufio`'s
    /// `NewScanner`, `NewReader`, `NewWriter`; `None` for other names.
    pub(crate) fn io_bufio_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let tuple = match (pkg, name) {
            ("io", "ReadAll" | "Copy" | "WriteString") => true,
            ("bufio", "NewScanner" | "NewReader" | "NewWriter") => false,
            _ => return None,
        };
        let src = format!("package main\nvar _ = minigo_{pkg}_{name}(a)\n");
        Some(if tuple {
            self.template_tuple_call(&src, args, pos)
        } else {
            self.template_call(&src, args, pos)
        })
    }
}

/// `strings.Reader`: `Read` returns `io.EOF` at the end, as Go's.
pub(super) const STRINGS_READER: &str = "package main
type Reader struct {
	s string
	i int
}
func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= len(r.s) {
		return 0, minigo_native_osvar_EOF()
	}
	n = copy(b, r.s[r.i:])
	r.i += n
	return
}
func (r *Reader) ReadByte() (byte, error) {
	if r.i >= len(r.s) {
		return 0, minigo_native_osvar_EOF()
	}
	b := r.s[r.i]
	r.i++
	return b, nil
}
func (r *Reader) Len() int {
	if r.i >= len(r.s) {
		return 0
	}
	return len(r.s) - r.i
}
func (r *Reader) Size() int64 {
	return int64(len(r.s))
}
func (r *Reader) Reset(s string) {
	r.s = s
	r.i = 0
}
func minigo_strings_NewReader(s string) *strings.Reader {
	return &strings.Reader{s: s}
}
";

/// `bytes.Buffer`: a zero `Buffer` is empty and ready; `Read` of an empty
/// buffer resets it and returns `io.EOF` (0 and nil for an empty `p`).
pub(super) const BYTES_BUFFER: &str = "package main
type Buffer struct {
	buf []byte
	off int
}
func (b *Buffer) Bytes() []byte {
	return b.buf[b.off:]
}
func (b *Buffer) String() string {
	if b == nil {
		return \"<nil>\"
	}
	return string(b.buf[b.off:])
}
func (b *Buffer) Len() int {
	return len(b.buf) - b.off
}
func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
}
func (b *Buffer) Write(p []byte) (n int, err error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}
func (b *Buffer) WriteString(s string) (n int, err error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}
func (b *Buffer) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}
func (b *Buffer) WriteRune(r rune) (n int, err error) {
	s := string(r)
	b.buf = append(b.buf, s...)
	return len(s), nil
}
func (b *Buffer) Read(p []byte) (n int, err error) {
	if b.off >= len(b.buf) {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, minigo_native_osvar_EOF()
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	return n, nil
}
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	i := b.off
	for i < len(b.buf) && b.buf[i] != delim {
		i++
	}
	end := i + 1
	if i >= len(b.buf) {
		end = len(b.buf)
		err = minigo_native_osvar_EOF()
	}
	line = string(b.buf[b.off:end])
	b.off = end
	return line, err
}
func minigo_bytes_NewBufferString(s string) *bytes.Buffer {
	return &bytes.Buffer{buf: []byte(s)}
}
func minigo_bytes_NewBuffer(buf []byte) *bytes.Buffer {
	return &bytes.Buffer{buf: buf}
}
";

impl Checker {
    /// `strings.NewReader`, `bytes.NewBuffer`, `bytes.NewBufferString`;
    /// `None` for other names.
    pub(crate) fn reader_buffer_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        match (pkg, name) {
            ("strings", "NewReader") | ("bytes", "NewBuffer" | "NewBufferString") => {
                let src = format!("package main\nvar _ = minigo_{pkg}_{name}(a)\n");
                Some(self.template_call(&src, args, pos))
            }
            _ => None,
        }
    }
}
