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

/// A process-wide unique, non-zero stamp: each [`Task`](crate::Task)'s
/// identity and each panic-stack entry's, which the tokens carry so that the
/// engine can tell a token of another task, or a stale one, from the right
/// one.
///
/// Not a synchronisation: only uniqueness matters, so the counter is a
/// `Relaxed` `core` atomic in every build (loom need not model it). With
/// 64-bit atomics it cannot wrap in practice (2^64 stamps); a target without
/// them counts in 32 bits and panics when they run out rather than wrap.
///
/// Deliberately not `#[inline]`. It would be sound (inlining copies the
/// code, never the `static`: every copy counts on the one `NEXT`), and it
/// lets the embedder's crate, where the generic callers `Task::new` and
/// `Cx::panic` are compiled, drop the call; but measured on the shim's
/// `go` + `func` + `defer` bench (`cargo bench -p deferrt-benches --bench
/// body -- '*shim*'`) it cost a few instructions more, not fewer.
#[cfg(target_has_atomic = "64")]
pub(crate) fn next_stamp() -> core::num::NonZeroU64 {
    use core::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    core::num::NonZeroU64::new(n).unwrap_or_else(|| stamps_exhausted())
}

/// See the 64-bit version.
#[cfg(not(target_has_atomic = "64"))]
pub(crate) fn next_stamp() -> core::num::NonZeroU64 {
    use core::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    match NEXT.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_add(1)) {
        Ok(n) => core::num::NonZeroU64::new(u64::from(n)).unwrap_or_else(|| stamps_exhausted()),
        Err(_) => stamps_exhausted(),
    }
}

#[cold]
#[inline(never)]
fn stamps_exhausted() -> ! {
    panic!("deferrt: task and panic stamps exhausted in this process")
}
