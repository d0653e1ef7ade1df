//! Maps: Go's `map[K]V` with its run-time errors. Entries keep their
//! insertion order — Go's iteration order is random, programs that depend
//! on it are wrong, and minigo's order is deterministic but unspecified.
//! The nil map is one shared empty `MapObj`, so that it stays a map inside
//! an interface; writing to it panics as in Go.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use super::errors::{error, ErrKind};
use super::value::Value;
use super::Trap;

/// A map key: the comparable values, by Go's equality.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Nil,
    Bool(bool),
    Int(i64),
    Float(u64),
    Complex(u64, u64),
    /// A NaN (or a value holding one): equal to no key, itself included,
    /// so each gets a number of its own.
    Nan(u64),
    Str(Vec<u8>),
    /// Another value, by identity (error values, pointers...).
    Addr(usize),
    Array(Vec<Key>),
    /// A value in an interface: its dynamic type, then its key.
    Typed(u32, Box<Key>),
}

fn key_of(v: &Value) -> Result<Key, Trap> {
    key_with(v, true)
}

/// `v`'s key; with `nan_unique` false a NaN is its bits (to find the entry
/// a range loop's snapshot names, [`get_ranged`]).
fn key_with(v: &Value, nan_unique: bool) -> Result<Key, Trap> {
    let each = |vs: &[Value]| -> Result<Vec<Key>, Trap> {
        vs.iter().map(|e| key_with(e, nan_unique)).collect()
    };
    Ok(match v {
        Value::Nil => Key::Nil,
        Value::Bool(b) => Key::Bool(*b),
        Value::Int(n) => Key::Int(*n),
        Value::BoxedInt(n) => Key::Int(**n),
        Value::Float(f) if f.is_nan() && nan_unique => nan_key(),
        Value::Float(f) => Key::Float(if *f == 0.0 { 0 } else { f.to_bits() }),
        Value::Complex(re, im) => {
            let c = crate::types::complex::C(*re, *im);
            if super::complex::has_nan(c) && nan_unique {
                return Ok(nan_key());
            }
            let (r, i) = super::complex::key_bits(c);
            Key::Complex(r, i)
        }
        Value::Str(s) => Key::Str(s.as_bytes().to_vec()),
        Value::Err(e) => Key::Addr(Arc::as_ptr(e) as *const u8 as usize),
        Value::Func(f) => return Err(unhashable(f.sig())),
        Value::Map(_) => return Err(unhashable("map")),
        Value::Slice { .. } => {
            // An array key (a slice would not pass the checker).
            let elems = super::slice::elems(v);
            Key::Array(each(&elems)?)
        }
        Value::Ptr { obj, at } => Key::Addr(Arc::as_ptr(obj) as *const u8 as usize + *at as usize),
        Value::Chan(c) => Key::Addr(Arc::as_ptr(c) as *const u8 as usize),
        Value::Iface(b) if !b.ty.comparable => return Err(unhashable(&b.ty.name)),
        Value::Iface(b) => Key::Typed(b.ty.id, Box::new(key_with(&b.val, nan_unique)?)),
        Value::Struct(fs) => Key::Array(each(fs)?),
        Value::FieldPtr(fp) => {
            let mut k = vec![Key::Addr(
                Arc::as_ptr(&fp.obj) as *const u8 as usize + fp.at as usize,
            )];
            k.extend(fp.path.iter().map(|&i| Key::Int(i64::from(i))));
            Key::Array(k)
        }
    })
}

/// A key that equals no other: Go's NaN keys (a lookup never finds one,
/// each store adds an entry).
fn nan_key() -> Key {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    Key::Nan(NEXT.fetch_add(1, Ordering::Relaxed))
}

fn unhashable(what: &str) -> Trap {
    Trap::Panic(error(
        ErrKind::Str,
        format!("runtime error: hash of unhashable type {what}"),
    ))
}

#[derive(Debug, Default)]
struct Entries {
    keys: Vec<Value>,
    vals: Vec<Value>,
    index: HashMap<Key, usize>,
}

/// A map's entries, behind one mutex held for one operation.
#[derive(Debug, Default)]
pub struct MapObj {
    entries: Mutex<Entries>,
}

fn nil_obj() -> &'static Arc<MapObj> {
    static NIL: OnceLock<Arc<MapObj>> = OnceLock::new();
    NIL.get_or_init(|| Arc::new(MapObj::default()))
}

/// The nil map.
pub fn nil_map() -> Value {
    Value::Map(nil_obj().clone())
}

/// A new empty map.
pub fn new_map() -> Value {
    Value::Map(Arc::new(MapObj::default()))
}

/// Whether `v` is the nil map.
pub fn is_nil_map(v: &Value) -> bool {
    matches!(v, Value::Map(m) if Arc::ptr_eq(m, nil_obj()))
}

impl MapObj {
    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.lock().keys.len()
    }

    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries, in the map's (unspecified) order.
    pub fn entries(&self) -> Vec<(Value, Value)> {
        let g = self.lock();
        g.keys.iter().cloned().zip(g.vals.iter().cloned()).collect()
    }

    /// The keys, for a `for range` that starts now.
    pub fn keys(&self) -> Vec<Value> {
        self.lock().keys.clone()
    }

    /// Removes every entry (`clear(m)`, NaN keys included).
    pub fn clear(&self) {
        let mut g = self.lock();
        g.keys.clear();
        g.vals.clear();
        g.index.clear();
    }
}

fn map_of(m: &Value) -> Result<&Arc<MapObj>, Trap> {
    match m {
        Value::Map(o) => Ok(o),
        _ => Err(Trap::Bug("map operation on a value that is not a map")),
    }
}

/// `m[k]`: the value and whether the key is there.
pub fn get(m: &Value, k: &Value) -> Result<Option<Value>, Trap> {
    let key = key_of(k)?;
    let o = map_of(m)?;
    let g = o.lock();
    Ok(g.index.get(&key).map(|&i| g.vals[i].clone()))
}

/// `m[k]` for a `range` loop whose snapshot of the keys has `k` at index
/// `at`: a key holding a NaN, which no lookup finds, is the entry at that
/// index if it still holds those bits, else the first that does (entries
/// with NaN keys are never updated or deleted one by one: Go's `clear`
/// removes them all).
pub fn get_ranged(m: &Value, k: &Value, at: &Value) -> Result<Option<Value>, Trap> {
    let key = key_of(k)?;
    let raw = key_with(k, false)?;
    if key == raw {
        return get(m, k);
    }
    let o = map_of(m)?;
    let g = o.lock();
    let same = |i: usize| matches!(key_with(&g.keys[i], false), Ok(r) if r == raw);
    let hint = match at {
        Value::Int(i) => usize::try_from(*i).ok().filter(|&i| i < g.keys.len()),
        _ => None,
    };
    let found = hint
        .filter(|&i| same(i))
        .or_else(|| (0..g.keys.len()).find(|&i| same(i)));
    Ok(found.map(|i| g.vals[i].clone()))
}

/// `m[k] = v`; the nil map panics as in Go.
pub fn set(m: &Value, k: Value, v: Value) -> Result<(), Trap> {
    let key = key_of(&k)?;
    let o = map_of(m)?;
    if Arc::ptr_eq(o, nil_obj()) {
        return Err(Trap::Panic(error(
            ErrKind::Plain,
            "assignment to entry in nil map",
        )));
    }
    let mut g = o.lock();
    match g.index.get(&key) {
        Some(&i) => g.vals[i] = v,
        None => {
            let i = g.keys.len();
            g.keys.push(k);
            g.vals.push(v);
            g.index.insert(key, i);
        }
    }
    Ok(())
}

/// `delete(m, k)` (nothing for a missing key or the nil map).
pub fn delete(m: &Value, k: &Value) -> Result<(), Trap> {
    let key = key_of(k)?;
    let o = map_of(m)?;
    let mut g = o.lock();
    let Some(i) = g.index.remove(&key) else {
        return Ok(());
    };
    g.keys.swap_remove(i);
    g.vals.swap_remove(i);
    if i < g.keys.len() {
        let moved = key_of(&g.keys[i])?;
        g.index.insert(moved, i);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::Str;

    #[test]
    fn set_get_delete_and_the_nil_map() {
        let m = new_map();
        let k = |s: &str| Value::Str(Str::from(s));
        assert!(set(&m, k("a"), Value::Int(1)).is_ok());
        assert!(set(&m, k("b"), Value::Int(2)).is_ok());
        assert!(set(&m, k("a"), Value::Int(3)).is_ok());
        assert!(matches!(get(&m, &k("a")), Ok(Some(Value::Int(3)))));
        assert!(delete(&m, &k("a")).is_ok());
        assert!(matches!(get(&m, &k("a")), Ok(None)));
        assert!(matches!(get(&m, &k("b")), Ok(Some(Value::Int(2)))));
        let n = nil_map();
        assert!(matches!(get(&n, &k("x")), Ok(None)));
        assert!(delete(&n, &k("x")).is_ok());
        match set(&n, k("x"), Value::Int(1)) {
            Err(Trap::Panic(Value::Err(e))) => {
                assert_eq!(e.text.text(), "assignment to entry in nil map")
            }
            other => panic!("{other:?}"),
        }
        assert!(is_nil_map(&n) && !is_nil_map(&m));
    }
}
