//! loom models of deferrt-core's concurrent structures.
//!
//! The models live in `tests/loom_*.rs` and only build with
//! `RUSTFLAGS="--cfg loom"` (see `README.md` and `run.sh`). They drive the
//! core's real code through its public API; under `--cfg loom` the core's
//! `sync` module swaps its atomics, `UnsafeCell` and `Arc` for loom's, and
//! `CACHE_CAP`/`BATCH` shrink to 4/2 so a handful of defers reaches refill
//! and spill.
//!
//! This library holds what the models share: `check`, which runs a model
//! with its preemption bound, and a few helpers.

#[cfg(loom)]
pub use loom_support::*;

#[cfg(loom)]
mod loom_support {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use deferrt_core::{Pool, PoolStats, Worker};

    /// How far a model explores.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Bound {
        /// Every interleaving (no preemption bound).
        Exhaustive,
        /// Every interleaving with at most this many preemptions.
        Preemptions(usize),
    }

    /// Runs `f` under loom's model checker with the model's own `bound`,
    /// and prints how many executions it explored and how long that took.
    ///
    /// `LOOM_MAX_PREEMPTIONS`, when set, lowers every model's bound to at
    /// most its value (for a quick run, e.g. `LOOM_MAX_PREEMPTIONS=1`); it
    /// never raises a model's bound: each model's bound is the largest that
    /// keeps `run.sh` within its time budget, or, for the three-thread
    /// models, the largest at which loom terminates (see README.md).
    pub fn check<F>(name: &str, bound: Bound, f: F)
    where
        F: Fn() + Sync + Send + 'static,
    {
        let mut builder = loom::model::Builder::new();
        let env = builder.preemption_bound;
        builder.preemption_bound = match (bound, env) {
            (Bound::Exhaustive, env) => env,
            (Bound::Preemptions(n), Some(e)) => Some(n.min(e)),
            (Bound::Preemptions(n), None) => Some(n),
        };
        // A std atomic, not a loom one: it counts executions from outside
        // the model and must not add interleavings.
        let runs = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = runs.clone();
        let start = std::time::Instant::now();
        let bound = builder.preemption_bound;
        builder.check(move || {
            counter.fetch_add(1, Ordering::Relaxed);
            f();
        });
        eprintln!(
            "loom model {name}: {} executions, preemption bound {}, {:.1?}",
            runs.load(Ordering::Relaxed),
            bound.map_or("none".to_string(), |b| b.to_string()),
            start.elapsed()
        );
    }

    /// Counts how many values it was cloned into have been dropped: a
    /// deferred closure captures one, so the count says how many closures
    /// were consumed (run or discarded), whichever thread did it. It uses a
    /// std atomic on purpose: it observes the model and must not add
    /// interleavings of its own.
    #[derive(Debug, Default)]
    pub struct DropTally(std::sync::Arc<AtomicUsize>);

    impl DropTally {
        /// A new tally at zero.
        pub fn new() -> Self {
            Self::default()
        }

        /// A guard that bumps this tally when dropped.
        pub fn guard(&self) -> DropTally {
            DropTally(self.0.clone())
        }

        /// Guards dropped so far.
        pub fn dropped(&self) -> usize {
            self.0.load(Ordering::Relaxed)
        }
    }

    impl Drop for DropTally {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Asserts the pool's accounting with every worker that still holds
    /// chunks: each chunk ever carved is in the central pool, in exactly one
    /// of `workers`' caches, or held by a live task (`Pool::held`).
    #[track_caller]
    pub fn assert_balanced(pool: &Pool, workers: &[&Worker]) -> PoolStats {
        let s = pool.stats();
        let cached: usize = workers.iter().map(|w| w.cached()).sum();
        let held = pool.held();
        assert_eq!(
            s.carved,
            s.central_free + cached + held,
            "record accounting: carved {} != central_free {} + cached {} ({:?}) + held {}",
            s.carved,
            s.central_free,
            cached,
            workers.iter().map(|w| w.cached()).collect::<Vec<_>>(),
            held
        );
        s
    }
}
