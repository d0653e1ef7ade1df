//! # deferrt-core
//!
//! Go's `defer`, `panic`, `recover` and `runtime.Goexit` as a `no_std`
//! engine that other runtimes embed: interpreters, VMs, schedulers.
//!
//! * A [`Task`] is a goroutine's defer state: its frames, its chain of
//!   pending deferred calls, its panic stack. A [`Cx`] runs it on a
//!   [`Worker`] (whose record cache it uses) with the embedder's
//!   environment.
//! * [`Cx::enter`] / [`Cx::defer`] / [`Cx::exit`] are Go's function entry,
//!   `deferproc` and `deferreturn`. Records come from the worker's cache in
//!   front of a shared [`Pool`]; their memory is carved from `bumpalo`
//!   arenas.
//! * [`OpenFrame`] is the open-coded fast path: up to 8 slots in the
//!   frame's own storage and a bit mask, no record, no engine call on a
//!   normal exit.
//! * [`Cx::panic`], [`Cx::recover`], [`Cx::goexit`] and [`Cx::unwind`]
//!   implement Go 1.27's panic state machine. The engine never unwinds the
//!   host stack: a panic is an [`Unwind`] value the embedder returns up its
//!   own frames, calling [`Cx::unwind`] on each one it leaves.
//! * [`CrashReport`] prints what Go prints for an unrecovered panic.
//!
//! ```
//! use deferrt_core::{Pool, Worker, Task};
//!
//! let pool = Pool::new();
//! let mut worker = Worker::new(&pool);
//! let mut out = String::new();
//! let mut task: Task<String, &'static str> = Task::new(&pool);
//! let mut cx = task.cx(&mut worker, &mut out).unwrap();
//!
//! // func f() { defer func() { out += fmt.Sprint("recovered ", recover()) }(); panic("boom") }
//! let r = cx.call(|cx| -> Result<(), _> {
//!     cx.defer(|cx| {
//!         let v = cx.recover().unwrap_or("<nil>"); // fmt prints a nil interface as <nil>
//!         cx.env().push_str(&format!("recovered {v}"));
//!         Ok(())
//!     });
//!     Err(cx.panic("boom"))
//! });
//! assert_eq!(r, Ok(None)); // recovered: the frame returned normally
//! drop(cx);
//! assert_eq!(out, "recovered boom"); // what the Go program leaves in `out`
//! ```
#![no_std]
#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

extern crate alloc;
#[cfg(test)]
extern crate std;

mod open;
mod pool;
mod record;
mod report;
mod sync;
mod task;
mod value;

pub use open::{InlineFrame, OpenFrame, SlotOutOfRange, MAX_OPEN_SLOTS};
pub use pool::{Pool, PoolStats, Worker, BATCH, CACHE_CAP};
pub use record::CLASS_PAYLOAD;
pub use report::CrashReport;
pub use sync::Arc;
pub use task::{
    Admit, Cx, Deferred, Frame, FrameRef, Leaf, LeaveStep, Leaving, Local, Outcome, PoolMismatch,
    Sendable, Task, Unwind, Unwinding, MAX_DEPTH,
};
pub use value::PanicValue;
