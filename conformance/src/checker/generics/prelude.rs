//! Generic functions of `cmp`, `slices` and `maps` written in Go, as Go's
//! own are: each package's source is parsed and its functions declared
//! (as generic functions named `minigo_PKG_NAME`) the first time the
//! program calls one of them, and a call `slices.Insert(s, 1, x)` is a call
//! of `minigo_slices_Insert` with its type arguments inferred as for any
//! generic function. The functions `checker/packages.rs` runs natively or
//! lowers with spelled types come first; these cover the rest.

use super::{Binding, Checker, GenericKind};
use crate::ast::{Decl, Expr as AExpr, ExprKind};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// `cmp.Compare` and `cmp.Less` (NaN below every other value).
const CMP: &str = "package main
func minigo_cmp_Compare[T cmp.Ordered](x, y T) int {
	xNaN := x != x
	yNaN := y != y
	if xNaN {
		if yNaN {
			return 0
		}
		return -1
	}
	if yNaN {
		return +1
	}
	if x < y {
		return -1
	}
	if x > y {
		return +1
	}
	return 0
}
func minigo_cmp_Less[T cmp.Ordered](x, y T) bool {
	return (x != x && y == y) || x < y
}
";

/// `slices`: iterators, searching, inserting and deleting.
const SLICES: &str = "package main
func minigo_slices_All[S ~[]E, E any](s S) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}
func minigo_slices_Values[S ~[]E, E any](s S) iter.Seq[E] {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}
func minigo_slices_Backward[S ~[]E, E any](s S) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}
func minigo_slices_AppendSeq[S ~[]E, E any](s S, seq iter.Seq[E]) S {
	for v := range seq {
		s = append(s, v)
	}
	return s
}
func minigo_slices_Collect[E any](seq iter.Seq[E]) []E {
	return minigo_slices_AppendSeq([]E(nil), seq)
}
func minigo_slices_Sorted[E cmp.Ordered](seq iter.Seq[E]) []E {
	s := minigo_slices_Collect(seq)
	slices.Sort(s)
	return s
}
func minigo_slices_SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	s := minigo_slices_Collect(seq)
	slices.SortFunc(s, cmp)
	return s
}
func minigo_slices_Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:]
	m := len(v)
	if m == 0 {
		return s
	}
	n := len(s)
	if i == n {
		return append(s, v...)
	}
	if n+m > cap(s) {
		s2 := append(s[:i], make(S, n+m-i)...)
		copy(s2[i:], v)
		copy(s2[i+m:], s[i:])
		return s2
	}
	s = s[:n+m]
	copy(s[i+m:], s[i:n])
	copy(s[i:], v)
	return s
}
func minigo_slices_DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	i := -1
	for k, v := range s {
		if del(v) {
			i = k
			break
		}
	}
	if i == -1 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	clear(s[i:])
	return s[:i]
}
func minigo_slices_EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}
func minigo_slices_MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic(\"slices.MinFunc: empty list\")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}
func minigo_slices_MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic(\"slices.MaxFunc: empty list\")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}
func minigo_slices_BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if (x[h] != x[h] && target == target) || x[h] < target {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && (x[i] == target || (x[i] != x[i] && target != target))
}
func minigo_slices_BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(x[i], target) == 0
}
func minigo_slices_Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic(\"cannot be negative\")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}
func minigo_slices_Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}
func minigo_slices_Concat[S ~[]E, E any](ss ...S) S {
	size := 0
	for _, s := range ss {
		size += len(s)
		if size < 0 {
			panic(\"len out of range\")
		}
	}
	out := minigo_slices_Grow[S](nil, size)
	for _, s := range ss {
		out = append(out, s...)
	}
	return out
}
";

/// `maps`: iterators, copying, comparing.
const MAPS: &str = "package main
func minigo_maps_Keys[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[K] {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
func minigo_maps_Values[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[V] {
	return func(yield func(V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}
func minigo_maps_All[Map ~map[K]V, K comparable, V any](m Map) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}
func minigo_maps_Collect[K comparable, V any](seq iter.Seq2[K, V]) map[K]V {
	m := make(map[K]V)
	for k, v := range seq {
		m[k] = v
	}
	return m
}
func minigo_maps_Insert[Map ~map[K]V, K comparable, V any](m Map, seq iter.Seq2[K, V]) {
	for k, v := range seq {
		m[k] = v
	}
}
func minigo_maps_Clone[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return nil
	}
	r := make(M, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}
func minigo_maps_Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {
	for k, v := range src {
		dst[k] = v
	}
}
func minigo_maps_DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) {
	for k, v := range m {
		if del(k, v) {
			delete(m, k)
		}
	}
}
func minigo_maps_Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || v1 != v2 {
			return false
		}
	}
	return true
}
func minigo_maps_EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}
";

/// `container/heap`: a min-heap kept by the caller's own `Len`, `Less`,
/// `Swap`, `Push` and `Pop`, called in the order Go's package calls them
/// (a program sees that order through its methods). Generic over the
/// heap's type so that no interface value is made; `minigo_heap_up` and
/// `minigo_heap_down` sift an element toward the root and the leaves.
const HEAP: &str = "package main
func minigo_heap_Init[H interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
	Push(x any)
	Pop() any
}](h H) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		minigo_heap_down(h, i, n)
	}
}
func minigo_heap_Push[H interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
	Push(x any)
	Pop() any
}](h H, x any) {
	h.Push(x)
	minigo_heap_up(h, h.Len()-1)
}
func minigo_heap_Pop[H interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
	Push(x any)
	Pop() any
}](h H) any {
	last := h.Len() - 1
	h.Swap(0, last)
	minigo_heap_down(h, 0, last)
	return h.Pop()
}
func minigo_heap_Remove[H interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
	Push(x any)
	Pop() any
}](h H, i int) any {
	last := h.Len() - 1
	if last != i {
		h.Swap(i, last)
		if !minigo_heap_down(h, i, last) {
			minigo_heap_up(h, i)
		}
	}
	return h.Pop()
}
func minigo_heap_Fix[H interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
	Push(x any)
	Pop() any
}](h H, i int) {
	if !minigo_heap_down(h, i, h.Len()) {
		minigo_heap_up(h, i)
	}
}
func minigo_heap_up[H interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
	Push(x any)
	Pop() any
}](h H, child int) {
	for {
		parent := (child - 1) / 2
		if parent == child || !h.Less(child, parent) {
			return
		}
		h.Swap(parent, child)
		child = parent
	}
}
func minigo_heap_down[H interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
	Push(x any)
	Pop() any
}](h H, start, n int) bool {
	at := start
	for {
		left := 2*at + 1
		if left >= n || left < 0 {
			break
		}
		pick := left
		if right := left + 1; right < n && h.Less(right, left) {
			pick = right
		}
		if !h.Less(pick, at) {
			break
		}
		h.Swap(at, pick)
		at = pick
	}
	return at > start
}
";

impl Checker {
    /// A call of a generic function of package `pkg` written in Go
    /// (declared on first use); `None` if the package has none of that name.
    pub(crate) fn prelude_generic_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let hidden = match self.prelude_generic(pkg, name)? {
            Ok(h) => h,
            Err(e) => return Some(Err(e)),
        };
        let f = AExpr {
            pos,
            kind: ExprKind::Ident(hidden),
        };
        Some(
            self.generic_call(&f, args, (None, false), pos)
                .and_then(|r| r.map_or_else(|| super::err(pos, "internal error: prelude"), Ok)),
        )
    }

    /// The hidden name of package `pkg`'s generic function `name` in Go,
    /// declared (with the rest of its package) if it was not yet.
    pub(crate) fn prelude_generic(
        &mut self,
        pkg: &str,
        name: &str,
    ) -> Option<PResult<std::rc::Rc<str>>> {
        let src = match pkg {
            "cmp" => CMP,
            "slices" => SLICES,
            "maps" => MAPS,
            "heap" => HEAP,
            _ => return None,
        };
        let hidden = format!("minigo_{pkg}_{name}");
        if !src.contains(&format!("func {hidden}[")) {
            return None;
        }
        if !self.generics.loaded.iter().any(|p| p == pkg) {
            self.generics.loaded.push(pkg.to_string());
            if let Err(e) = self.declare_prelude_generics(src) {
                return Some(Err(e));
            }
        }
        match self.scopes[0].0.get(hidden.as_str()) {
            Some(Binding::Generic(_)) => Some(Ok(hidden.into())),
            _ => None,
        }
    }

    fn declare_prelude_generics(&mut self, src: &str) -> PResult<()> {
        let file = crate::parser::parse_snippet(src)?;
        for d in file.decls {
            if let Decl::Func(f) = d {
                let gid = self.generics.decls.len();
                self.generics.decls.push(super::Generic {
                    name: f.name.clone(),
                    tparams: f.tparams.clone(),
                    kind: GenericKind::Func(std::rc::Rc::new(f.clone())),
                    instances: Vec::new(),
                    local: None,
                });
                self.scopes[0]
                    .0
                    .insert(f.name.clone(), Binding::Generic(gid));
            }
        }
        Ok(())
    }
}
