//! Slices, arrays and strings as bytes: indexing, slicing, `make`,
//! `append` with Go's growth, `copy`, `len`, `cap`, conversions, and the
//! run-time errors of each with Go's text.
//!
//! A slice is [`Value::Slice`] over an [`Obj`] (its backing array, shared
//! by every slice of it). An array value is the same shape over an `Obj`
//! of its own, which the code copies wherever Go copies an array (the
//! compiler inserts the copies; see `ir::CompExpr::CopyArray`). The nil
//! slice is a slice over one shared empty `Obj`, so that it stays a slice
//! inside an interface (`fmt` prints `[]`, `== nil` is false there).

use std::sync::{Arc, OnceLock};

use super::errors::{error, ErrKind};
use super::value::{Obj, Str, Value};
use super::Trap;
use crate::ir::{Conv, On};

fn nil_obj() -> &'static Arc<Obj> {
    static NIL: OnceLock<Arc<Obj>> = OnceLock::new();
    NIL.get_or_init(|| Arc::new(Obj::new(Box::new([]))))
}

/// The nil slice.
pub fn nil_slice() -> Value {
    Value::Slice {
        obj: nil_obj().clone(),
        off: 0,
        len: 0,
        cap: 0,
    }
}

/// Whether `v` is the nil slice.
pub fn is_nil_slice(v: &Value) -> bool {
    matches!(v, Value::Slice { obj, .. } if Arc::ptr_eq(obj, nil_obj()))
}

fn bounds(text: String) -> Trap {
    Trap::Panic(error(ErrKind::Bounds, format!("runtime error: {text}")))
}

fn bug(what: &'static str) -> Trap {
    Trap::Bug(what)
}

/// A new slice of `len` elements (`cap` of room), each a copy of `zero`
/// by the copy shape `shape`; Go's `makeslice` errors.
pub fn make(len: i64, cap: Option<i64>, zero: &Value, shape: &[u32]) -> Result<Value, Trap> {
    let limit = i64::from(u32::MAX >> 1);
    if !(0..=limit).contains(&len) {
        return Err(Trap::Panic(error(
            ErrKind::Str,
            "runtime error: makeslice: len out of range",
        )));
    }
    let cap = cap.unwrap_or(len);
    if cap < len || cap > limit {
        return Err(Trap::Panic(error(
            ErrKind::Str,
            "runtime error: makeslice: cap out of range",
        )));
    }
    let slots: Box<[Value]> = (0..cap).map(|_| copy_shaped(zero, shape).0).collect();
    Ok(Value::Slice {
        obj: Arc::new(Obj::new(slots)),
        off: 0,
        len: len as u32,
        cap: cap as u32,
    })
}

/// A copy of `v` that duplicates the arrays `shape` names (the code of
/// `checker::composite::copy_shape`), and the rest of `shape`.
pub fn copy_shaped<'a>(v: &Value, shape: &'a [u32]) -> (Value, &'a [u32]) {
    match (shape.first(), v) {
        (Some(1), Value::Slice { obj, off, len, .. }) => {
            let elem = &shape[1..];
            let rest = skip_shape(elem);
            let slots: Box<[Value]> = {
                let g = obj.lock();
                let (a, b) = (*off as usize, (*off + *len) as usize);
                g.get(a..b)
                    .unwrap_or(&[])
                    .iter()
                    .map(|e| copy_shaped(e, elem).0)
                    .collect()
            };
            let copy = Value::Slice {
                obj: Arc::new(Obj::new(slots)),
                off: 0,
                len: *len,
                cap: *len,
            };
            (copy, rest)
        }
        (Some(2), Value::Struct(fs)) => {
            let k = shape.get(1).copied().unwrap_or(0);
            let mut s = &shape[2.min(shape.len())..];
            let mut fields: Vec<Value> = fs.to_vec();
            for _ in 0..k {
                let Some((&f, sub)) = s.split_first() else {
                    break;
                };
                let (copy, rest) = match fields.get(f as usize) {
                    Some(x) => copy_shaped(x, sub),
                    None => (Value::Nil, skip_shape(sub)),
                };
                if let Some(slot) = fields.get_mut(f as usize) {
                    *slot = copy;
                }
                s = rest;
            }
            (Value::Struct(Arc::new(fields)), s)
        }
        _ => (v.clone(), skip_shape(shape)),
    }
}

/// The value to store over `old` when assigning `new` (values of one
/// type, by the copy shape `shape`): each array `new` holds is written into
/// `old`'s array in place, element by element (recursively), so that
/// slices of `old`'s arrays, pointers to their elements and array pointers
/// made from them see the assignment, as Go's arrays are storage; other
/// parts are `new`'s. Nothing of `new`'s arrays is shared with the result
/// (a part `old` does not have in the same shape is copied).
pub fn overwrite<'a>(old: &Value, new: &Value, shape: &'a [u32]) -> (Value, &'a [u32]) {
    match (shape.first(), old, new) {
        (Some(1), Value::Slice { obj, off, len, .. }, Value::Slice { len: nlen, .. })
            if len == nlen =>
        {
            let elem = &shape[1..];
            let rest = skip_shape(elem);
            // Read first: `new` may be a view of `old` itself.
            let mut vals = elems(new);
            if elem.first().is_some_and(|&k| k != 0) {
                let olds = elems(old);
                for (i, n) in vals.iter_mut().enumerate() {
                    *n = match olds.get(i) {
                        Some(o) => overwrite(o, n, elem).0,
                        None => copy_shaped(n, elem).0,
                    };
                }
            }
            let mut g = obj.lock();
            for (k, v) in vals.into_iter().enumerate() {
                if let Some(slot) = g.get_mut(*off as usize + k) {
                    *slot = v;
                }
            }
            drop(g);
            (old.clone(), rest)
        }
        (Some(2), Value::Struct(ofs), Value::Struct(nfs)) => {
            let k = shape.get(1).copied().unwrap_or(0);
            let mut s = &shape[2.min(shape.len())..];
            let mut fields: Vec<Value> = nfs.to_vec();
            for _ in 0..k {
                let Some((&f, sub)) = s.split_first() else {
                    break;
                };
                let (v, rest) = match (ofs.get(f as usize), nfs.get(f as usize)) {
                    (Some(o), Some(n)) => overwrite(o, n, sub),
                    _ => (Value::Nil, skip_shape(sub)),
                };
                if let (Some(slot), false) = (fields.get_mut(f as usize), matches!(v, Value::Nil)) {
                    *slot = v;
                }
                s = rest;
            }
            (Value::Struct(Arc::new(fields)), s)
        }
        _ => copy_shaped(new, shape),
    }
}

/// `shape` after its first complete shape.
fn skip_shape(shape: &[u32]) -> &[u32] {
    match shape.split_first() {
        Some((1, elem)) => skip_shape(elem),
        Some((2, rest)) => {
            let k = rest.first().copied().unwrap_or(0);
            let mut s = rest.get(1..).unwrap_or(&[]);
            for _ in 0..k {
                s = skip_shape(s.get(1..).unwrap_or(&[]));
            }
            s
        }
        Some((_, rest)) => rest,
        None => shape,
    }
}

/// `len(x)` of a slice, array, string or map.
pub fn len(x: &Value) -> Result<i64, Trap> {
    Ok(match x {
        Value::Slice { len, .. } => i64::from(*len),
        Value::Str(s) => s.len() as i64,
        Value::Map(m) => m.len() as i64,
        Value::Nil => 0,
        _ => return Err(bug("len of a value without length")),
    })
}

/// `cap(x)` of a slice or array.
pub fn cap(x: &Value) -> Result<i64, Trap> {
    match x {
        Value::Slice { cap, .. } => Ok(i64::from(*cap)),
        Value::Nil => Ok(0),
        _ => Err(bug("cap of a value without capacity")),
    }
}

fn index_of(i: &Value) -> Result<i64, Trap> {
    match i {
        Value::Int(n) => Ok(*n),
        Value::BoxedInt(n) => Ok(**n),
        _ => Err(bug("index is not an integer")),
    }
}

/// Checks `0 <= i < len`: Go's `index out of range [i] with length n`.
fn check(i: i64, len: u32) -> Result<usize, Trap> {
    if i < 0 {
        return Err(bounds(format!("index out of range [{i}]")));
    }
    if i >= i64::from(len) {
        return Err(bounds(format!(
            "index out of range [{i}] with length {len}"
        )));
    }
    Ok(i as usize)
}

/// `x[i]` of a slice, array or string (a byte).
pub fn index(x: &Value, i: &Value) -> Result<Value, Trap> {
    let i = index_of(i)?;
    match x {
        Value::Slice { obj, off, len, .. } => {
            let k = check(i, *len)?;
            Ok(obj.load(*off as usize + k))
        }
        Value::Str(s) => {
            let k = check(i, s.len() as u32)?;
            Ok(Value::Int(i64::from(s.as_bytes()[k])))
        }
        _ => Err(bug("index of a value that is not a slice, array or string")),
    }
}

/// `x[i] = v` of a slice or array.
pub fn set_index(x: &Value, i: &Value, v: Value) -> Result<(), Trap> {
    let i = index_of(i)?;
    match x {
        Value::Slice { obj, off, len, .. } => {
            let k = check(i, *len)?;
            obj.store(*off as usize + k, v);
            Ok(())
        }
        _ => Err(bug(
            "element store into a value that is not a slice or array",
        )),
    }
}

/// `x[lo:hi:max]` of a slice, array or string, with Go's bounds errors.
pub fn slice_of(
    x: &Value,
    lo: Option<&Value>,
    hi: Option<&Value>,
    max: Option<&Value>,
    on: On,
) -> Result<Value, Trap> {
    let get = |v: Option<&Value>| v.map(index_of).transpose();
    let (lo, hi, max) = (get(lo)?, get(hi)?, get(max)?);
    match x {
        Value::Str(s) => {
            let n = s.len() as i64;
            let h = hi.unwrap_or(n);
            let l = lo.unwrap_or(0);
            if h < 0 || h > n {
                return Err(bounds(format!(
                    "slice bounds out of range [:{h}] with length {n}"
                )));
            }
            if l < 0 || l > h {
                return Err(bounds(format!("slice bounds out of range [{l}:{h}]")));
            }
            let b = &s.as_bytes()[l as usize..h as usize];
            Ok(Value::Str(Str(Arc::from(b))))
        }
        Value::Slice { obj, off, len, cap } => {
            let what = if on == On::Array {
                "length"
            } else {
                "capacity"
            };
            let c = i64::from(*cap);
            let (l, h, m) = check_slice(lo, hi, max, i64::from(*len), c, what)?;
            Ok(Value::Slice {
                obj: obj.clone(),
                off: off + l as u32,
                len: (h - l) as u32,
                cap: (m - l) as u32,
            })
        }
        _ => Err(bug("slice of a value that is not a slice, array or string")),
    }
}

/// Go's order of slice bound checks: max, then high, then low.
fn check_slice(
    lo: Option<i64>,
    hi: Option<i64>,
    max: Option<i64>,
    len: i64,
    cap: i64,
    what: &str,
) -> Result<(i64, i64, i64), Trap> {
    let l = lo.unwrap_or(0);
    if let Some(m) = max {
        if m < 0 || m > cap {
            return Err(bounds(format!(
                "slice bounds out of range [::{m}] with {what} {cap}"
            )));
        }
        let h = hi.unwrap_or(0);
        if h < 0 || h > m {
            return Err(bounds(format!("slice bounds out of range [:{h}:{m}]")));
        }
        if l < 0 || l > h {
            return Err(bounds(format!("slice bounds out of range [{l}:{h}:]")));
        }
        return Ok((l, h, m));
    }
    let h = hi.unwrap_or(len);
    if h < 0 || h > cap {
        return Err(bounds(format!(
            "slice bounds out of range [:{h}] with {what} {cap}"
        )));
    }
    if l < 0 || l > h {
        return Err(bounds(format!("slice bounds out of range [{l}:{h}]")));
    }
    Ok((l, h, cap))
}

/// The elements of a slice (or array), copied out.
pub fn elems(x: &Value) -> Vec<Value> {
    match x {
        Value::Slice { obj, off, len, .. } => {
            let g = obj.lock();
            let (a, b) = (*off as usize, (*off + *len) as usize);
            g.get(a..b).unwrap_or(&[]).to_vec()
        }
        Value::Str(s) => s
            .as_bytes()
            .iter()
            .map(|b| Value::Int(i64::from(*b)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The size in bytes and pointer-ness of an element type, for Go's growth
/// (`growslice` rounds the new capacity up to a malloc size class).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elem {
    /// `unsafe.Sizeof` of the element.
    pub size: u32,
    /// Whether the element holds pointers (adds gc's malloc header).
    pub pointers: bool,
}

const SIZE_CLASSES: [u32; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// gc's `roundupsize`: the size mallocgc really allocates.
fn roundupsize(size: u64, pointers: bool) -> u64 {
    let header = if pointers && size > 512 { 8 } else { 0 };
    let req = size + header;
    if req <= 32768 {
        let class = SIZE_CLASSES
            .iter()
            .map(|&c| u64::from(c))
            .find(|&c| c >= req)
            .unwrap_or(req);
        return class - header;
    }
    (size + 8191) & !8191
}

/// gc's `nextslicecap` and the size-class rounding of `growslice`.
fn grow_cap(new_len: u64, old_cap: u64, e: Elem) -> u64 {
    let double = old_cap * 2;
    let mut cap = if new_len > double {
        new_len
    } else if old_cap < 256 {
        double
    } else {
        let mut c = old_cap;
        while c < new_len {
            c += (c + 3 * 256) >> 2;
        }
        c
    };
    if e.size > 0 {
        let size = u64::from(e.size);
        cap = roundupsize(cap * size, e.pointers) / size;
    }
    cap.max(new_len)
}

/// `append(s, vals...)`: in place within the capacity (sharing the backing
/// array), else into a new array grown as Go grows it, whose elements are
/// copies by the element's copy shape `shape`.
pub fn append(
    s: &Value,
    vals: Vec<Value>,
    e: Elem,
    zero: &Value,
    shape: &[u32],
) -> Result<Value, Trap> {
    let (obj, off, len, cap) = match s {
        Value::Slice { obj, off, len, cap } => (obj.clone(), *off, *len, *cap),
        Value::Nil => (nil_obj().clone(), 0, 0, 0),
        _ => return Err(bug("append to a value that is not a slice")),
    };
    if vals.is_empty() {
        return Ok(s.clone());
    }
    let new_len = u64::from(len) + vals.len() as u64;
    if new_len <= u64::from(cap) {
        {
            let mut g = obj.lock();
            for (k, v) in vals.into_iter().enumerate() {
                if let Some(slot) = g.get_mut(off as usize + len as usize + k) {
                    *slot = v;
                }
            }
        }
        return Ok(Value::Slice {
            obj,
            off,
            len: new_len as u32,
            cap,
        });
    }
    let new_cap = grow_cap(new_len, u64::from(cap), e);
    let mut slots: Vec<Value> = Vec::with_capacity(new_cap as usize);
    {
        let g = obj.lock();
        let old = g.get(off as usize..(off + len) as usize).unwrap_or(&[]);
        slots.extend(old.iter().map(|v| copy_shaped(v, shape).0));
    }
    slots.extend(vals);
    while slots.len() < new_cap as usize {
        slots.push(copy_shaped(zero, shape).0);
    }
    Ok(Value::Slice {
        obj: Arc::new(Obj::new(slots.into_boxed_slice())),
        off: 0,
        len: new_len as u32,
        cap: new_cap as u32,
    })
}

/// `copy(dst, src)`: the number of elements copied (overlap is fine),
/// each a copy by the element's copy shape `shape`.
pub fn copy(dst: &Value, src: &Value, shape: &[u32]) -> Result<i64, Trap> {
    let from = elems(src);
    match dst {
        Value::Slice { obj, off, len, .. } => {
            let n = from.len().min(*len as usize);
            let mut g = obj.lock();
            for (k, v) in from.into_iter().take(n).enumerate() {
                if let Some(slot) = g.get_mut(*off as usize + k) {
                    *slot = copy_shaped(&v, shape).0;
                }
            }
            Ok(n as i64)
        }
        Value::Nil => Ok(0),
        _ => Err(bug("copy into a value that is not a slice")),
    }
}

/// The run-time error of `[n]T(s)` and `(*[n]T)(s)` with `len(s) == len`.
fn too_short(len: u32, n: u32) -> Trap {
    bounds(format!(
        "cannot convert slice with length {len} to array or pointer to array with length {n}"
    ))
}

/// Conversions between strings and byte or rune slices.
pub fn convert(x: &Value, how: Conv) -> Result<Value, Trap> {
    let from_vals = |vals: Vec<Value>| -> Value {
        let n = vals.len() as u32;
        Value::Slice {
            obj: Arc::new(Obj::new(vals.into_boxed_slice())),
            off: 0,
            len: n,
            cap: n,
        }
    };
    Ok(match (how, x) {
        (Conv::StrToBytes, Value::Str(s)) => {
            from_vals(elems(x).into_iter().take(s.len()).collect())
        }
        (Conv::StrToRunes, Value::Str(s)) => from_vals(
            s.text()
                .chars()
                .map(|c| Value::Int(i64::from(u32::from(c))))
                .collect(),
        ),
        (Conv::BytesToStr, v) => {
            let b: Vec<u8> = elems(v)
                .iter()
                .map(|e| match e {
                    Value::Int(n) => *n as u8,
                    _ => 0,
                })
                .collect();
            Value::Str(Str(Arc::from(b)))
        }
        (Conv::RunesToStr, v) => {
            let s: String = elems(v).iter().map(rune_char).collect();
            Value::Str(Str::from(s))
        }
        (Conv::RuneToStr, v) => Value::Str(Str::from(rune_char(v).to_string())),
        (Conv::SliceToArrayPtr(n), Value::Slice { obj, off, len, .. }) => {
            if *len < n {
                return Err(too_short(*len, n));
            }
            if is_nil_slice(x) {
                return Ok(Value::Nil);
            }
            // The array `*p` is a view of the slice's first `n` slots in a
            // variable of its own: `p[i]`, `&p[i]` and `p[:]` reach the
            // slice's backing array.
            let view = Value::Slice {
                obj: obj.clone(),
                off: *off,
                len: n,
                cap: n,
            };
            Value::Ptr {
                obj: super::value::cell(view),
                at: 0,
            }
        }
        (Conv::ArrayPtrIdentity, Value::Nil) => Value::Nil,
        (Conv::ArrayPtrIdentity, p) => match super::iface::load(p)? {
            Value::Slice { obj, off, .. } => Value::Ptr { obj, at: off },
            _ => return Err(bug("an array pointer to something else")),
        },
        (Conv::SliceToArray(n), v) => {
            let mut es = elems(v);
            if es.len() < n as usize {
                return Err(too_short(es.len() as u32, n));
            }
            es.truncate(n as usize);
            from_vals(es)
        }
        _ => return Err(bug("conversion of a value of the wrong kind")),
    })
}

/// The character of a rune value (invalid code points are U+FFFD).
pub fn rune_char(v: &Value) -> char {
    match v {
        Value::Int(n) => u32::try_from(*n)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}'),
        _ => '\u{fffd}',
    }
}

/// The rune at byte `i` of `s` and its width (Go's `for range` over a
/// string: an invalid byte is U+FFFD of width 1).
pub fn decode_rune(s: &[u8], i: usize) -> (i64, usize) {
    let rest = &s[i.min(s.len())..];
    let end = rest.len().min(4);
    for w in 1..=end {
        if let Ok(t) = std::str::from_utf8(&rest[..w]) {
            if let Some(c) = t.chars().next() {
                return (i64::from(u32::from(c)), w);
            }
        }
    }
    (0xfffd, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &Value) -> Vec<i64> {
        elems(v)
            .iter()
            .map(|e| if let Value::Int(n) = e { *n } else { -1 })
            .collect()
    }

    #[test]
    fn append_grows_as_go_does() {
        let int = Elem {
            size: 8,
            pointers: false,
        };
        // From a heap slice of cap 4 (Go prints 8 16 32 64 128 256 512 848
        // 1280 1792 2560 for one append at a time).
        let mut s = make(0, Some(4), &Value::Int(0), &[0]).unwrap_or(Value::Nil);
        let mut caps = Vec::new();
        let mut last = 4;
        for i in 0..2000 {
            s = append(&s, vec![Value::Int(i)], int, &Value::Int(0), &[0]).unwrap_or(Value::Nil);
            let c = cap(&s).unwrap_or(0);
            if c != last {
                caps.push(c);
                last = c;
            }
        }
        assert_eq!(caps, [8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560]);
        let byte = Elem {
            size: 1,
            pointers: false,
        };
        let b = make(0, Some(5), &Value::Int(0), &[0]).unwrap_or(Value::Nil);
        let b = append(
            &b,
            (0..6).map(Value::Int).collect(),
            byte,
            &Value::Int(0),
            &[0],
        )
        .unwrap_or(Value::Nil);
        assert_eq!(cap(&b).ok(), Some(16));
        let z = append(
            &nil_slice(),
            vec![Value::Int(1), Value::Int(2), Value::Int(3)],
            int,
            &Value::Int(0),
            &[0],
        )
        .unwrap_or(Value::Nil);
        assert_eq!((len(&z).ok(), cap(&z).ok()), (Some(3), Some(3)));
    }

    #[test]
    fn slices_share_their_backing_array() {
        let s = make(5, None, &Value::Int(0), &[0]).unwrap_or(Value::Nil);
        let head = slice_of(&s, None, Some(&Value::Int(2)), None, On::Slice).unwrap_or(Value::Nil);
        let head = append(
            &head,
            vec![Value::Int(9)],
            Elem {
                size: 8,
                pointers: false,
            },
            &Value::Int(0),
            &[0],
        )
        .unwrap_or(Value::Nil);
        assert_eq!(ints(&s), [0, 0, 9, 0, 0]);
        assert_eq!(ints(&head), [0, 0, 9]);
        let n = copy(
            &slice_of(&s, Some(&Value::Int(3)), None, None, On::Slice).unwrap_or(Value::Nil),
            &s,
            &[0],
        );
        assert_eq!(n.ok(), Some(2));
        assert_eq!(ints(&s), [0, 0, 9, 0, 0]);
    }

    fn text(t: Result<Value, Trap>) -> String {
        match t {
            Err(Trap::Panic(Value::Err(e))) => e.text.text().into_owned(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn bounds_errors_have_gos_text() {
        let s = make(3, None, &Value::Int(0), &[0]).unwrap_or(Value::Nil);
        let i = |n| Value::Int(n);
        assert_eq!(
            text(index(&s, &i(5))),
            "runtime error: index out of range [5] with length 3"
        );
        assert_eq!(
            text(index(&s, &i(-1))),
            "runtime error: index out of range [-1]"
        );
        let sl = |lo: Option<i64>, hi: Option<i64>, max: Option<i64>| {
            let (a, b, c) = (lo.map(i), hi.map(i), max.map(i));
            text(slice_of(&s, a.as_ref(), b.as_ref(), c.as_ref(), On::Slice))
        };
        assert_eq!(
            sl(None, Some(5), None),
            "runtime error: slice bounds out of range [:5] with capacity 3"
        );
        assert_eq!(
            sl(Some(2), Some(1), None),
            "runtime error: slice bounds out of range [2:1]"
        );
        assert_eq!(
            sl(Some(4), None, None),
            "runtime error: slice bounds out of range [4:3]"
        );
        assert_eq!(
            sl(Some(0), Some(1), Some(5)),
            "runtime error: slice bounds out of range [::5] with capacity 3"
        );
        assert_eq!(
            sl(Some(0), Some(3), Some(2)),
            "runtime error: slice bounds out of range [:3:2]"
        );
        assert_eq!(
            text(make(-1, None, &i(0), &[0])),
            "runtime error: makeslice: len out of range"
        );
        assert_eq!(
            text(make(2, Some(1), &i(0), &[0])),
            "runtime error: makeslice: cap out of range"
        );
        let st = Value::Str(Str::from("héllo"));
        assert_eq!(
            text(index(&st, &i(10))),
            "runtime error: index out of range [10] with length 6"
        );
        assert_eq!(
            text(slice_of(&st, Some(&i(3)), Some(&i(10)), None, On::Str)),
            "runtime error: slice bounds out of range [:10] with length 6"
        );
    }
}
