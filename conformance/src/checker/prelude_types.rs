//! Types of `fmt` and `runtime` written in Go for the programs that name
//! them: `fmt.Stringer`, and `*runtime.PanicNilError` (the type of
//! `recover()`'s value after `panic(nil)`; minigo's value of it is the
//! runtime's own error value, which a type assertion to this type accepts
//! by its type's name: rt/iface.rs).

/// `fmt`'s types.
pub(super) const FMT: &str = "package main
type Stringer interface {
	String() string
}
";

/// `io`'s interfaces of one method (what generic and deferred cleanup code
/// constrains its values by: `func CloseAll[T io.Closer](cs ...T)`).
pub(super) const IO: &str = "package main
type Reader interface {
	Read(p []byte) (n int, err error)
}
type Writer interface {
	Write(p []byte) (n int, err error)
}
type Closer interface {
	Close() error
}
";

/// `runtime`'s types (beyond `runtime.Error`).
pub(super) const RUNTIME: &str = "package main
type PanicNilError struct {
	_ [0]int
}
func (*PanicNilError) Error() string {
	return \"runtime error: panic called with nil argument\"
}
func (*PanicNilError) RuntimeError() {}
type Func string
func (f *Func) Name() string {
	if f == nil {
		return \"\"
	}
	return string(*f)
}
type Frame struct {
	PC       uintptr
	Function string
	File     string
	Line     int
}
type Frames []uintptr
func (ci *Frames) Next() (frame runtime.Frame, more bool) {
	if len(*ci) == 0 {
		return
	}
	frame.PC = (*ci)[0]
	*ci = (*ci)[1:]
	frame.Function, frame.File, frame.Line = minigo_pc_frame(frame.PC)
	return frame, len(*ci) > 0
}
";

/// `strings.Replacer`: at each position of the text, the first old string
/// (in argument order) that matches there is replaced, without overlaps.
pub(super) const STRINGS_REPLACER: &str = "package main
type Replacer struct {
	oldnew []string
}
func (r *Replacer) Replace(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		matched := false
		for k := 0; k+1 < len(r.oldnew); k += 2 {
			old := r.oldnew[k]
			if old != \"\" && len(s)-i >= len(old) && s[i:i+len(old)] == old {
				b = append(b, r.oldnew[k+1]...)
				i += len(old)
				matched = true
				break
			}
		}
		if !matched {
			b = append(b, s[i])
			i++
		}
	}
	return string(b)
}
";

/// `strings.NewReplacer(oldnew...)` in Go.
pub(super) const NEW_REPLACER: &str = "package main
var _ = func(oldnew ...string) *strings.Replacer {
	if len(oldnew)%2 == 1 {
		panic(\"strings.NewReplacer: odd argument count\")
	}
	return &strings.Replacer{oldnew: append([]string(nil), oldnew...)}
}(a)
";

/// `sort`'s slice types with their `sort.Interface` methods; `Sort` and
/// `Search` call the package's natives by their hidden names.
pub(super) const SORT: &str = "package main
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}
type IntSlice []int
func (x IntSlice) Len() int { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort() { minigo_native_sort_Ints(x) }
func (x IntSlice) Search(v int) int { return minigo_native_sort_SearchInts(x, v) }
type StringSlice []string
func (x StringSlice) Len() int { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort() { minigo_native_sort_Strings(x) }
func (x StringSlice) Search(v string) int { return minigo_native_sort_SearchStrings(x, v) }
type Float64Slice []float64
func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool { return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j]) }
func (x Float64Slice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort() { minigo_native_sort_Float64s(x) }
";

/// `container/heap`'s interface (its functions are generic, in Go:
/// checker/generics/prelude.rs).
pub(super) const HEAP: &str = "package main
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
	Push(x any)
	Pop() any
}
";

/// `container/ring`: a circular doubly linked list. A zero `Ring` is a
/// ring of one element (each method makes it one before it looks at the
/// links); `ring.New` is [`RING_NEW`].
pub(super) const RING: &str = "package main
type Ring struct {
	next, prev *ring.Ring
	Value      any
}
func (r *Ring) minigoInit() *ring.Ring {
	r.next = r
	r.prev = r
	return r
}
func (r *Ring) Next() *ring.Ring {
	if r.next == nil {
		return r.minigoInit()
	}
	return r.next
}
func (r *Ring) Prev() *ring.Ring {
	if r.next == nil {
		return r.minigoInit()
	}
	return r.prev
}
func (r *Ring) Move(n int) *ring.Ring {
	if r.next == nil {
		return r.minigoInit()
	}
	for ; n < 0; n++ {
		r = r.prev
	}
	for ; n > 0; n-- {
		r = r.next
	}
	return r
}
func (r *Ring) Link(s *ring.Ring) *ring.Ring {
	n := r.Next()
	if s != nil {
		p := s.Prev()
		r.next = s
		s.prev = r
		n.prev = p
		p.next = n
	}
	return n
}
func (r *Ring) Unlink(n int) *ring.Ring {
	if n <= 0 {
		return nil
	}
	return r.Link(r.Move(n + 1))
}
func (r *Ring) Len() int {
	n := 0
	if r != nil {
		n = 1
		for p := r.Next(); p != r; p = p.next {
			n++
		}
	}
	return n
}
func (r *Ring) Do(f func(any)) {
	if r != nil {
		f(r.Value)
		for p := r.Next(); p != r; p = p.next {
			f(p.Value)
		}
	}
}
";

/// `ring.New(n)`: a ring of `n` elements (nil for `n <= 0`).
pub(super) const RING_NEW: &str = "package main
var _ = func(n int) *ring.Ring {
	if n <= 0 {
		return nil
	}
	r := new(ring.Ring)
	p := r
	for i := 1; i < n; i++ {
		q := new(ring.Ring)
		p.Link(q)
		p = q
	}
	return r
}(a)
";

/// `sort.IsSorted(data)` in Go.
pub(super) const IS_SORTED: &str = "package main
var _ = func(data sort.Interface) bool {
	for i := data.Len() - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}(a)
";
