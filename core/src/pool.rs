//! Record pools: a per-worker cache in front of a shared central pool, the
//! shape of Go's per-P `deferpool` and its global `sched.deferpool`.
//!
//! * A [`Worker`] owns one cache per size class, each a fixed array of at
//!   most [`CACHE_CAP`] records and a length. Taking and giving back a record
//!   touches only that cache: no atomic, no lock, no thread-local lookup.
//!   (A fixed array rather than a `SmallVec`: the cache never grows past its
//!   inline capacity, and `SmallVec`'s inline-or-heap test on every push and
//!   pop cost about 8 instructions per defer, measured with callgrind.)
//! * When a cache is empty it refills [`BATCH`] (half a cache) records from
//!   the central pool under its lock; when it is full it spills `BATCH` of
//!   them back. Those two are the only places the hot path can reach the
//!   lock, and they are `#[cold]`.
//! * The central pool carves new records out of a `bumpalo` arena, `BATCH`
//!   at a time, when it has none of the class. Records are never returned to
//!   the global allocator: the arena frees all of them when the [`Pool`]
//!   drops, which it can only do once every worker and task that holds
//!   records of it is gone (they each hold an `Arc<Pool>`).
//!
//! In steady state (a task whose defers fit in what its worker has cached)
//! registering and running a defer calls the global allocator zero times.
//!
//! See `record.rs` for the invariants on record pointers.

use alloc::vec::Vec;
use core::alloc::Layout;
use core::fmt;
use core::ptr::NonNull;

use bumpalo::Bump;

use crate::record::{Header, Rec, NCLASS, RECORD_ALIGN};
use crate::sync::{Arc, AtomicUsize, Ordering, SpinLock};

/// Records a worker keeps per size class (Go's `deferpool` holds 32).
///
/// Builds with `--cfg loom` use 4 instead, so that the loom models in
/// `loom-tests/` reach refill and spill with a handful of defers; no other
/// build sees that value.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, BATCH, CACHE_CAP};
/// assert_eq!(BATCH * 2, CACHE_CAP);
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<(), &'static str> = Task::new(&pool);
/// let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let f = cx.enter();
/// for _ in 0..3 * CACHE_CAP {
///     cx.defer(|_| Ok(()));
/// }
/// cx.exit(f).unwrap();
/// drop(cx);
/// assert_eq!(w.cached(), CACHE_CAP); // full: the rest was spilled to the central pool
/// let s = pool.stats();
/// assert_eq!(s.carved, s.central_free + CACHE_CAP);
/// ```
#[cfg(not(loom))]
pub const CACHE_CAP: usize = 32;
/// Records a worker keeps per size class (Go's `deferpool` holds 32; this
/// `--cfg loom` build keeps 4 so the loom models reach refill and spill).
#[cfg(loom)]
pub const CACHE_CAP: usize = 4;
/// Records moved between a worker and the central pool at once: half a cache.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, BATCH};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let f = cx.enter();
/// cx.defer(|_| Ok(())); // the empty cache takes one batch, carved from the arena
/// assert_eq!(pool.stats().carved, BATCH);
/// assert_eq!(cx.worker().cached(), BATCH - 1);
/// cx.exit(f).unwrap();
/// ```
pub const BATCH: usize = CACHE_CAP / 2;

/// Half a cache of records: the unit of trade between a worker and the
/// central pool. Moving one is one 128-byte copy under the lock.
type Batch = [Rec; BATCH];

struct Central {
    /// Full batches, per class: what refills and spills trade.
    batches: [Vec<Batch>; NCLASS],
    /// Single records, per class: what dropped workers and tasks give back.
    loose: [Vec<Rec>; NCLASS],
    arena: Bump,
}

/// The shared central pool of deferred-call records, and the arena their
/// memory comes from.
///
/// One pool serves any number of [`Worker`]s (one per thread of the
/// embedder's scheduler) and [`Task`](crate::Task)s. It is `Sync`; workers
/// reach it only to trade half a cache of records at a time.
///
/// ```
/// use deferrt_core::{Pool, Worker};
/// let pool = Pool::new();
/// let worker = Worker::new(&pool);
/// assert_eq!(pool.stats().carved, 0); // nothing allocated until a defer needs it
/// drop(worker);
/// ```
pub struct Pool {
    central: SpinLock<Central>,
    carved: [AtomicUsize; NCLASS],
}

/// A snapshot of a pool's record accounting, see [`Pool::stats`].
///
/// ```
/// use deferrt_core::{Pool, PoolStats, Worker, Task};
/// let pool = Pool::new();
/// assert_eq!(pool.stats(), PoolStats::default());
/// let mut w = Worker::new(&pool);
/// let mut t: Task<(), &'static str> = Task::new(&pool);
/// let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// cx.call(|cx| { cx.defer(|_| Ok(())); Ok(()) }).unwrap();
/// drop(cx);
/// drop(w); // a dropped worker gives its cache back
/// let s = pool.stats();
/// assert!(s.carved > 0);
/// assert_eq!(s.central_free, s.carved); // every record is back home
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PoolStats {
    /// Records ever carved from the arena, all classes.
    pub carved: usize,
    /// Records currently in the central free lists, all classes.
    pub central_free: usize,
}

impl fmt::Debug for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pool")
            .field("stats", &self.stats())
            .finish()
    }
}

impl Pool {
    /// A new, empty pool, shared through an `Arc`.
    ///
    /// ```
    /// use deferrt_core::{Arc, Pool, Worker};
    /// let pool = Pool::new();
    /// let w = Worker::new(&pool); // every worker and task keeps the pool alive
    /// assert_eq!(Arc::strong_count(&pool), 2);
    /// drop(w);
    /// assert_eq!(Arc::strong_count(&pool), 1);
    /// ```
    pub fn new() -> Arc<Pool> {
        Arc::new(Pool {
            central: SpinLock::new(Central {
                batches: Default::default(),
                loose: Default::default(),
                arena: Bump::new(),
            }),
            carved: Default::default(),
        })
    }

    /// Record accounting: how many records exist and how many are in the
    /// central pool. Every record is in the central pool, in a worker's cache
    /// ([`Worker::cached`]), or in a live task's chain
    /// ([`Task::pending_records`](crate::Task::pending_records)).
    ///
    /// ```
    /// use deferrt_core::{Pool, Worker};
    /// let pool = Pool::new();
    /// let w = Worker::new(&pool);
    /// let s = pool.stats();
    /// assert_eq!(s.carved, s.central_free + w.cached());
    /// ```
    pub fn stats(&self) -> PoolStats {
        // Both numbers under the lock (carving happens under it too), so
        // they are one snapshot even while workers trade.
        self.central.with(|c| PoolStats {
            carved: self.carved.iter().map(|n| n.load(Ordering::Relaxed)).sum(),
            central_free: c.batches.iter().map(|b| b.len() * BATCH).sum::<usize>()
                + c.loose.iter().map(Vec::len).sum::<usize>(),
        })
    }

    /// Fills the empty `cache` of `class`: a whole batch if the central pool
    /// has one, else loose records, else `BATCH` records carved from the
    /// arena.
    fn take_batch(&self, class: usize, cache: &mut Cache) {
        debug_assert_eq!(cache.len, 0);
        self.central.with(|c| {
            if let Some(b) = c.batches[class].pop() {
                cache.recs[..BATCH].copy_from_slice(&b);
                cache.len = BATCH;
                return;
            }
            let loose = &mut c.loose[class];
            if !loose.is_empty() {
                let keep = loose.len().saturating_sub(BATCH);
                let n = loose.len() - keep;
                cache.recs[..n].copy_from_slice(&loose[keep..]);
                cache.len = n;
                loose.truncate(keep);
                return;
            }
            let size = Rec::size(class);
            let layout =
                Layout::from_size_align(size * BATCH, RECORD_ALIGN).expect("record batch layout");
            let block = c.arena.alloc_layout(layout);
            for (i, slot) in cache.recs[..BATCH].iter_mut().enumerate() {
                // SAFETY: `block` spans BATCH records of `size` bytes; `size`
                // is a multiple of RECORD_ALIGN, so every record start is in
                // bounds and aligned (record invariant 1).
                let p = unsafe { block.as_ptr().add(i * size) }.cast::<Header>();
                // SAFETY: `p` is derived from a non-null arena pointer.
                *slot = Rec(unsafe { NonNull::new_unchecked(p) });
            }
            cache.len = BATCH;
            self.carved[class].fetch_add(BATCH, Ordering::Relaxed);
        })
    }

    /// Gives a full batch back to the central pool.
    fn give_batch(&self, class: usize, batch: &Batch) {
        self.central.with(|c| c.batches[class].push(*batch))
    }

    /// Gives single records back to the central pool.
    fn give_loose(&self, class: usize, recs: &[Rec]) {
        self.central
            .with(|c| c.loose[class].extend_from_slice(recs))
    }
}

/// One worker's record caches: what a thread of the embedder's scheduler
/// hands to the tasks it runs.
///
/// A `Worker` is `Send` (it can be created on one thread and used on
/// another) but used by one thread at a time, through `&mut`. Dropping it
/// returns its cached records to the central pool.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task};
/// let pool = Pool::new();
/// let mut worker = Worker::new(&pool);
/// let mut task: Task<(), &'static str> = Task::new(&pool);
/// let mut env = ();
/// let mut cx = task.cx(&mut worker, &mut env).unwrap();
/// let f = cx.enter();
/// cx.defer(|_cx| Ok(()));
/// cx.exit(f).unwrap();
/// drop(cx);
/// assert!(worker.cached() > 0); // the record came back to this worker
/// ```
pub struct Worker {
    caches: [Cache; NCLASS],
    pool: Arc<Pool>,
}

/// One size class's cache. Invariant: `len <= CACHE_CAP`, and `recs[..len]`
/// are records this worker owns (record invariant 2); the rest are stale.
#[derive(Clone, Copy)]
struct Cache {
    len: usize,
    recs: [Rec; CACHE_CAP],
}

impl Cache {
    const EMPTY: Cache = Cache {
        len: 0,
        recs: [Rec(NonNull::dangling()); CACHE_CAP],
    };
}

impl fmt::Debug for Worker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Worker")
            .field("cached", &self.cached())
            .finish()
    }
}

impl Worker {
    /// A worker with empty caches over `pool`.
    ///
    /// ```
    /// use deferrt_core::{Pool, Worker};
    /// let pool = Pool::new();
    /// let w = Worker::new(&pool);
    /// assert_eq!(w.cached(), 0); // a cache fills on the first defer of its class
    /// assert_eq!(pool.stats().carved, 0);
    /// ```
    pub fn new(pool: &Arc<Pool>) -> Worker {
        Worker {
            caches: [Cache::EMPTY; NCLASS],
            pool: Arc::clone(pool),
        }
    }

    /// The pool this worker trades with.
    ///
    /// ```
    /// use deferrt_core::{Arc, Pool, Worker};
    /// let (a, b) = (Pool::new(), Pool::new());
    /// let w = Worker::new(&a);
    /// assert!(Arc::ptr_eq(w.pool(), &a));
    /// assert!(!Arc::ptr_eq(w.pool(), &b));
    /// ```
    pub fn pool(&self) -> &Arc<Pool> {
        &self.pool
    }

    /// Records in this worker's caches, all classes.
    ///
    /// ```
    /// use deferrt_core::{Pool, Worker, Task};
    /// let pool = Pool::new();
    /// let (mut w1, w2) = (Worker::new(&pool), Worker::new(&pool));
    /// let mut t: Task<(), &'static str> = Task::new(&pool);
    /// let mut env = ();
    /// let mut cx = t.cx(&mut w1, &mut env).unwrap();
    /// cx.call(|cx| { cx.defer(|_| Ok(())); Ok(()) }).unwrap();
    /// drop(cx);
    /// assert!(w1.cached() > 0); // the record is back in the cache it came from
    /// assert_eq!(w2.cached(), 0);
    /// assert_eq!(pool.stats().carved, w1.cached() + pool.stats().central_free);
    /// ```
    pub fn cached(&self) -> usize {
        self.caches.iter().map(|c| c.len).sum()
    }

    /// Takes a record of `class`: the hot path is one pop.
    #[inline]
    pub(crate) fn alloc(&mut self, class: usize) -> Rec {
        let cache = &mut self.caches[class % NCLASS];
        if cache.len == 0 {
            return self.refill(class % NCLASS);
        }
        cache.len -= 1;
        // SAFETY: `len < CACHE_CAP` after the decrement (Cache invariant).
        unsafe { *cache.recs.get_unchecked(cache.len) }
    }

    #[cold]
    #[inline(never)]
    fn refill(&mut self, class: usize) -> Rec {
        let cache = &mut self.caches[class];
        self.pool.take_batch(class, cache);
        cache.len -= 1;
        cache.recs[cache.len]
    }

    /// Gives back a record of `class` if the cache has room; `false` when
    /// it is full (then call [`Worker::free`]).
    #[inline(always)]
    pub(crate) fn try_free(&mut self, rec: Rec, class: usize) -> bool {
        let cache = &mut self.caches[class % NCLASS];
        if cache.len == CACHE_CAP {
            return false;
        }
        // SAFETY: `len < CACHE_CAP` here (Cache invariant and the test above).
        unsafe { *cache.recs.get_unchecked_mut(cache.len) = rec };
        cache.len += 1;
        true
    }

    /// Gives back a record of `class`: the hot path is one push.
    #[inline]
    pub(crate) fn free(&mut self, rec: Rec, class: usize) {
        let cache = &mut self.caches[class % NCLASS];
        if cache.len == CACHE_CAP {
            return self.spill_then_push(rec, class % NCLASS);
        }
        // SAFETY: `len < CACHE_CAP` here (Cache invariant and the test above).
        unsafe { *cache.recs.get_unchecked_mut(cache.len) = rec };
        cache.len += 1;
    }

    #[cold]
    #[inline(never)]
    fn spill_then_push(&mut self, rec: Rec, class: usize) {
        let cache = &mut self.caches[class];
        let keep = CACHE_CAP - BATCH;
        let batch: &Batch = cache.recs[keep..].try_into().expect("BATCH records");
        self.pool.give_batch(class, batch);
        cache.recs[keep] = rec;
        cache.len = keep + 1;
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        for (class, cache) in self.caches.iter_mut().enumerate() {
            if cache.len > 0 {
                self.pool.give_loose(class, &cache.recs[..cache.len]);
                cache.len = 0;
            }
        }
    }
}

/// Gives records straight to the central pool; used when a task is dropped
/// outside any worker.
pub(crate) fn give_central(pool: &Pool, class: usize, rec: Rec) {
    pool.give_loose(class, &[rec]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refill_and_spill_move_half_a_cache() {
        let pool = Pool::new();
        let mut w = Worker::new(&pool);
        let r = w.alloc(0);
        // One refill carved one batch: one record out, BATCH - 1 cached.
        assert_eq!(pool.stats().carved, BATCH);
        assert_eq!(w.cached(), BATCH - 1);
        let mut held = alloc::vec![r];
        for _ in 0..(3 * CACHE_CAP) {
            held.push(w.alloc(0));
        }
        let carved = pool.stats().carved;
        assert_eq!(carved % BATCH, 0);
        for r in held.drain(..) {
            w.free(r, 0);
            assert!(w.cached() <= CACHE_CAP);
        }
        let s = pool.stats();
        assert_eq!(s.carved, s.central_free + w.cached());
        drop(w);
        let s = pool.stats();
        assert_eq!(s.carved, s.central_free);
    }

    #[test]
    fn records_are_distinct_and_aligned() {
        let pool = Pool::new();
        let mut w = Worker::new(&pool);
        let mut seen = alloc::vec::Vec::new();
        for class in 0..NCLASS {
            for _ in 0..40 {
                let r = w.alloc(class);
                assert_eq!(r.0.as_ptr() as usize % RECORD_ALIGN, 0);
                seen.push((r, class));
            }
        }
        let mut addrs: alloc::vec::Vec<usize> =
            seen.iter().map(|(r, _)| r.0.as_ptr() as usize).collect();
        addrs.sort_unstable();
        addrs.dedup();
        assert_eq!(addrs.len(), seen.len());
        for (r, c) in seen {
            w.free(r, c);
        }
    }
}
