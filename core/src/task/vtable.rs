//! The record vtable plumbing: how a closure gets into a record on the
//! task's stack (`push_into`) and out of it again (`call_shim`,
//! `drop_shim`). These are
//! the only monomorphised steps of a chained call; everything else in the
//! chain is shared code that reaches the closure through the vtable.
//!
//! The `unsafe` here relies on the invariants stated in `task/mod.rs`
//! (# Unsafe) and `record.rs`; each block says which.

use core::any::TypeId;
use core::marker::PhantomData;
use core::ptr;

use super::{Cx, Deferred, Outcome, Task};
use crate::pool::Worker;
use crate::record::{rec_size, Rec};
use crate::value::PanicValue;

/// The vtable stored in a record: its size, and how to call, and how to
/// drop, the closure in its payload. `#[repr(C)]` with the size first: the
/// type-erased stack (`record.rs`, invariant 0) reads it there.
#[repr(C)]
pub(super) struct CallVTable<E, P, M> {
    /// Minus the record's size in bytes, header included
    /// (`-rec_size::<F>()`): the record's start is its end plus this.
    pub(super) back: isize,
    pub(super) call: for<'a, 'b> unsafe fn(Rec, &'a mut Cx<'b, E, P, M>) -> Outcome,
    /// `Cx::exit`'s loop: pops and calls the newest record and the ones
    /// under it of the same type and frame (`run_shim`).
    pub(super) run: for<'a, 'b> unsafe fn(&'a mut Cx<'b, E, P, M>, *const (), u64) -> Outcome,
    pub(super) drop: unsafe fn(Rec),
    /// The payload's type, so that the stepped exit (`Cx::leave_next`) can
    /// hand a record's value back to the embedder instead of calling it.
    pub(super) type_id: fn() -> TypeId,
}

pub(super) struct VTableOf<F, E, P, M>(PhantomData<(F, E, P, M)>);

impl<F, E, P: PanicValue, M> VTableOf<F, E, P, M>
where
    F: Deferred<E, P, M> + 'static,
{
    const VTABLE: CallVTable<E, P, M> = CallVTable {
        back: 0 - rec_size::<F>() as isize,
        call: call_shim::<F, E, P, M>,
        run: run_shim::<F, E, P, M>,
        drop: drop_shim::<F, E, P, M>,
        type_id: TypeId::of::<F>,
    };
}

/// Moves the closure out of `rec` and calls it. The caller has popped the
/// record (its bytes are free: a re-entrant defer reuses them, as Go frees
/// a `_defer` before calling its function) and entered the call's frame.
///
/// This is the only monomorphised part of running a chained call; nothing
/// is freed, so for a closure that makes no call of its own it is a leaf
/// function (no stack frame). Leaving the call's frame is shared code in
/// the exit loop.
///
/// # Safety
/// `rec` was just popped and holds an initialised `F` (record invariants 2
/// and 4).
pub(super) unsafe fn call_shim<F, E, P: PanicValue, M>(
    rec: Rec,
    cx: &mut Cx<'_, E, P, M>,
) -> Outcome
where
    F: Deferred<E, P, M> + 'static,
{
    // SAFETY: the payload holds an initialised, suitably aligned F
    // (record invariant 2); reading moves it out, after which its bytes are
    // dead (invariant 4).
    let f = unsafe { ptr::read(rec.payload().cast::<F>()) };
    f.call(&mut cx.handed())
}

/// The normal exit's loop for a run of records of one type (`Cx::exit`):
/// pops the newest record (an `F`, whose vtable is `vt`) and calls it in
/// frame `p1` (already entered), then goes on with the next record as long
/// as the call returned `Ok` at position `p1` and the new newest record
/// has the same vtable pointer (so the same type and size) and the header
/// word `p1 - 1` (registered by this frame, in this generation). It returns the last call's outcome; the caller
/// then looks at the task as after any call (an `Err`, a moved position,
/// the call's own records, a record of another type or frame).
///
/// Monomorphised for `F`, the loop knows the record's size and the call,
/// so a loop of defers costs, per record, the pop (a subtraction and a
/// store), the call (inlined when it can be) and three compares (position,
/// vtable, header word), with no indirect call and no return to the
/// generic loop. The same records run, in the same order, in the same
/// frame, with the same checks between them as the generic loop makes.
///
/// # Safety
/// The newest record of `cx`'s task holds an `F` and its vtable pointer is
/// `vt`; the task's position is `p1`, one frame deeper than the record's.
pub(super) unsafe fn run_shim<F, E, P: PanicValue, M>(
    cx: &mut Cx<'_, E, P, M>,
    vt: *const (),
    p1: u64,
) -> Outcome
where
    F: Deferred<E, P, M> + 'static,
{
    let size = const { rec_size::<F>() };
    // The frame's position: records it registered in this generation carry
    // exactly this word (ones of an older generation stop the loop early;
    // the caller's generic loop runs them).
    let pos = p1.wrapping_sub(1);
    loop {
        // SAFETY: the newest record holds an F (the caller's guarantee, or
        // the header compare below: the same vtable pointer as the F just
        // run, so the same type); `pop_sized` pops exactly it.
        let rec = unsafe { cx.task.stack.pop_sized(size) };
        // SAFETY: popped above, holds an initialised F (record invariant
        // 2); reading moves it out (invariant 4).
        let f = unsafe { ptr::read(rec.payload().cast::<F>()) };
        let r = f.call(&mut cx.handed());
        if r.is_err() || cx.task.pos != p1 || !cx.task.stack.head_is(vt, pos) {
            return r;
        }
    }
}

/// Drops the closure in `rec` without calling it: a discarded call.
///
/// # Safety
/// As `call_shim`.
unsafe fn drop_shim<F, E, P: PanicValue, M>(rec: Rec)
where
    F: Deferred<E, P, M> + 'static,
{
    // SAFETY: see call_shim.
    drop(unsafe { ptr::read(rec.payload().cast::<F>()) });
}

/// Pushes a record holding `f` on `task`'s stack. A free function of two
/// `&mut` parameters rather than a method of `Cx`: once inlined, the
/// compiler knows the task, the worker and the record do not overlap.
#[inline(always)]
pub(super) fn push_into<F, E, P: PanicValue, M>(task: &mut Task<E, P, M>, worker: &mut Worker, f: F)
where
    F: Deferred<E, P, M> + 'static,
{
    let vt: *const CallVTable<E, P, M> = &VTableOf::<F, E, P, M>::VTABLE;
    let size = const { rec_size::<F>() };
    if !task.stack.has_room(size) {
        // (Storing the top it returns again lets the compiler know the top
        // after the call: a loop of registrations keeps it in a register.)
        let top = push_after_grow(task, worker, f);
        task.stack.top = top;
        return;
    }
    // SAFETY: room checked above; the vtable is F's.
    unsafe { task.stack.push(f, vt.cast(), task.pos) };
}

/// `push_into` when the stack has no room: gets memory (`Task::grow`), then
/// pushes; returns the new top. Out of line and taking the closure, so that
/// the registering function keeps nothing of the closure alive across the
/// call: no callee-saved register of its own frame holds it (measured:
/// `chain_mixed` −1.5 Ir per defer, `body_chain` −1; benches/CORE-PERF.md
/// P10).
#[cold]
#[inline(never)]
fn push_after_grow<F, E, P: PanicValue, M>(
    task: &mut Task<E, P, M>,
    worker: &mut Worker,
    f: F,
) -> *mut u8
where
    F: Deferred<E, P, M> + 'static,
{
    let vt: *const CallVTable<E, P, M> = &VTableOf::<F, E, P, M>::VTABLE;
    let size = const { rec_size::<F>() };
    task.grow(worker, size);
    // SAFETY: `grow` made room for `size` bytes; the vtable is F's.
    unsafe { task.stack.push(f, vt.cast(), task.pos) };
    task.stack.top
}

/// Pushes a record holding `f` on `task`'s stack, which the caller checked
/// has room for it (`has_room(rec_size::<F>())`): no memory is taken.
#[inline(always)]
pub(super) fn try_push_into<F, E, P: PanicValue, M>(task: &mut Task<E, P, M>, f: F)
where
    F: Deferred<E, P, M> + 'static,
{
    let vt: *const CallVTable<E, P, M> = &VTableOf::<F, E, P, M>::VTABLE;
    let size = const { rec_size::<F>() };
    assert!(task.stack.has_room(size));
    // SAFETY: room checked above; the vtable is F's.
    unsafe { task.stack.push(f, vt.cast(), task.pos) };
}

/// Pushes a record holding `f` as the newest record of frame `depth`, an
/// open frame outside the innermost one: below every record of deeper
/// frames, so the stack stays sorted by depth (Go's `deferprocat`, which a
/// range-over-func loop body uses to defer for the enclosing function). The
/// caller checked `1 <= depth <= task.depth()`.
#[cold]
#[inline(never)]
pub(super) fn push_into_at<F, E, P: PanicValue, M>(
    task: &mut Task<E, P, M>,
    worker: &mut Worker,
    f: F,
    depth: u32,
) where
    F: Deferred<E, P, M> + 'static,
{
    debug_assert!(depth >= 1 && depth <= task.depth());
    let vt: *const CallVTable<E, P, M> = &VTableOf::<F, E, P, M>::VTABLE;
    let size = rec_size::<F>();
    if !task.stack.has_room(size) {
        task.grow(worker, size);
    }
    // SAFETY: room checked (or made) above; the vtable is F's; depth >= 1.
    unsafe { task.stack.insert(f, vt.cast(), depth) };
}

/// Moves the payload out of `rec`, just popped, if it is a `C`; otherwise
/// hands the record back untouched (still holding its closure).
///
/// # Safety
/// `rec` was just popped from a stack of a `Task<E, P, M>` and `vt` is its
/// vtable (module invariants); on `Ok` the payload is read out.
pub(super) unsafe fn take_payload_as<C: 'static, E, P, M>(
    rec: Rec,
    vt: *const CallVTable<E, P, M>,
) -> Result<C, Rec> {
    // SAFETY: `vt` is a promoted vtable constant, valid for the program.
    let ty = unsafe { ((*vt).type_id)() };
    if ty != TypeId::of::<C>() {
        return Err(rec);
    }
    // SAFETY: the record's vtable says its payload is an initialised `C`
    // (record invariant 2); reading moves it out (invariant 4).
    Ok(unsafe { ptr::read(rec.payload().cast::<C>()) })
}
