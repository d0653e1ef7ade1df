//! Finalizers (`runtime.SetFinalizer`) and collections (`runtime.GC`).
//!
//! minigo's memory is reference-counted (`Arc<Obj>`): an object is freed
//! when the last value referring to it goes, so there is no collector to
//! ask what is unreachable. The table of finalizers holds each object
//! (the pointer, as the finalizer will receive it); **an object whose only
//! reference is the table's is unreachable**, and that state is stable:
//! nothing else can reach it to make a new reference (no `Weak` of an
//! object exists). A collection (`runtime.GC()`, `debug.FreeOSMemory()`)
//! moves every such entry to the queue of the finalizer goroutine, which
//! runs them one after the other, as gc's single finalizer goroutine does:
//! a collection's finalizers after those of earlier ones, the most
//! recently set first (gc's typical order: it queues them in address
//! order and runs its queue from the end); the queue keeps each object
//! alive until its finalizer ran, and an object the finalizer stores
//! somewhere lives on.
//!
//! This gives Go's order for free: if A refers to B and both have
//! finalizers, B's entry is not the only reference to B while A exists,
//! so A's finalizer runs first and B's is queued by a collection after A
//! is gone. Limits: collections happen only when the program asks (gc
//! also collects as the heap grows); a cycle of references is never freed
//! (gc frees one without finalizers), so an object referred to by a cycle
//! is never finalized; registers die per top-level statement of a
//! function's body (compile/liveness.rs clears them), where gc's liveness
//! analysis lets a variable go at its last instruction. Each of these only
//! delays or omits a finalizer, which Go allows ("not guaranteed to run").

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicI64, AtomicU64};

use super::*;
use crate::ir::finalizer_flags as flags;

/// Which memory a finalizer is set on: the object's address and where in
/// it the pointer points (gc keys finalizers by the pointer).
type Key = (usize, u32, Box<[u32]>);

/// The run's finalizers, and the state of its finalizer goroutine.
#[derive(Default)]
struct State {
    /// Set finalizers by the order they were set: the object (as the
    /// finalizer's argument) and the finalizer.
    table: BTreeMap<u64, (Value, FuncVal)>,
    /// The table's entry of each pointer.
    by_key: HashMap<Key, u64>,
    next: u64,
    /// Finalizers of unreachable objects, not yet run.
    queue: VecDeque<(Value, FuncVal)>,
    /// The finalizer goroutine's id (gc starts it at the first
    /// `SetFinalizer`); it exists while `running`.
    fing: Option<u64>,
    running: bool,
    /// The finalizer goroutine is parked (on this slot) or asleep (`None`
    /// in it): a finalizer blocks.
    fing_waits: Option<Option<Slot>>,
    /// Goroutines in `runtime.GC` waiting for the finalizer goroutine to
    /// empty the queue or to block.
    waiters: Vec<Slot>,
}

impl State {
    /// Whether the finalizer goroutine waits and has not been woken.
    fn fing_blocked(&self) -> bool {
        match &self.fing_waits {
            Some(Some(p)) => !p.is_claimed(),
            Some(None) => true,
            None => false,
        }
    }

    /// Wakes the goroutines waiting in `runtime.GC`.
    fn wake_waiters(&mut self, sh: &Shared) {
        for p in std::mem::take(&mut self.waiters) {
            p.try_wake(0, || sched::Woken::Ready, &sh.queue);
        }
    }
}

/// What every worker of a run shares about its collector.
pub(crate) struct Collector {
    state: Mutex<State>,
    /// `debug.SetGCPercent`'s setting (`GOGC`, else 100; -1: off).
    percent: AtomicI64,
    /// The finalizer goroutine's id once there is one (0 before): read
    /// without the lock by every goroutine's run (`is_fing`).
    fing: AtomicU64,
}

impl Default for Collector {
    fn default() -> Collector {
        let percent = match std::env::var("GOGC").as_deref() {
            Ok("off") => -1,
            Ok(s) => s.parse::<i64>().map_or(100, |n| n.max(-1)),
            Err(_) => 100,
        };
        Collector {
            state: Mutex::default(),
            percent: AtomicI64::new(percent),
            fing: AtomicU64::new(0),
        }
    }
}

impl Collector {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether `gid` is the finalizer goroutine.
    pub(super) fn is_fing(&self, gid: u64) -> bool {
        self.fing.load(Ordering::Relaxed) == gid
    }

    /// `debug.SetGCPercent(n)`: the previous setting.
    pub(super) fn set_percent(&self, n: i64) -> i64 {
        self.percent.swap(n.max(-1), Ordering::Relaxed)
    }
}

/// The memory `v` points to, through an interface holding the pointer.
fn target(v: &Value) -> Option<(&Arc<crate::rt::Obj>, u32, &[u32])> {
    match v {
        Value::Ptr { obj, at } => Some((obj, *at, &[])),
        Value::FieldPtr(f) => Some((&f.obj, f.at, &f.path)),
        Value::Iface(b) => target(&b.val),
        _ => None,
    }
}

/// Whether the table's `v` is the only reference to its object.
fn only_reference(v: &Value) -> bool {
    match v {
        Value::Ptr { obj, .. } => Arc::strong_count(obj) == 1,
        Value::FieldPtr(f) => Arc::strong_count(f) == 1 && Arc::strong_count(&f.obj) == 1,
        Value::Iface(b) => Arc::strong_count(b) == 1 && only_reference(&b.val),
        _ => false,
    }
}

/// `runtime.SetFinalizer(obj, f, flags, text)` as the checker lowered it
/// (checker/goroutines/finalizer.rs): gc's run-time checks of the
/// pointer, then the fatal error the checker found in the types, if any.
pub(super) fn set(cx: &mut Cx<'_>, sh: &Shared, args: &[Value]) -> Result<(), Unwind> {
    let (obj, bits) = (args.first().unwrap_or(&Value::Nil), int(args.get(2)));
    let text = match args.get(3) {
        Some(Value::Str(s)) => s.text().into_owned(),
        _ => String::new(),
    };
    if bits & flags::CHECK_PTR == 0 {
        return Err(fatal(cx, &text));
    }
    let Some((o, at, path)) = target(obj) else {
        return Err(fatal(
            cx,
            "runtime.SetFinalizer: pointer not in allocated block",
        ));
    };
    if bits & flags::ZERO_SIZE != 0 {
        return Ok(());
    }
    if (at != 0 || path.iter().any(|&i| i != 0)) && bits & flags::INNER_OK == 0 {
        let msg = "runtime.SetFinalizer: pointer not at beginning of allocated block";
        return Err(fatal(cx, msg));
    }
    if !text.is_empty() {
        return Err(fatal(cx, &text));
    }
    let key: Key = (Arc::as_ptr(o) as usize, at, path.into());
    let mut st = sh.collector.lock();
    if bits & flags::CLEAR != 0 {
        if let Some(seq) = st.by_key.remove(&key) {
            st.table.remove(&seq);
        }
        return Ok(());
    }
    let Some(Value::Func(f)) = args.get(1) else {
        return Err(internal(cx, "a finalizer that is not a func"));
    };
    if st.fing.is_none() {
        let id = sh.queue.next_gid();
        st.fing = Some(id);
        sh.collector.fing.store(id, Ordering::Relaxed);
    }
    if st.by_key.contains_key(&key) {
        drop(st);
        return Err(fatal(cx, "runtime.SetFinalizer: finalizer already set"));
    }
    let seq = st.next;
    st.next += 1;
    st.by_key.insert(key, seq);
    st.table.insert(seq, (obj.clone(), f.clone()));
    Ok(())
}

/// A collection: queues the finalizers of unreachable objects and starts
/// the finalizer goroutine if it is not running. With `wait`, returns a
/// slot for the caller `gid` to park on when the finalizer goroutine has
/// work and is another goroutine, runnable: it is woken when that
/// goroutine has emptied the queue or blocks. That is gc's observable
/// order on any number of Ps: `runtime.GC` blocks its caller until the
/// cycle's sweep ends, and the finalizer goroutine, readied by the
/// cycle, runs first, so the finalizers of a collection have run when it
/// returns, unless one of them blocks.
pub(super) fn collect(sh: &Shared, gid: u64, wait: bool) -> Option<Slot> {
    let mut st = sh.collector.lock();
    let dead: Vec<u64> = st
        .table
        .iter()
        .filter(|(_, (v, _))| only_reference(v))
        .map(|(&seq, _)| seq)
        .collect();
    // gc runs a collection's finalizers newest first (its queue is
    // swept in address order, run from the end), after those queued
    // before.
    for seq in dead.into_iter().rev() {
        if let Some((v, f)) = st.table.remove(&seq) {
            if let Some((o, at, path)) = target(&v) {
                st.by_key
                    .remove(&(Arc::as_ptr(o) as usize, at, path.into()));
            }
            st.queue.push_back((v, f));
        }
    }
    let fing = st.fing?;
    if !st.running && !st.queue.is_empty() {
        st.running = true;
        st.fing_waits = None;
        let g = G {
            id: fing,
            task: Task::new(&sh.pool),
            m: Machine::new(sh.image.clone()),
            entries: VecDeque::from([Entry::Builtin(Builtin::Go(GoBuiltin::FinNext), Vec::new())]),
            hidden: false,
        };
        sh.queue.spawn(fing, Box::new(g));
    }
    if !wait || fing == gid || !st.running || st.fing_blocked() {
        return None;
    }
    let p = Parked::new(gid, "wait for GC cycle");
    st.waiters.push(p.clone());
    Some(p)
}

/// The finalizer goroutine `gid` (if it is the one) stops to wait
/// (`waits`: `Some` with the slot it parked on, `Some(None)` asleep: a
/// finalizer blocks) or resumes (`None`).
pub(super) fn fing_waits(sh: &Shared, gid: u64, waits: Option<Option<Slot>>) {
    let mut st = sh.collector.lock();
    if st.fing != Some(gid) || !st.running {
        return;
    }
    let blocks = waits.is_some();
    st.fing_waits = waits;
    if blocks {
        st.wake_waiters(sh);
    }
}

/// The finalizer goroutine's next entries: the next finalizer's call and
/// this step again, or nothing (the goroutine ends; the next collection
/// that queues a finalizer starts it again, with the same id).
pub(super) fn next(cx: &mut Cx<'_>, sh: &Shared) -> Result<Vec<Entry>, Unwind> {
    let mut st = sh.collector.lock();
    let Some((arg, f)) = st.queue.pop_front() else {
        st.running = false;
        st.wake_waiters(sh);
        return Ok(Vec::new());
    };
    drop(st);
    let again = Entry::Builtin(Builtin::Go(GoBuiltin::FinNext), Vec::new());
    let call = match f {
        FuncVal::Closure(c) => Entry::Func(c, vec![arg]),
        FuncVal::Bound(b) => Entry::Func(b.0.clone(), vec![b.1.clone(), arg]),
        FuncVal::Wrap(w) => Entry::Wrap(w, vec![arg]),
        FuncVal::Nil(_) => return Err(cx.fault(errors::nil_deref())),
    };
    Ok(vec![call, again])
}
