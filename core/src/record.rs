//! Deferred-call records and the per-task stack they live on.
//!
//! # Layout
//!
//! A task's pending chain calls are records on one contiguous stack of
//! bytes owned by the task, oldest at the bottom. A record is the closure,
//! moved in by value, followed by a 16-byte header:
//!
//! ```text
//! rec          payload: the closure (its size rounded up to 16)
//! rec+size-16  vtable: *const ()   &'static CallVTable<E, P, M> of the closure
//! rec+size-8   pos: u64            the task's position when it was registered:
//!                                  the frame's depth (low 32 bits) and generation
//! rec+size     (the next record, or the stack's top)
//! ```
//!
//! Minus the record's size (header included) is the first word of its
//! vtable (`CallVTable::back`): one type, one size. The task keeps only `top`, the
//! end of the newest record: the newest record's header is the 16 bytes
//! below `top`, and the record below it ends where it starts (`top - size`).
//! The header's second word is the task's position as it stands at the
//! registration, stored as it is (no masking, no packing: one store of a
//! register), so its low half is the frame's depth; only the run loop
//! (`run_shim`) compares the whole word, to stay within one frame of one
//! generation. Registering is a bounds test and three
//! stores (closure, header, top); popping is two loads and a store; nothing
//! is freed per record (the bytes above `top` are simply reused). The bottom
//! of every stack is a sentinel header at depth 0 that is never popped, so
//! "the newest record belongs to frame `d`" is a load and a compare with no
//! emptiness test. A task with no stack memory yet points at a static
//! sentinel whose `limit` equals its `top`, so its first registration takes
//! the cold path that gets memory.
//!
//! A stack's memory is a chunk of [`CHUNK`] bytes from the pool (through the
//! worker's cache: no global allocation), which the task keeps until it is
//! dropped or releases it (`Cx::release_stack`, with an empty stack); a
//! stack that outgrows its chunk moves to a buffer of
//! the global allocator, twice as large each time it grows, which the task
//! keeps until it is dropped (so a task whose frames hold many records
//! allocates nothing in steady state). Records hold no pointers into the
//! stack (a record's size comes from its vtable, not a link), so growing is
//! one copy.
//!
//! A closure larger than [`CLASS_PAYLOAD`]'s last entry, or aligned to more
//! than 16 bytes, is boxed and the (one-word) box is stored instead: the
//! documented fallback, which costs one global allocation per defer.
//!
//! # Invariants (this module, `pool.rs` and `task/`, the only places that
//! touch records through raw pointers)
//!
//! 0. A record's header holds a pointer to a `CallVTable` (`task/vtable.rs`,
//!    `#[repr(C)]`) whose first field is minus the record's size in bytes,
//!    header included; the bottom sentinel's vtable is null and its size is
//!    never read (every walk stops at `bottom` or at depth 0).
//! 1. `base <= bottom <= top <= limit` (addresses; `base = bottom - 16`),
//!    all derived from one allocation: the static sentinel (`base` its
//!    address, `top` = `limit` = `bottom` its end, never written), a pool
//!    chunk of `CHUNK` bytes, or a global-allocator buffer of `cap > CHUNK`
//!    bytes; `cap` says which (0, `CHUNK`, more). `base` is 16-aligned and
//!    holds the bottom sentinel header (depth 0, size 0). A stack that gave
//!    its chunk back (`cap == 0`, `limit == top == bottom`) may still point
//!    at that chunk's sentinel, which nothing writes after the chunk is
//!    carved (`pool.rs`): it only reads it.
//! 2. `[bottom, top)` is a sequence of records, each `size` bytes long (a
//!    multiple of 16, at least 16), each holding an initialised closure of
//!    the type its vtable was made for; the bytes of `[top, limit)` are dead.
//! 3. A record's depth is at least the depth of the record below it, except
//!    that records registered with `defer_to` sit below deeper records: the
//!    records are sorted by depth, newest (deepest) on top.
//! 4. A record is popped (`top` moved below it) before its closure is read
//!    out, and its closure is read out (called or dropped) exactly once,
//!    before anything can register again over its bytes.

use core::mem::{align_of, size_of};
use core::ptr::{self, NonNull};

/// Bytes of a record's header (after the payload).
pub(crate) const HEADER: usize = 16;
/// Alignment of every record, of its payload and of a stack's memory.
pub(crate) const RECORD_ALIGN: usize = 16;
/// Bytes of the pool chunk a stack starts in.
pub(crate) const CHUNK: usize = 2048;

/// The largest closures stored inline, by the size classes of earlier
/// versions (a record of class `c` held `CLASS_PAYLOAD[c]` bytes of
/// captures). Records are now sized exactly (the closure's size rounded up
/// to 16, plus a 16-byte header) on the task's stack; a closure over the
/// last entry, 480 bytes, or aligned to more than 16, is boxed.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, BATCH, CLASS_PAYLOAD};
/// assert_eq!(CLASS_PAYLOAD, [32, 96, 224, 480]);
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let (small, big, huge) = ([1u8; 32], [2u8; 200], [3u8; 600]);
/// let f = cx.enter();
/// cx.defer(move |_| { assert_eq!(small[31], 1); Ok(()) }); // inline
/// cx.defer(move |_| { assert_eq!(big[199], 2); Ok(()) }); // inline
/// cx.defer(move |_| { assert_eq!(huge[599], 3); Ok(()) }); // boxed, the box inline
/// assert_eq!(cx.task().pending_records(), 3);
/// cx.exit(f).unwrap();
/// // The task's stack took one chunk from the pool, and keeps it.
/// assert_eq!(pool.stats().carved, BATCH);
/// assert_eq!((cx.worker().cached(), pool.held()), (BATCH - 1, 1));
/// ```
pub const CLASS_PAYLOAD: [usize; 4] = [32, 96, 224, 480];

/// A record's header, at its end.
#[repr(C, align(16))]
pub(crate) struct RecHeader {
    pub(crate) vtable: *const (),
    /// The task's position at the registration: the depth in the low half
    /// (see the module docs).
    pub(crate) pos: u64,
}

impl RecHeader {
    #[inline(always)]
    pub(crate) fn depth(&self) -> u32 {
        self.pos as u32
    }

    /// Minus the record's size, header included (invariant 0: the first
    /// word of its vtable).
    ///
    /// # Safety
    /// `self` is the header of a record (not the bottom sentinel).
    #[inline(always)]
    unsafe fn back(&self) -> isize {
        // SAFETY: a record's vtable is a live `CallVTable` whose first
        // field is minus its size (invariant 0), the caller's guarantee.
        unsafe { *self.vtable.cast::<isize>() }
    }
}

const _: () = assert!(size_of::<RecHeader>() == HEADER);
const _: () = assert!(align_of::<RecHeader>() == RECORD_ALIGN);

/// The bottom of a task's stack before it has memory: a header at depth 0
/// that is never written (its `limit` is its `top`, so nothing is ever
/// pushed over it). Only its fields are ever read.
pub(crate) struct Sentinel(RecHeader);

// SAFETY: the sentinel is immutable: no code writes through a pointer to it
// (a stack over it has no room: registration gets memory first), so sharing
// it is sharing a constant.
unsafe impl Sync for Sentinel {}

static SENTINEL: Sentinel = Sentinel(RecHeader {
    vtable: ptr::null(),
    pos: 0,
});

/// A record pointer: the start of its payload. Plain data: which code may
/// use it is governed by the invariants above, not by this type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub(crate) struct Rec(pub(crate) NonNull<u8>);

impl Rec {
    /// Where the closure lives.
    #[inline(always)]
    pub(crate) fn payload(self) -> *mut u8 {
        self.0.as_ptr()
    }
}

/// The byte size of a record holding an `F` inline: its size rounded up to
/// 16, plus the header.
pub(crate) const fn rec_size<F>() -> usize {
    size_of::<F>().div_ceil(RECORD_ALIGN) * RECORD_ALIGN + HEADER
}

/// Whether an `F` is stored inline (else it is boxed).
pub(crate) const fn fits_inline<F>() -> bool {
    align_of::<F>() <= RECORD_ALIGN && size_of::<F>() <= CLASS_PAYLOAD[CLASS_PAYLOAD.len() - 1]
}

/// A task's stack of records. See the module docs for its invariants.
pub(crate) struct Stack {
    /// The end of the newest record (the bottom sentinel's end if none).
    pub(crate) top: *mut u8,
    /// The end of the memory.
    pub(crate) limit: *mut u8,
    /// The end of the bottom sentinel (the start of the memory + 16): the
    /// top of an empty stack.
    pub(crate) bottom: *mut u8,
    /// Bytes of memory: 0 for the static sentinel, `CHUNK` for a pool
    /// chunk, more for a global-allocator buffer.
    pub(crate) cap: usize,
}

impl Stack {
    /// A stack with no memory: the static sentinel.
    pub(crate) fn new() -> Stack {
        let base = (&SENTINEL.0 as *const RecHeader).cast::<u8>().cast_mut();
        let end = base.wrapping_add(HEADER);
        Stack {
            top: end,
            limit: end,
            bottom: end,
            cap: 0,
        }
    }

    /// The newest record's header (the bottom sentinel's if none).
    #[inline(always)]
    fn head(&self) -> *const RecHeader {
        // SAFETY-free: plain arithmetic; `top - 16` is the header of the
        // newest record or of the sentinel (invariants 1 and 2).
        self.top.wrapping_sub(HEADER).cast::<RecHeader>()
    }

    /// The depth of the newest record (0 for the sentinel).
    #[inline(always)]
    pub(crate) fn head_depth(&self) -> u32 {
        // SAFETY: `top - 16` is a live header (invariants 1 and 2): of the
        // newest record, or the sentinel's, readable either way.
        unsafe { (*self.head()).depth() }
    }

    /// The newest record's vtable pointer and start, and whether the
    /// record under it has the same vtable (a run of at least two records
    /// of one type).
    ///
    /// # Safety
    /// The stack holds a record (not only the sentinel).
    #[inline(always)]
    pub(crate) unsafe fn peek(&self) -> (*const (), Rec, bool) {
        // SAFETY: a record is on top (the caller's guarantee): its header
        // is live, its start is in bounds, and the 16 bytes under its start
        // are the header of the record under it or the bottom sentinel
        // (invariants 1 and 2).
        unsafe {
            let h = &*self.head();
            let rec = self.top.offset(h.back());
            let below = &*rec.sub(HEADER).cast::<RecHeader>();
            (
                h.vtable,
                Rec(NonNull::new_unchecked(rec)),
                below.vtable == h.vtable,
            )
        }
    }

    /// Pops the newest record, whose start `peek` returned.
    ///
    /// # Safety
    /// `rec` is what `peek` returned, with nothing pushed or popped since;
    /// as [`Stack::pop`] for the closure.
    #[inline(always)]
    pub(crate) unsafe fn pop_to(&mut self, rec: Rec) {
        self.top = rec.0.as_ptr();
    }

    /// Whether the newest record has the vtable pointer `vt` and was
    /// registered at position `pos` (depth and generation).
    #[inline(always)]
    pub(crate) fn head_is(&self, vt: *const (), pos: u64) -> bool {
        // SAFETY: as in `head_depth`.
        let h = unsafe { &*self.head() };
        h.vtable == vt && h.pos == pos
    }

    /// Pops the newest record, known to be `size` bytes.
    ///
    /// # Safety
    /// As [`Stack::pop`], and the newest record is `size` bytes.
    #[inline(always)]
    pub(crate) unsafe fn pop_sized(&mut self, size: usize) -> Rec {
        // SAFETY: the record `[top - size, top)` is in bounds (invariant 2).
        unsafe {
            let rec = self.top.sub(size);
            self.top = rec;
            Rec(NonNull::new_unchecked(rec))
        }
    }

    /// The start of the memory, where the bottom sentinel is.
    #[inline(always)]
    pub(crate) fn base(&self) -> *mut u8 {
        self.bottom.wrapping_sub(HEADER)
    }

    /// Whether no record is on the stack.
    #[inline(always)]
    pub(crate) fn is_empty(&self) -> bool {
        self.top == self.bottom
    }

    /// Whether the stack's memory is a pool chunk.
    #[inline(always)]
    pub(crate) fn in_chunk(&self) -> bool {
        self.cap == CHUNK
    }

    /// Whether `size` more bytes fit above `top`.
    #[inline(always)]
    pub(crate) fn has_room(&self, size: usize) -> bool {
        self.top.addr() + size <= self.limit.addr()
    }

    /// Pops the newest record: its start and its vtable.
    ///
    /// # Safety
    /// The stack holds a record (not only the sentinel). The caller reads
    /// the closure out exactly once, before anything is pushed again.
    #[inline(always)]
    pub(crate) unsafe fn pop(&mut self) -> (Rec, *const ()) {
        // SAFETY: the caller says a record is on top: its header is live
        // and its start `top - size` is in bounds (invariant 2).
        unsafe {
            let h = &*self.head();
            let rec = self.top.offset(h.back());
            self.top = rec;
            (Rec(NonNull::new_unchecked(rec)), h.vtable)
        }
    }

    /// Pushes a record holding `f` with `vtable`, registered at position
    /// `pos` (its low half the frame's depth). The caller checked
    /// `has_room(rec_size::<F>())`.
    ///
    /// # Safety
    /// `has_room(rec_size::<F>())`; `vtable` was made for `F` (its size
    /// field is `rec_size::<F>()`).
    #[inline(always)]
    pub(crate) unsafe fn push<F>(&mut self, f: F, vtable: *const (), pos: u64) {
        let size = const { rec_size::<F>() };
        let top = self.top;
        // SAFETY: `[top, top + size)` is dead memory of this stack (the
        // caller checked the room, invariant 2); `top` is 16-aligned, so
        // the payload is aligned for F (align <= 16) and the header too.
        // The closure and its header are written before `top` covers them.
        unsafe {
            ptr::write(top.cast::<F>(), f);
            ptr::write(
                top.add(size - HEADER).cast::<RecHeader>(),
                RecHeader { vtable, pos },
            );
            self.top = top.add(size);
        }
    }

    /// Pushes a record holding `f` as the newest record of frame `depth`:
    /// above every record of a depth `<= depth`, below the deeper ones,
    /// which move up by its size (records hold no pointers, so moving their
    /// bytes moves them). The caller checked `has_room(rec_size::<F>())`.
    ///
    /// # Safety
    /// As [`Stack::push`]; `depth >= 1`.
    pub(crate) unsafe fn insert<F>(&mut self, f: F, vtable: *const (), depth: u32) {
        let size = rec_size::<F>();
        // SAFETY: the walk reads live headers from the top down and stops
        // at the first of depth <= `depth`, at the latest at the bottom
        // sentinel (depth 0 < 1 <= depth), which is never passed. The
        // moved bytes `[at, top)` are live records and land in
        // `[at + size, top + size)`, inside the memory (room checked);
        // `ptr::copy` handles the overlap. The new record is then written
        // in the gap, as `push` writes one.
        unsafe {
            let mut at = self.top;
            loop {
                let h = &*at.sub(HEADER).cast::<RecHeader>();
                if h.depth() <= depth {
                    break;
                }
                at = at.offset(h.back());
            }
            let above = self.top.addr() - at.addr();
            ptr::copy(at, at.add(size), above);
            ptr::write(at.cast::<F>(), f);
            ptr::write(
                at.add(size - HEADER).cast::<RecHeader>(),
                // The depth is what the walks read; the generation half is
                // 0 (only `run_shim` compares it, and then only stops early).
                RecHeader {
                    vtable,
                    pos: u64::from(depth),
                },
            );
            self.top = self.top.add(size);
        }
    }

    /// Records on the stack (a walk: a diagnostic).
    pub(crate) fn len(&self) -> usize {
        let bottom = self.bottom;
        let mut n = 0;
        let mut p = self.top;
        while p != bottom {
            // SAFETY: `p` is the end of a live record (invariant 2).
            p = unsafe { p.offset((*p.sub(HEADER).cast::<RecHeader>()).back()) };
            n += 1;
        }
        n
    }

    /// Takes `mem` (`cap` bytes, 16-aligned) as the stack's memory, copying
    /// the records over. Returns the old memory and its `cap`.
    ///
    /// # Safety
    /// `mem` is exclusively the caller's, `cap` bytes long, and holds at
    /// least the used part of the current stack.
    pub(crate) unsafe fn switch_to(&mut self, mem: NonNull<u8>, cap: usize) -> (*mut u8, usize) {
        let base = self.base();
        let used = self.top.addr() - base.addr();
        debug_assert!(used <= cap);
        let new = mem.as_ptr();
        // SAFETY: `[base, top)` is the sentinel and the records (for the
        // static sentinel: its 16 bytes, read only); `new` has room for
        // them and does not overlap (it is the caller's). Copying moves the
        // closures: no pointer into the old memory remains (invariant 2).
        unsafe {
            ptr::copy_nonoverlapping(base, new, used);
            let old = (base, self.cap);
            self.bottom = new.add(HEADER);
            self.top = new.add(used);
            self.limit = new.add(cap);
            self.cap = cap;
            old
        }
    }

    /// Starts an empty stack in `mem`, `cap` bytes (the stack has no
    /// memory yet).
    ///
    /// # Safety
    /// `mem` is exclusively the caller's, `cap >= 16` bytes, 16-aligned,
    /// and starts with a bottom sentinel (a pool chunk's first 16 bytes are
    /// zero from its carving on: `pool.rs`).
    #[inline]
    pub(crate) unsafe fn start_in(&mut self, mem: NonNull<u8>, cap: usize) {
        debug_assert!(self.cap == 0 && self.is_empty());
        let base = mem.as_ptr();
        // SAFETY: the caller's guarantee: the memory is `cap >= 16` bytes.
        unsafe {
            self.top = base.add(HEADER);
            self.bottom = self.top;
            self.limit = base.add(cap);
        }
        self.cap = cap;
    }

    /// An empty stack that gave its chunk back takes it again: the chunk
    /// `base` still names, untouched since (the caller knows).
    ///
    /// # Safety
    /// The stack is empty with `cap == 0` and its `base` is a chunk of
    /// `cap` bytes that is exclusively the caller's again.
    #[inline(always)]
    pub(crate) unsafe fn resume_in(&mut self, cap: usize) {
        debug_assert!(self.cap == 0 && self.is_empty());
        self.limit = self.base().wrapping_add(cap);
        self.cap = cap;
    }

    /// An empty stack in a chunk stops using it and returns its start, to
    /// be given back: from now on it has no room (the next push gets memory
    /// first) and reads only the chunk's bottom sentinel, which nothing
    /// writes (`pool.rs`), so `top` may keep pointing there.
    #[inline(always)]
    pub(crate) fn give_up_chunk(&mut self) -> *mut u8 {
        debug_assert!(self.is_empty() && self.in_chunk());
        self.cap = 0;
        self.limit = self.top;
        self.base()
    }

    /// Drops back to the static sentinel (the stack must be empty); returns
    /// the old memory and its `cap`.
    #[inline]
    pub(crate) fn detach(&mut self) -> (*mut u8, usize) {
        debug_assert!(self.is_empty());
        let old = (self.base(), self.cap);
        *self = Stack::new();
        old
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_rounded_and_inline_limits_hold() {
        assert_eq!(rec_size::<()>(), 16);
        assert_eq!(rec_size::<u64>(), 32);
        assert_eq!(rec_size::<[u64; 4]>(), 48);
        assert_eq!(rec_size::<[u8; 480]>(), 496);
        assert!(fits_inline::<[u8; 480]>());
        assert!(!fits_inline::<[u8; 481]>());
        #[repr(align(32))]
        struct Wide(#[allow(dead_code)] u8);
        assert!(!fits_inline::<Wide>());
        let s = Stack::new();
        assert!(s.is_empty());
        assert_eq!(s.head_depth(), 0);
        assert!(!s.has_room(16));
        assert_eq!(s.len(), 0);
    }
}
