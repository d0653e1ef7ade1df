//! Deferred-call records: raw memory blocks with a small header and the
//! closure's captures stored inline behind it.
//!
//! # Layout
//!
//! ```text
//! offset 0   next: *mut Header        link in the task's chain
//! offset 8   vtable: *const ()        &'static CallVTable<E, P, M> of the stored closure
//! offset 16  depth: u32               depth of the frame that registered it
//! offset 32  payload                  the closure, moved in by value (align <= 16)
//! ```
//!
//! Every record belongs to one size class ([`CLASS_PAYLOAD`]); the class
//! fixes the block's size, so a record can go back to any cache of its class.
//! A closure larger than the largest payload, or aligned to more than 16
//! bytes, is boxed and the (one-word) box is stored instead: the documented
//! fallback, which costs one global allocation per defer.
//!
//! # Invariants (this module and `pool`, the only places that touch records
//! through raw pointers)
//!
//! 1. A record pointer is always the start of a block of
//!    `HEADER + CLASS_PAYLOAD[class]` bytes, aligned to [`RECORD_ALIGN`],
//!    carved from a `bumpalo` arena owned by one [`crate::Pool`]; the block
//!    lives as long as that pool.
//! 2. At any time a record is in exactly one place: a worker's cache, the
//!    central pool, a task's chain, or in the hands of the function that just
//!    took it out of one of those. Nothing keeps a second pointer to it.
//! 3. A record in a task's chain holds an initialised closure of the type its
//!    vtable was made for; a record anywhere else holds no live value (its
//!    payload is dead bytes).
//! 4. A free record (in a worker cache or the central pool) is linked to the
//!    next one of its list through `next`; the first record of a central
//!    batch also keeps the next batch in the first word of its (dead)
//!    payload, [`Rec::link_of`]. Only the pool reads those links, and only as
//!    far as its lists' counts say.

use core::mem::{align_of, size_of};
use core::ptr::NonNull;

/// Bytes before the payload.
pub(crate) const HEADER: usize = 32;
/// Alignment of every record and of its payload.
pub(crate) const RECORD_ALIGN: usize = 16;
/// Number of size classes.
pub(crate) const NCLASS: usize = 4;
/// Payload bytes of each class: a record of class `c` is
/// `HEADER + CLASS_PAYLOAD[c]` bytes (64, 128, 256, 512).
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, BATCH, CLASS_PAYLOAD};
/// assert_eq!(CLASS_PAYLOAD, [32, 96, 224, 480]);
/// assert!(CLASS_PAYLOAD.iter().all(|p| (32 + p) % 16 == 0)); // 16-aligned records
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let (small, big, huge) = ([1u8; 32], [2u8; 200], [3u8; 600]);
/// let f = cx.enter();
/// cx.defer(move |_| { assert_eq!(small[31], 1); Ok(()) }); // class 0
/// cx.defer(move |_| { assert_eq!(big[199], 2); Ok(()) }); // class 2
/// cx.defer(move |_| { assert_eq!(huge[599], 3); Ok(()) }); // boxed, in a class-0 record
/// cx.exit(f).unwrap();
/// assert_eq!(pool.stats().carved, 2 * BATCH); // one batch for each class used
/// ```
pub const CLASS_PAYLOAD: [usize; NCLASS] = [32, 96, 224, 480];

#[repr(C, align(16))]
pub(crate) struct Header {
    pub(crate) next: *mut Header,
    pub(crate) vtable: *const (),
    pub(crate) depth: u32,
}

/// The end of every chain: a header at depth 0 that is never written, so
/// "the head belongs to frame `d`" is a load and a compare with no null
/// test. Only its address and its `depth` are ever read.
pub(crate) struct Sentinel(Header);

// SAFETY: the sentinel is immutable: no code writes through a pointer to it
// (push_record writes only to records it took from a worker; pop and
// discard write only to the task's `head`), so sharing it is sharing a
// constant.
unsafe impl Sync for Sentinel {}

pub(crate) static SENTINEL: Sentinel = Sentinel(Header {
    next: core::ptr::null_mut(),
    vtable: core::ptr::null(),
    depth: 0,
});

/// The chain's end marker, as a link value.
#[inline(always)]
pub(crate) fn sentinel() -> *mut Header {
    (&SENTINEL.0 as *const Header).cast_mut()
}

const _: () = assert!(size_of::<Header>() <= HEADER);
const _: () = assert!(align_of::<Header>() == RECORD_ALIGN);

/// A record pointer. Plain data: which code may use it is governed by the
/// invariants above, not by this type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub(crate) struct Rec(pub(crate) NonNull<Header>);

// SAFETY: a `Rec` is an exclusive handle to plain memory (invariant 2); the
// closure inside a chained record is only sent along with its `Task`, whose
// own `Send` bound requires the closures to be `Send`.
unsafe impl Send for Rec {}

impl Rec {
    /// Byte size of a record of `class`.
    #[inline]
    pub(crate) const fn size(class: usize) -> usize {
        HEADER + CLASS_PAYLOAD[class]
    }

    /// Where the closure lives.
    #[inline]
    pub(crate) fn payload(self) -> *mut u8 {
        // SAFETY: every record block is at least HEADER + 32 bytes long
        // (invariant 1), so HEADER is in bounds.
        unsafe { self.0.as_ptr().cast::<u8>().add(HEADER) }
    }
}

impl Rec {
    /// The batch link word of a free record: the first word of its payload.
    ///
    /// # Safety
    /// `r` is a free record (record invariants 1, 2 and 4) whose link word
    /// was written by [`Rec::set_link`].
    #[inline]
    pub(crate) unsafe fn link_of(r: *mut Header) -> *mut Header {
        // SAFETY: the payload starts HEADER bytes in, is 16-aligned and at
        // least 32 bytes long (invariant 1); the caller says it holds a link.
        unsafe { r.cast::<u8>().add(HEADER).cast::<*mut Header>().read() }
    }

    /// Writes the batch link word of a free record.
    ///
    /// # Safety
    /// `r` is a free record owned by the caller (invariants 1 and 2); its
    /// payload is dead bytes (invariant 3), so it may be overwritten.
    #[inline]
    pub(crate) unsafe fn set_link(r: *mut Header, link: *mut Header) {
        // SAFETY: as in `link_of`; the caller owns the record.
        unsafe { r.cast::<u8>().add(HEADER).cast::<*mut Header>().write(link) }
    }
}

/// The size class that holds an `F` inline, or `None` when `F` must be boxed.
pub(crate) const fn class_of<F>() -> Option<usize> {
    if align_of::<F>() > RECORD_ALIGN {
        return None;
    }
    let size = size_of::<F>();
    let mut c = 0;
    while c < NCLASS {
        if size <= CLASS_PAYLOAD[c] {
            return Some(c);
        }
        c += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_fit_and_grow() {
        assert_eq!(class_of::<()>(), Some(0));
        assert_eq!(class_of::<[u64; 4]>(), Some(0));
        assert_eq!(class_of::<[u64; 5]>(), Some(1));
        assert_eq!(class_of::<[u8; 480]>(), Some(3));
        assert_eq!(class_of::<[u8; 481]>(), None);
        #[repr(align(32))]
        struct Wide(#[allow(dead_code)] u8);
        assert_eq!(class_of::<Wide>(), None);
        for c in 0..NCLASS {
            assert_eq!(Rec::size(c) % RECORD_ALIGN, 0);
        }
    }
}
