//! The one place the core touches synchronisation primitives.
//!
//! Everything concurrent in the engine (the central record pool's lock) goes
//! through this module, so the same code compiles against `core` atomics in
//! a normal build and against `loom`'s model-checked atomics when built with
//! `RUSTFLAGS="--cfg loom"`. The hot path (registering and running a defer)
//! never reaches this module: it only touches the task and the worker's own
//! cache.
//!
//! `no_std` has no `Mutex`, so the central pool uses [`SpinLock`]: a test and
//! test-and-set lock. It is held for a handful of pointer moves (half a cache
//! of records, at most 16), so spinning is the right trade; under loom the
//! spin hint becomes `loom::thread::yield_now` so that the model checker can
//! schedule the holder.

#[cfg(loom)]
pub(crate) use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[cfg(not(loom))]
pub(crate) use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[cfg(loom)]
pub(crate) use loom::cell::UnsafeCell;

/// `core::cell::UnsafeCell` with loom's closure-based access API, so every
/// access site reads the same in both builds.
#[cfg(not(loom))]
#[derive(Debug)]
pub(crate) struct UnsafeCell<T>(core::cell::UnsafeCell<T>);

#[cfg(not(loom))]
impl<T> UnsafeCell<T> {
    pub(crate) const fn new(v: T) -> Self {
        UnsafeCell(core::cell::UnsafeCell::new(v))
    }

    #[inline]
    pub(crate) fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        f(self.0.get())
    }
}

#[inline]
fn spin_hint() {
    #[cfg(loom)]
    loom::thread::yield_now();
    #[cfg(not(loom))]
    core::hint::spin_loop();
}

/// A minimal spin lock guarding a `T`.
///
/// Invariant: `data` is only accessed while `locked` is `true` and was set
/// by the accessing thread (acquired with `Acquire`, released with
/// `Release`), which makes the accesses happen-before each other.
pub(crate) struct SpinLock<T> {
    locked: AtomicBool,
    data: UnsafeCell<T>,
}

// SAFETY: the lock hands out access to `data` to one thread at a time, so a
// `T: Send` may be reached from any thread holding the lock.
unsafe impl<T: Send> Sync for SpinLock<T> {}
// SAFETY: moving the lock moves the `T`.
unsafe impl<T: Send> Send for SpinLock<T> {}

impl<T> SpinLock<T> {
    pub(crate) fn new(v: T) -> Self {
        SpinLock {
            locked: AtomicBool::new(false),
            data: UnsafeCell::new(v),
        }
    }

    /// Runs `f` with exclusive access to the data.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        while self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            while self.locked.load(Ordering::Relaxed) {
                spin_hint();
            }
        }
        // Releases the lock on every way out of `f`, unwinding included.
        struct Unlock<'a>(&'a AtomicBool);
        impl Drop for Unlock<'_> {
            fn drop(&mut self) {
                self.0.store(false, Ordering::Release);
            }
        }
        let _unlock = Unlock(&self.locked);
        // SAFETY: the compare-exchange above set `locked` for this thread, so
        // no other thread is inside `with` until `_unlock` drops; the
        // Acquire/Release pair orders this access after the previous
        // holder's.
        self.data.with_mut(|p| f(unsafe { &mut *p }))
    }
}

#[cfg(loom)]
pub use loom::sync::Arc;

#[cfg(not(loom))]
pub use alloc::sync::Arc;
