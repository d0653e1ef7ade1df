//! The one place the scheduler touches synchronisation primitives.
//!
//! The run queue, the `Parked` handshake, channels and the `sync` objects
//! use these names only, so `loom-tests/tests/loom_sched.rs` can compile the
//! same files (through `#[path]`) against loom's model-checked `Mutex`,
//! `Condvar`, `Arc` and atomics when built with `RUSTFLAGS="--cfg loom"`.
//! minigo itself never builds with `--cfg loom`.

#[cfg(loom)]
pub use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(loom)]
pub use loom::sync::{Arc, Condvar, Mutex, MutexGuard};

#[cfg(not(loom))]
pub use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(not(loom))]
pub use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Locks `m`, ignoring poisoning: a worker that panicked (a bug in the
/// machine) ends the run, and the scheduler only needs the state to tear
/// down.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
