//! Which of gc's `mapassign` functions stores into a map of a given type
//! (`cmd/compile`'s `mapfast`): a walk below a store into a nil map shows
//! it. Elements over 128 bytes, and keys other than a string or one word
//! of plain memory, take the general `mapassign`.

use crate::code::FaultSite;
use crate::types::Type;

/// The `mapassign` variant of `map[key]elem` (`Plain` where minigo does
/// not know an element's size: a walk through it refuses).
pub(crate) fn map_assign_site(key: &Type, elem: &Type) -> FaultSite {
    match layout(elem) {
        Some((size, _)) if size > 128 => return FaultSite::MapSlow,
        Some(_) => {}
        None => return FaultSite::Plain,
    }
    if matches!(key.underlying(), Type::Str) {
        return FaultSite::MapFastStr;
    }
    match memory(key) {
        Some((4, false)) => FaultSite::MapFast32,
        Some((8, false)) => FaultSite::MapFast64,
        Some((8, true)) => FaultSite::MapFast64Ptr,
        _ => FaultSite::MapSlow,
    }
}

/// Size and alignment of `t` on gc's 64-bit targets.
fn layout(t: &Type) -> Option<(u64, u64)> {
    Some(match t.underlying() {
        Type::Int => (8, 8),
        Type::IntK(k) => (u64::from(k.bits() / 8), u64::from(k.bits() / 8)),
        Type::Bool | Type::Byte => (1, 1),
        Type::Rune => (4, 4),
        Type::Float(b) => (u64::from(b / 8), u64::from(b / 8)),
        Type::Complex(b) => (u64::from(b / 8), u64::from(b / 16)),
        Type::Str | Type::Any | Type::Error | Type::Iface(_) => (16, 8),
        Type::Slice(_) => (24, 8),
        Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => (8, 8),
        Type::Array(n, e) => {
            let (s, a) = layout(&e)?;
            (s.checked_mul(n)?, a)
        }
        Type::Struct(fs) => {
            let (mut size, mut align) = (0u64, 1u64);
            for f in fs.iter() {
                let (s, a) = layout(&f.ty)?;
                size = size.next_multiple_of(a) + s;
                align = align.max(a);
            }
            if size > 0
                && fs
                    .last()
                    .is_some_and(|f| layout(&f.ty).is_some_and(|l| l.0 == 0))
            {
                // gc pads a final zero-size field.
                size += 1;
            }
            (size.next_multiple_of(align), align)
        }
        _ => return None,
    })
}

/// Size and whether it holds pointers, for a type gc compares as plain
/// memory (integers, booleans, pointers, channels, and arrays and structs
/// of them without padding or blank fields).
fn memory(t: &Type) -> Option<(u64, bool)> {
    match t.underlying() {
        Type::Int | Type::IntK(_) | Type::Bool | Type::Byte | Type::Rune => {
            layout(t).map(|l| (l.0, false))
        }
        Type::Pointer(_) | Type::Chan(..) => Some((8, true)),
        Type::Array(n, e) => memory(&e).map(|(s, p)| (s * n, p && n > 0)),
        Type::Struct(fs) => {
            let (mut sum, mut ptrs) = (0, false);
            for f in fs.iter() {
                if &*f.name == "_" {
                    return None;
                }
                let (s, p) = memory(&f.ty)?;
                sum += s;
                ptrs |= p;
            }
            (layout(t)?.0 == sum).then_some((sum, ptrs))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::table::IntKind;
    use std::rc::Rc;

    #[test]
    fn gc_variants() {
        let int = Type::Int;
        let i32t = Type::IntK(IntKind::I32);
        let ptr = Type::Pointer(Rc::new(Type::Int));
        assert_eq!(map_assign_site(&i32t, &int), FaultSite::MapFast32);
        assert_eq!(map_assign_site(&int, &int), FaultSite::MapFast64);
        assert_eq!(map_assign_site(&ptr, &int), FaultSite::MapFast64Ptr);
        assert_eq!(map_assign_site(&Type::Str, &int), FaultSite::MapFastStr);
        assert_eq!(map_assign_site(&Type::Float(64), &int), FaultSite::MapSlow);
        assert_eq!(map_assign_site(&Type::Bool, &int), FaultSite::MapSlow);
        let big = Type::Array(17, Rc::new(Type::Int));
        assert_eq!(map_assign_site(&int, &big), FaultSite::MapSlow);
        let two = Type::Array(2, Rc::new(i32t.clone()));
        assert_eq!(map_assign_site(&two, &int), FaultSite::MapFast64);
    }
}
