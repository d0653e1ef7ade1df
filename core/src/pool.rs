//! Stack-chunk pools: a per-worker cache in front of a shared central
//! pool, the shape of Go's per-P `deferpool` and its global
//! `sched.deferpool` — for the memory a task's record stack starts in
//! (`record.rs`), not for single records.
//!
//! * A [`Worker`] owns a cache of chunks ([`CHUNK`](crate::record) bytes
//!   each): an intrusive free list (chunks linked through their third word,
//!   after the 16 bytes of their bottom sentinel)
//!   of at most [`BATCH`] chunks plus its length, and at most one full batch
//!   kept aside. Taking and giving back a chunk touches only that list: no
//!   atomic, no lock, no thread-local lookup.
//! * A task takes a chunk when its first record is registered and keeps it
//!   for its whole life (a function that defers, called again and again,
//!   trades nothing with the worker); a dropped task gives it to the central
//!   pool, and [`Cx::release_stack`](crate::Cx::release_stack) gives an idle
//!   task's chunk to a worker. [`Pool::held`] counts the chunks tasks hold.
//!   (A stack that outgrows its chunk moves to a global-allocator buffer,
//!   which the task keeps, and the chunk goes back.)
//! * When the list is empty it takes the batch kept aside, or else one
//!   batch from the central pool under its lock; when it is full it becomes
//!   the batch kept aside, and the one kept aside before goes to the central
//!   pool. A batch is a list, so every trade moves one pointer (no copying,
//!   no `Vec` under the lock). Those trades are the only places the hot path
//!   can reach the lock, and they are `#[cold]`.
//! * The central pool keeps a stack of full batches (each batch's first
//!   chunk links to the next batch through its second word) and a list of
//!   loose chunks (from dropped workers and tasks). It carves new chunks out
//!   of a `bumpalo` arena, `BATCH` at a time, when it has none. Chunks are
//!   never returned to the global allocator: the arena frees all of them
//!   when the [`Pool`] drops, which it can only do once every worker and
//!   task that holds chunks of it is gone (they each hold an `Arc<Pool>`).
//!
//! In steady state (a task whose stack stays within a chunk, or has grown
//! to its largest size already) registering and running a defer calls the
//! global allocator zero times.
//!
//! The accounting ([`Pool::stats`], [`Worker::cached`]) counts chunks: every
//! chunk carved is in the central pool, in a worker's cache (its lists or
//! its hot slot), or held by a task ([`Pool::held`]): `carved ==
//! central_free + cached + held` over the pool's workers, and `held == 0`
//! once every task released its stack or was dropped.

use core::alloc::Layout;
use core::fmt;
use core::ptr::{self, NonNull};

use bumpalo::Bump;

use crate::record::{CHUNK, RECORD_ALIGN};
use crate::sync::{Arc, AtomicUsize, Ordering, SpinLock};

/// Kinds of pooled memory: one, the stack chunk a task's records start in
/// (kept as an array so the per-kind code reads as before).
pub(crate) const NCLASS: usize = 1;

/// The start of a chunk: 16 bytes that are the bottom sentinel of the stack
/// it holds (zero: no vtable, depth 0, size 0), written when the chunk is
/// carved and never again, then the link of its free list (in bytes the
/// stack's records use while a task holds the chunk). A task that gave its
/// chunk back may go on reading the sentinel (`record.rs`, invariant 1):
/// nothing writes those bytes, so that read races with nothing.
#[repr(C)]
pub(crate) struct Header {
    sentinel: [u64; 2],
    pub(crate) next: *mut Header,
}

/// A free chunk (plain data; which code may use it is governed by the
/// invariants below, not by this type).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub(crate) struct Rec(pub(crate) NonNull<Header>);

impl Rec {
    /// Bytes of a chunk of `class`.
    #[inline]
    pub(crate) const fn size(_class: usize) -> usize {
        CHUNK
    }

    /// The batch link word of a free chunk: its fourth word (after the
    /// sentinel and the list link).
    ///
    /// # Safety
    /// `r` is a free chunk whose link word was written by [`Rec::set_link`].
    #[inline]
    unsafe fn link_of(r: *mut Header) -> *mut Header {
        // SAFETY: a chunk is CHUNK >= 32 bytes, 16-aligned: the fourth word
        // is in bounds; the caller says it holds a link.
        unsafe { r.cast::<*mut Header>().add(3).read() }
    }

    /// Writes the batch link word of a free chunk.
    ///
    /// # Safety
    /// `r` is a free chunk owned by the caller (its bytes are dead).
    #[inline]
    unsafe fn set_link(r: *mut Header, link: *mut Header) {
        // SAFETY: as in `link_of`; the caller owns the chunk.
        unsafe { r.cast::<*mut Header>().add(3).write(link) }
    }
}

/// Stack chunks a worker keeps: a list of up to [`BATCH`] plus one full
/// batch kept aside. A task holds one chunk while it runs frames that
/// deferred, so this bounds how many tasks a worker can start deferring in a
/// row before
/// it trades with the central pool (one pointer under the lock per `BATCH`
/// chunks); 16 chunks are 32 KiB.
///
/// Builds with `--cfg loom` use 4 instead, so that the loom models in
/// `loom-tests/` reach refill and spill with a handful of tasks; no other
/// build sees that value.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, BATCH, CACHE_CAP};
/// assert_eq!(BATCH * 2, CACHE_CAP);
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut env = ();
/// // 3 * CACHE_CAP tasks each with a pending record: each holds a chunk.
/// let mut tasks: Vec<Task<(), &'static str>> = (0..3 * CACHE_CAP).map(|_| Task::new(&pool)).collect();
/// let mut frames = Vec::new();
/// for t in &mut tasks {
///     let mut cx = t.cx(&mut w, &mut env).unwrap();
///     let f = cx.enter();
///     cx.defer(|_| Ok(()));
///     frames.push(f);
/// }
/// assert_eq!(pool.stats().carved, 3 * CACHE_CAP);
/// for (t, f) in tasks.iter_mut().zip(frames) {
///     let mut cx = t.cx(&mut w, &mut env).unwrap();
///     cx.exit(f).unwrap(); // the task keeps its chunk ...
///     assert!(cx.release_stack()); // ... until it releases it (or is dropped): back to w
/// }
/// assert_eq!(w.cached(), CACHE_CAP); // full: the rest was spilled to the central pool
/// let s = pool.stats();
/// assert_eq!(s.carved, s.central_free + CACHE_CAP);
/// ```
#[cfg(not(loom))]
pub const CACHE_CAP: usize = 16;
/// Stack chunks a worker keeps (16 in normal builds; this `--cfg loom`
/// build keeps 4 so the loom models reach refill and spill).
#[cfg(loom)]
pub const CACHE_CAP: usize = 4;
/// Chunks moved between a worker and the central pool at once: half a
/// cache.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, BATCH};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let f = cx.enter();
/// cx.defer(|_| Ok(())); // the empty cache takes one batch, carved from the arena
/// assert_eq!(pool.stats().carved, BATCH);
/// assert_eq!(cx.worker().cached(), BATCH - 1); // one chunk holds the task's stack
/// cx.defer(|_| Ok(())); // the same chunk
/// assert_eq!(cx.worker().cached(), BATCH - 1);
/// cx.exit(f).unwrap();
/// assert_eq!(cx.worker().cached(), BATCH - 1); // the task keeps its chunk
/// assert_eq!(pool.held(), 1);
/// ```
pub const BATCH: usize = CACHE_CAP / 2;

/// Free records of one class linked through their `next` field, ending in
/// null: the first record (null when empty) and how many there are.
#[derive(Clone, Copy)]
struct List {
    head: *mut Header,
    len: usize,
}

impl List {
    const EMPTY: List = List {
        head: ptr::null_mut(),
        len: 0,
    };
}

/// What the central pool holds per size class.
#[derive(Clone, Copy)]
struct ClassFree {
    /// A stack of full batches (lists of exactly `BATCH` records): each
    /// batch's first record holds the next batch in its payload link word
    /// (`Rec::link`). A refill or spill moves one pointer.
    batches: *mut Header,
    nbatches: usize,
    /// Single records (from dropped workers and tasks), linked through
    /// `next`.
    loose: List,
}

struct Central {
    classes: [ClassFree; NCLASS],
    arena: Bump,
}

// SAFETY: `Central` owns the records its lists reach (record invariant 2)
// and the arena they live in; it is only reached under the pool's lock.
unsafe impl Send for Central {}

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
    /// Chunks held by live tasks (their record stacks), see [`Pool::held`].
    /// A statistic, never used to synchronise anything: always the core
    /// atomic, also under `--cfg loom`, so that the loom models do not
    /// explore its (`Relaxed`, commutative) updates as interleaving points.
    held: core::sync::atomic::AtomicUsize,
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
/// drop(t); // a dropped task gives its stack chunk back
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

/// The record after `r` in a free list.
///
/// # Safety
/// `r` is a record (record invariant 1) owned by the caller's list.
#[inline(always)]
unsafe fn next_of(r: *mut Header) -> *mut Header {
    // SAFETY: the caller's guarantee; the header is readable.
    unsafe { (*r).next }
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
                classes: [ClassFree {
                    batches: ptr::null_mut(),
                    nbatches: 0,
                    loose: List::EMPTY,
                }; NCLASS],
                arena: Bump::new(),
            }),
            carved: Default::default(),
            held: core::sync::atomic::AtomicUsize::new(0),
        })
    }

    /// Chunks held by live tasks: a task takes one for its record stack at
    /// its first defer and keeps it until it is dropped or releases it
    /// ([`Cx::release_stack`](crate::Cx::release_stack)); a stack that
    /// outgrew its chunk holds a buffer of the global allocator instead
    /// (not counted). With every worker and task quiet, every chunk carved
    /// is in exactly one place:
    /// `stats().carved == stats().central_free + cached + held()`, where
    /// `cached` sums [`Worker::cached`] over the pool's workers.
    ///
    /// ```
    /// use deferrt_core::{Pool, Worker, Task};
    /// let pool = Pool::new();
    /// let mut w = Worker::new(&pool);
    /// let mut t: Task<(), &'static str> = Task::new(&pool);
    /// let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// cx.call(|cx| { cx.defer(|_| Ok(())); Ok(()) }).unwrap();
    /// drop(cx);
    /// assert_eq!(pool.held(), 1); // the task keeps its chunk between frames
    /// let s = pool.stats();
    /// assert_eq!(s.carved, s.central_free + w.cached() + pool.held());
    /// drop(t); // a dropped task gives its chunk back (to the central pool)
    /// assert_eq!(pool.held(), 0);
    /// let s = pool.stats();
    /// assert_eq!(s.carved, s.central_free + w.cached());
    /// ```
    pub fn held(&self) -> usize {
        self.held.load(core::sync::atomic::Ordering::Relaxed)
    }

    /// A task took a chunk for its stack.
    #[inline]
    pub(crate) fn chunk_taken(&self) {
        self.held
            .fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    }

    /// A task gave its stack's chunk back.
    #[inline]
    pub(crate) fn chunk_given(&self) {
        self.held
            .fetch_sub(1, core::sync::atomic::Ordering::Relaxed);
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
            central_free: c
                .classes
                .iter()
                .map(|k| k.nbatches * BATCH + k.loose.len)
                .sum(),
        })
    }

    /// A list of records of `class` for an empty cache: a whole batch if
    /// the central pool has one (one pointer moved under the lock), else up
    /// to `BATCH` loose records, else `BATCH` records carved from the arena.
    fn take_batch(&self, class: usize) -> List {
        self.central.with(|c| {
            let k = &mut c.classes[class];
            if k.nbatches > 0 {
                let head = k.batches;
                // SAFETY: `head` is the first record of a batch this pool
                // owns; its link word holds the next batch (invariant of
                // `ClassFree::batches`).
                k.batches = unsafe { Rec::link_of(head) };
                k.nbatches -= 1;
                return List { head, len: BATCH };
            }
            if k.loose.len > 0 {
                let n = k.loose.len.min(BATCH);
                let head = k.loose.head;
                let mut last = head;
                for _ in 1..n {
                    // SAFETY: the loose list holds `loose.len >= n` records
                    // this pool owns.
                    last = unsafe { next_of(last) };
                }
                // SAFETY: `last` is the n-th record of the loose list: cut
                // the list after it, so both parts end in null.
                let rest = unsafe { core::mem::replace(&mut (*last).next, ptr::null_mut()) };
                k.loose = List {
                    head: rest,
                    len: k.loose.len - n,
                };
                return List { head, len: n };
            }
            let size = Rec::size(class);
            let layout =
                Layout::from_size_align(size * BATCH, RECORD_ALIGN).expect("record batch layout");
            let block = c.arena.alloc_layout(layout).as_ptr();
            for i in 0..BATCH {
                // SAFETY: `block` spans BATCH records of `size` bytes; `size`
                // is a multiple of RECORD_ALIGN, so every record start (and
                // the next one, for i + 1 < BATCH) is in bounds and aligned
                // (record invariant 1). Each header is written before it is
                // linked to.
                unsafe {
                    let p = block.add(i * size).cast::<Header>();
                    let next = if i + 1 < BATCH {
                        block.add((i + 1) * size).cast::<Header>()
                    } else {
                        ptr::null_mut()
                    };
                    ptr::write(
                        p,
                        Header {
                            sentinel: [0; 2],
                            next,
                        },
                    );
                }
            }
            self.carved[class].fetch_add(BATCH, Ordering::Relaxed);
            List {
                head: block.cast::<Header>(),
                len: BATCH,
            }
        })
    }

    /// Gives a full batch (a list of exactly `BATCH` records) back to the
    /// central pool: one pointer moved under the lock.
    fn give_batch(&self, class: usize, batch: *mut Header) {
        self.central.with(|c| {
            let k = &mut c.classes[class];
            // SAFETY: `batch` is the first record of a list of BATCH records
            // the caller gives up (record invariant 2); its payload is dead
            // bytes, so the link word may be written.
            unsafe { Rec::set_link(batch, k.batches) };
            k.batches = batch;
            k.nbatches += 1;
        })
    }

    /// Gives single records (a list of `list.len`) back to the central pool.
    fn give_loose(&self, class: usize, list: List) {
        if list.len == 0 {
            return;
        }
        // Find the list's last record outside the lock.
        let mut last = list.head;
        for _ in 1..list.len {
            // SAFETY: `list` holds `len` records the caller gives up.
            last = unsafe { next_of(last) };
        }
        self.central.with(|c| {
            let k = &mut c.classes[class];
            // SAFETY: `last` is a record of the given list, which the caller
            // gives up.
            unsafe { (*last).next = k.loose.head };
            k.loose = List {
                head: list.head,
                len: k.loose.len + list.len,
            };
        })
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
    /// One free chunk outside the lists (or null): the chunk of the last
    /// task that released its stack here (`Cx::release_stack`), lent back
    /// until that task (or any other) takes one again. The task keeps its
    /// address, so taking back its own chunk is a compare and a store, not
    /// a list pop and a fresh start (`Task::grow`).
    hot: *mut Header,
    pool: Arc<Pool>,
}

// SAFETY: a worker's lists hold records it owns exclusively (record
// invariant 2): moving the worker moves that ownership; the records' memory
// lives in the pool the worker keeps alive.
unsafe impl Send for Worker {}

/// One size class's cache: the list the hot path pushes and pops
/// (`cur`, at most `BATCH` records) and at most one full batch kept aside
/// (`spare`), so a worker holds at most `CACHE_CAP` records of a class.
/// Trading with the central pool moves a whole batch: one pointer.
#[derive(Clone, Copy)]
struct Cache {
    cur: List,
    /// The first record of a full batch, or null.
    spare: *mut Header,
}

impl Cache {
    const EMPTY: Cache = Cache {
        cur: List::EMPTY,
        spare: ptr::null_mut(),
    };

    fn cached(&self) -> usize {
        self.cur.len + if self.spare.is_null() { 0 } else { BATCH }
    }
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
            hot: ptr::null_mut(),
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
    /// assert!(cx.release_stack()); // the task's stack chunk, given back to w1
    /// drop(cx);
    /// assert!(w1.cached() > 0); // the chunk is back in the cache it came from
    /// assert_eq!(w2.cached(), 0);
    /// assert_eq!(pool.stats().carved, w1.cached() + pool.stats().central_free);
    /// ```
    pub fn cached(&self) -> usize {
        self.caches.iter().map(Cache::cached).sum::<usize>() + usize::from(!self.hot.is_null())
    }

    /// Takes back `chunk` if it is the hot chunk (free, and untouched since
    /// it was lent: nobody took it in between).
    #[inline(always)]
    pub(crate) fn reclaim(&mut self, chunk: *mut u8) -> bool {
        if self.hot.cast::<u8>() == chunk {
            self.hot = ptr::null_mut();
            true
        } else {
            false
        }
    }

    /// Takes the hot chunk if there is one, else a chunk from the list if
    /// it has one (no trade).
    #[inline(always)]
    pub(crate) fn try_take_chunk(&mut self) -> Option<Rec> {
        let h = core::mem::replace(&mut self.hot, ptr::null_mut());
        match NonNull::new(h) {
            Some(h) => Some(Rec(h)),
            None => self.try_alloc(0),
        }
    }

    /// Gives a chunk back: into the hot slot if it is empty (a task that
    /// released its stack lends its chunk there), else to the list.
    #[inline(always)]
    pub(crate) fn lend(&mut self, chunk: Rec) {
        if self.hot.is_null() {
            self.hot = chunk.0.as_ptr();
        } else {
            self.free(chunk, 0);
        }
    }

    /// Takes a record of `class`: the hot path is one list pop.
    #[inline]
    pub(crate) fn alloc(&mut self, class: usize) -> Rec {
        let cur = &mut self.caches[class].cur;
        let r = cur.head;
        if r.is_null() {
            return self.refill(class);
        }
        // SAFETY: a non-null head is a record of this list (List invariant);
        // its `next` is the rest of the list.
        cur.head = unsafe { next_of(r) };
        cur.len -= 1;
        // SAFETY: a record of the list is a non-null arena pointer.
        Rec(unsafe { NonNull::new_unchecked(r) })
    }

    /// Takes a record of `class` if the current list has one (no trade).
    #[inline(always)]
    pub(crate) fn try_alloc(&mut self, class: usize) -> Option<Rec> {
        let cur = &mut self.caches[class].cur;
        let r = cur.head;
        if r.is_null() {
            return None;
        }
        // SAFETY: as in `alloc`.
        cur.head = unsafe { next_of(r) };
        cur.len -= 1;
        // SAFETY: a record of the list is a non-null arena pointer.
        Some(Rec(unsafe { NonNull::new_unchecked(r) }))
    }

    #[cold]
    #[inline(never)]
    fn refill(&mut self, class: usize) -> Rec {
        let cache = &mut self.caches[class];
        cache.cur = if cache.spare.is_null() {
            self.pool.take_batch(class)
        } else {
            let head = core::mem::replace(&mut cache.spare, ptr::null_mut());
            List { head, len: BATCH }
        };
        self.alloc(class)
    }

    /// Gives back a record of `class` if the cache's current list has room;
    /// `false` when it is full (then call [`Worker::free`]).
    #[inline(always)]
    pub(crate) fn try_free(&mut self, rec: Rec, class: usize) -> bool {
        let cur = &mut self.caches[class].cur;
        if cur.len == BATCH {
            return false;
        }
        // SAFETY: the caller gives up `rec` (record invariant 2); linking it
        // writes only its header.
        unsafe { (*rec.0.as_ptr()).next = cur.head };
        cur.head = rec.0.as_ptr();
        cur.len += 1;
        true
    }

    /// Gives back a record of `class`: the hot path is one list push.
    #[inline]
    pub(crate) fn free(&mut self, rec: Rec, class: usize) {
        if !self.try_free(rec, class) {
            self.spill_then_push(rec, class);
        }
    }

    /// The current list is full: it becomes the spare batch; a spare batch
    /// already there goes to the central pool (one pointer under its lock).
    #[cold]
    #[inline(never)]
    fn spill_then_push(&mut self, rec: Rec, class: usize) {
        let cache = &mut self.caches[class];
        debug_assert_eq!(cache.cur.len, BATCH);
        let full = core::mem::replace(&mut cache.cur, List::EMPTY).head;
        let old = core::mem::replace(&mut cache.spare, full);
        if !old.is_null() {
            self.pool.give_batch(class, old);
        }
        let pushed = self.try_free(rec, class);
        debug_assert!(pushed);
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let hot = core::mem::replace(&mut self.hot, ptr::null_mut());
        if !hot.is_null() {
            self.pool.give_loose(0, List { head: hot, len: 1 });
        }
        for (class, cache) in self.caches.iter_mut().enumerate() {
            let c = core::mem::replace(cache, Cache::EMPTY);
            self.pool.give_loose(class, c.cur);
            if !c.spare.is_null() {
                self.pool.give_batch(class, c.spare);
            }
        }
    }
}

/// Gives records straight to the central pool; used when a task is dropped
/// outside any worker.
pub(crate) fn give_central(pool: &Pool, class: usize, rec: Rec) {
    pool.give_loose(
        class,
        List {
            head: rec.0.as_ptr(),
            len: 1,
        },
    );
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
    fn loose_lists_are_cut_and_batches_move_whole() {
        let pool = Pool::new();
        let mut a = Worker::new(&pool);
        // BATCH + 3 records out: the first batch carved, then the second.
        let held: alloc::vec::Vec<Rec> = (0..BATCH + 3).map(|_| a.alloc(0)).collect();
        assert_eq!(pool.stats().carved, 2 * BATCH);
        for r in held {
            a.free(r, 0);
        }
        // A full list plus what is left of the second batch: at most
        // CACHE_CAP, all of them accounted for.
        assert!(a.cached() <= CACHE_CAP);
        assert_eq!(pool.stats().carved, a.cached() + pool.stats().central_free);
        drop(a); // a full batch and a partial list go back: one batch, loose records
        let s = pool.stats();
        assert_eq!(s.carved, s.central_free);
        // Single records from a task dropped outside any worker.
        let mut b = Worker::new(&pool);
        let extra = b.alloc(0);
        give_central(&pool, 0, extra);
        // A new worker takes every record back, batch by batch and from the
        // loose list (cut at BATCH, the rest left null-terminated): all
        // distinct, none carved anew.
        let mut c = Worker::new(&pool);
        let mut seen = alloc::vec::Vec::new();
        for _ in 0..2 * BATCH - b.cached() {
            seen.push(c.alloc(0).0.as_ptr() as usize);
        }
        assert_eq!(pool.stats().carved, 2 * BATCH);
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 2 * BATCH - b.cached());
        drop((b, c));
        let s = pool.stats();
        assert_eq!(s.carved, s.central_free + seen.len());
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
