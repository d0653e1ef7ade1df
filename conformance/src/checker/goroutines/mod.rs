//! Issue 10's statements and expressions: `go`, channels, `select`, the
//! `sync` package, `time.Sleep`, `runtime.NumGoroutine`, the collector's
//! functions (`runtime.SetFinalizer`, `runtime.GC`, `runtime/debug`).

mod chan;
mod finalizer;
mod go_stmt;
mod select;
mod sync;

pub(crate) use sync::{atomic_type, sync_receiver, sync_type, time_const};

impl super::Checker {
    /// Marks the import of `pkg` as used.
    pub(crate) fn mark_import(&mut self, pkg: &str) {
        if let Some(i) = self.imports.get_mut(pkg) {
            i.used = true;
        }
    }
}
