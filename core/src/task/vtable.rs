//! The record vtable plumbing: how a closure gets into a record
//! (`push_into`) and out of it again (`call_shim`, `drop_shim`). These are
//! the only monomorphised steps of a chained call; everything else in the
//! chain is shared code that reaches the closure through the vtable.
//!
//! The `unsafe` here relies on the invariants stated in `task/mod.rs`
//! (# Unsafe) and `record.rs`; each block says which.

use core::any::TypeId;
use core::marker::PhantomData;
use core::ptr;

use super::chain::Home;
use super::{Cx, Deferred, Outcome, Task};
use crate::pool::Worker;
use crate::record::{class_of, Header, Rec};
use crate::value::PanicValue;

/// The vtable stored in a chained record: how to call, and how to drop, the
/// closure in its payload.
pub(super) struct CallVTable<E, P, M> {
    pub(super) call: for<'a, 'b> unsafe fn(Rec, &'a mut Cx<'b, E, P, M>) -> Outcome,
    pub(super) drop: unsafe fn(Rec, &mut Home<'_>),
    pub(super) class: usize,
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
        call: call_shim::<F, E, P, M>,
        drop: drop_shim::<F, E, P, M>,
        class: match class_of::<F>() {
            Some(c) => c,
            None => 0,
        },
        type_id: TypeId::of::<F>,
    };
}

/// Moves the closure out of `rec`, gives the record back to the worker, and
/// calls the closure. The caller has entered the call's frame.
///
/// This is the only monomorphised part of running a chained call, so the
/// record's size class is a constant here and the free is a handful of
/// instructions; leaving the call's frame is shared code in the exit loop.
/// The record goes back before the call, as Go frees a `_defer` before
/// calling its function: it is already unlinked, its payload has been moved
/// out, and a re-entrant defer may reuse it at once.
///
/// # Safety
/// `rec` was just unlinked from a chain and holds an initialised `F`
/// (record invariant 3); the caller gives up the record.
pub(super) unsafe fn call_shim<F, E, P: PanicValue, M>(
    rec: Rec,
    cx: &mut Cx<'_, E, P, M>,
) -> Outcome
where
    F: Deferred<E, P, M> + 'static,
{
    // SAFETY: the payload holds an initialised, suitably aligned F
    // (record invariants 1 and 3); reading moves it out, after which the
    // payload is dead bytes.
    let f = unsafe { ptr::read(rec.payload().cast::<F>()) };
    let class = VTableOf::<F, E, P, M>::VTABLE.class;
    if !cx.worker.try_free(rec, class) {
        return free_cold_then_call(rec, class, f, cx);
    }
    f.call(&mut cx.handed())
}

/// The rare case of `call_shim`: the cache is full and spills half to the
/// central pool first. A separate function keeps the common path free of
/// calls other than the closure itself.
#[cold]
#[inline(never)]
fn free_cold_then_call<F, E, P: PanicValue, M>(
    rec: Rec,
    class: usize,
    f: F,
    cx: &mut Cx<'_, E, P, M>,
) -> Outcome
where
    F: Deferred<E, P, M>,
{
    cx.worker.free(rec, class);
    f.call(&mut cx.handed())
}

/// Drops the closure in `rec` without calling it. As `call_shim`, it moves
/// the closure out and gives the record back *first*: if the closure's
/// `Drop` panics, or reaches the engine (through an embedder's thread-local,
/// say) and takes a record, the record is already home and no live value
/// is left in it.
///
/// # Safety
/// As `call_shim`; the shim gives the record back to `home`.
unsafe fn drop_shim<F, E, P: PanicValue, M>(rec: Rec, home: &mut Home<'_>)
where
    F: Deferred<E, P, M> + 'static,
{
    // SAFETY: see call_shim.
    let f = unsafe { ptr::read(rec.payload().cast::<F>()) };
    home.give(rec, VTableOf::<F, E, P, M>::VTABLE.class);
    drop(f);
}

/// Links a record holding `f` at the head of `task`'s chain. A free function
/// of two `&mut` parameters rather than a method of `Cx`: once inlined, the
/// compiler knows the task, the worker and the record do not overlap, so it
/// need not reload the task's head and depth after writing the record.
#[inline(always)]
pub(super) fn push_into<F, E, P: PanicValue, M>(task: &mut Task<E, P, M>, worker: &mut Worker, f: F)
where
    F: Deferred<E, P, M> + 'static,
{
    let vt: *const CallVTable<E, P, M> = &VTableOf::<F, E, P, M>::VTABLE;
    let class = VTableOf::<F, E, P, M>::VTABLE.class;
    let rec = worker.alloc(class);
    // SAFETY: `rec` came from the worker, so no one else holds it (record
    // invariant 2); the class fits F (class_of), the payload is aligned for
    // F. The closure and its vtable are written together before the record
    // is linked (module invariant).
    unsafe {
        ptr::write(rec.payload().cast::<F>(), f);
        ptr::write(
            rec.0.as_ptr(),
            Header {
                next: task.head,
                vtable: vt.cast(),
                depth: task.pos as u32,
            },
        );
    }
    task.head = rec.0.as_ptr();
}

/// Links a record holding `f` into `task`'s chain as the newest record of
/// frame `depth`, an open frame outside the innermost one: after every record
/// of deeper frames, so the chain stays sorted by depth (Go's `deferprocat`,
/// which a range-over-func loop body uses to defer for the enclosing
/// function). The caller checked `1 <= depth <= task.depth()`.
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
    let class = VTableOf::<F, E, P, M>::VTABLE.class;
    let rec = worker.alloc(class);
    // SAFETY: as in `push_into` for the record and its payload. The walk
    // reads headers of live records and stops at the first one of depth
    // <= `depth`, at the latest at the sentinel (depth 0 < 1 <= depth),
    // whose fields are only read; the link written is `task.head` or the
    // `next` of a live record of this chain, never the sentinel's.
    unsafe {
        ptr::write(rec.payload().cast::<F>(), f);
        let mut link: *mut *mut Header = &mut task.head;
        while (**link).depth > depth {
            link = &mut (**link).next;
        }
        ptr::write(
            rec.0.as_ptr(),
            Header {
                next: *link,
                vtable: vt.cast(),
                depth,
            },
        );
        *link = rec.0.as_ptr();
    }
}

/// Moves the payload out of `rec`, just unlinked, if it is a `C` (the
/// record goes back to `worker`); otherwise hands the record back untouched.
///
/// # Safety
/// `rec` was just unlinked from a chain of a `Task<E, P, M>` and `vt` is its
/// vtable (module invariants); on `Ok` the caller gave up the record.
pub(super) unsafe fn take_payload_as<C: 'static, E, P, M>(
    rec: Rec,
    vt: *const CallVTable<E, P, M>,
    worker: &mut Worker,
) -> Result<C, Rec> {
    // SAFETY: `vt` is a promoted vtable constant, valid for the program.
    let (ty, class) = unsafe { (((*vt).type_id)(), (*vt).class) };
    if ty != TypeId::of::<C>() {
        return Err(rec);
    }
    // SAFETY: the record's vtable says its payload is an initialised `C`
    // (record invariant 3); reading moves it out, after which the payload
    // is dead bytes and the record, in no chain, is free to go back.
    let c = unsafe { ptr::read(rec.payload().cast::<C>()) };
    worker.free(rec, class);
    Ok(c)
}
