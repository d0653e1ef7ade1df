//! The record vtable plumbing: how a closure gets into a record
//! (`push_into`) and out of it again (`call_shim`, `drop_shim`). These are
//! the only monomorphised steps of a chained call; everything else in the
//! chain is shared code that reaches the closure through the vtable.
//!
//! The `unsafe` here relies on the invariants stated in `task/mod.rs`
//! (# Unsafe) and `record.rs`; each block says which.

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
}

pub(super) struct VTableOf<F, E, P, M>(PhantomData<(F, E, P, M)>);

impl<F, E, P: PanicValue, M> VTableOf<F, E, P, M>
where
    F: Deferred<E, P, M>,
{
    const VTABLE: CallVTable<E, P, M> = CallVTable {
        call: call_shim::<F, E, P, M>,
        drop: drop_shim::<F, E, P, M>,
        class: match class_of::<F>() {
            Some(c) => c,
            None => 0,
        },
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
    F: Deferred<E, P, M>,
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
    F: Deferred<E, P, M>,
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
    F: Deferred<E, P, M>,
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
