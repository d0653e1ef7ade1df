//! Go channels and `select`, generic over the goroutine `G` and the value `V`.
//!
//! A channel is `Mutex<state>`: a buffer (`cap` values), a `closed` flag and
//! two FIFO wait queues of [`Parked`] slots (receivers; senders with the
//! value they offer). Waiters are served first-come first-served, as Go's
//! `sudog` queues are. A `select` that blocks puts one slot on the queue of
//! every case's channel; the first waker claims it, and the entries left on
//! the other channels are stale: skipped and dropped by whoever meets them,
//! and purged when a queue has doubled since its last purge, so a select
//! loop does not grow a channel's queue without bound.

use std::collections::VecDeque;

use super::park::{Parked, Woken};
use super::queue::Queue;
use super::rng::Rng;
use super::sync::{lock, Arc, Mutex, MutexGuard};

/// The address of a channel: the lock order of a `select` (Go's
/// `lockorder` sorts by address too).
fn addr<G, V>(c: &Chan<G, V>) -> usize {
    std::ptr::from_ref(c).addr()
}

/// Go's run-time panics of channel operations (`runtime.plainError`
/// values: the machine turns them into Go panics, recoverable as Go's are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChanError {
    /// `ch <- v` on a closed channel.
    SendClosed,
    /// `close(ch)` of a closed channel.
    CloseClosed,
    /// `close(ch)` of a nil channel.
    CloseNil,
}

impl ChanError {
    /// Go's panic text.
    ///
    /// ```
    /// assert_eq!(minigo::sched::ChanError::SendClosed.text(), "send on closed channel");
    /// ```
    pub fn text(self) -> &'static str {
        match self {
            ChanError::SendClosed => "send on closed channel",
            ChanError::CloseClosed => "close of closed channel",
            ChanError::CloseNil => "close of nil channel",
        }
    }
}

/// An operation that either completed or must block: the machine returns
/// `Stop::Blocked(parked)` and finds the result in the goroutine's
/// [`Wake`](super::Wake) when it runs again.
pub enum Op<G, V, T> {
    /// Completed with this result.
    Done(T),
    /// The goroutine must park in this slot.
    Block(Arc<Parked<G, V>>),
}

struct RecvW<G, V> {
    p: Arc<Parked<G, V>>,
    case: usize,
}

struct SendW<G, V> {
    p: Arc<Parked<G, V>>,
    case: usize,
    val: V,
}

struct State<G, V> {
    buf: VecDeque<V>,
    closed: bool,
    recvq: VecDeque<RecvW<G, V>>,
    sendq: VecDeque<SendW<G, V>>,
    purge_recv: usize,
    purge_send: usize,
}

/// A channel of `V` (see the module documentation).
///
/// ```
/// use minigo::sched::{Chan, Op, Queue};
/// let q: Queue<(), i32> = Queue::new();
/// let ch = Chan::new(1);
/// assert!(matches!(ch.send(5, 1, &q), Ok(Op::Done(()))));
/// assert_eq!((ch.len(), ch.cap()), (1, 1));
/// assert!(matches!(ch.send(6, 1, &q), Ok(Op::Block(_)))); // full: the sender would park
/// ch.close(&q).unwrap();
/// assert!(matches!(ch.recv(1, &q), Op::Done(Some(5))));   // buffered values outlive close
/// assert!(matches!(ch.recv(1, &q), Op::Done(None)));      // then zero value, ok == false
/// ```
pub struct Chan<G, V> {
    cap: usize,
    st: Mutex<State<G, V>>,
}

/// Purge a wait queue of stale entries once it is this long (then at twice
/// its length after the purge).
const PURGE_MIN: usize = 8;

impl<G, V> Chan<G, V> {
    /// `make(chan V, cap)`.
    pub fn new(cap: usize) -> Self {
        Chan {
            cap,
            st: Mutex::new(State {
                buf: VecDeque::with_capacity(cap.min(64)),
                closed: false,
                recvq: VecDeque::new(),
                sendq: VecDeque::new(),
                purge_recv: PURGE_MIN,
                purge_send: PURGE_MIN,
            }),
        }
    }

    /// `len(ch)`: values in the buffer.
    pub fn len(&self) -> usize {
        lock(&self.st).buf.len()
    }

    /// True if the buffer is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `cap(ch)`.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Whether a goroutine is blocked receiving from the channel (in a
    /// receive or a `select`). Never blocks: if the channel is locked right
    /// now, it answers yes.
    pub fn has_receiver(&self) -> bool {
        match self.st.try_lock() {
            Ok(st) => st.recvq.iter().any(|w| w.p.try_claimed() != Some(true)),
            Err(_) => true,
        }
    }

    /// `ch <- v` by goroutine `gid`. `Err` is Go's panic.
    pub fn send(&self, v: V, gid: u64, q: &Queue<G, V>) -> Result<Op<G, V, ()>, ChanError> {
        let mut st = lock(&self.st);
        match try_send(&mut st, self.cap, v, q)? {
            Ok(()) => Ok(Op::Done(())),
            Err(val) => {
                let p = Parked::new(gid, "chan send");
                push_send(
                    &mut st,
                    SendW {
                        p: p.clone(),
                        case: 0,
                        val,
                    },
                );
                Ok(Op::Block(p))
            }
        }
    }

    /// A receive that never waits: the value if one was ready (a timer's
    /// `Stop` takes back the value it had put in the buffer).
    pub fn poll_recv(&self, q: &Queue<G, V>) -> Option<V> {
        try_recv(&mut lock(&self.st), q).flatten()
    }

    /// `<-ch` by goroutine `gid`: `Some(v)`, or `None` if the channel is
    /// closed and drained (zero value, `ok == false`).
    pub fn recv(&self, gid: u64, q: &Queue<G, V>) -> Op<G, V, Option<V>> {
        let mut st = lock(&self.st);
        match try_recv(&mut st, q) {
            Some(r) => Op::Done(r),
            None => {
                let p = Parked::new(gid, "chan receive");
                push_recv(
                    &mut st,
                    RecvW {
                        p: p.clone(),
                        case: 0,
                    },
                );
                Op::Block(p)
            }
        }
    }

    /// `close(ch)`: wakes every waiting receiver (zero value, not ok) and
    /// every waiting sender (which then panics).
    pub fn close(&self, q: &Queue<G, V>) -> Result<(), ChanError> {
        let mut st = lock(&self.st);
        if st.closed {
            return Err(ChanError::CloseClosed);
        }
        st.closed = true;
        for w in std::mem::take(&mut st.recvq) {
            w.p.try_wake(w.case, || Woken::Recv(None), q);
        }
        for w in std::mem::take(&mut st.sendq) {
            w.p.try_wake(w.case, || Woken::SendClosed, q);
        }
        Ok(())
    }
}

/// Receives from a locked channel if it can without blocking:
/// `Some(Some(v))` a value, `Some(None)` closed and drained, `None` would block.
fn try_recv<G, V>(st: &mut State<G, V>, q: &Queue<G, V>) -> Option<Option<V>> {
    if let Some(v) = st.buf.pop_front() {
        // A slot freed up: the first live sender's value moves into the buffer.
        while let Some(w) = st.sendq.pop_front() {
            if w.p.try_wake(w.case, || Woken::Sent, q) {
                st.buf.push_back(w.val);
                break;
            }
        }
        return Some(Some(v));
    }
    while let Some(w) = st.sendq.pop_front() {
        if w.p.try_wake(w.case, || Woken::Sent, q) {
            return Some(Some(w.val));
        }
    }
    if st.closed {
        return Some(None);
    }
    None
}

/// Sends on a locked channel if it can without blocking; `Ok(Err(v))` gives
/// the value back when the send would block.
fn try_send<G, V>(
    st: &mut State<G, V>,
    cap: usize,
    v: V,
    q: &Queue<G, V>,
) -> Result<Result<(), V>, ChanError> {
    if st.closed {
        return Err(ChanError::SendClosed);
    }
    let mut v = Some(v);
    while let Some(w) = st.recvq.pop_front() {
        if w.p.try_wake(w.case, || Woken::Recv(v.take()), q) {
            return Ok(Ok(()));
        }
    }
    match v {
        Some(v) if st.buf.len() < cap => {
            st.buf.push_back(v);
            Ok(Ok(()))
        }
        Some(v) => Ok(Err(v)),
        None => Ok(Ok(())),
    }
}

fn push_recv<G, V>(st: &mut State<G, V>, w: RecvW<G, V>) {
    if st.recvq.len() >= st.purge_recv {
        st.recvq.retain(|w| !w.p.is_claimed());
        st.purge_recv = (st.recvq.len() * 2).max(PURGE_MIN);
    }
    st.recvq.push_back(w);
}

fn push_send<G, V>(st: &mut State<G, V>, w: SendW<G, V>) {
    if st.sendq.len() >= st.purge_send {
        st.sendq.retain(|w| !w.p.is_claimed());
        st.purge_send = (st.sendq.len() * 2).max(PURGE_MIN);
    }
    st.sendq.push_back(w);
}

/// Drops claimed entries at the front of a wait queue; true if a live one is left.
fn live_front<T>(wq: &mut VecDeque<T>, claimed: impl Fn(&T) -> bool) -> bool {
    while let Some(w) = wq.front() {
        if !claimed(w) {
            return true;
        }
        wq.pop_front();
    }
    false
}

/// One case of a `select`: a receive or a send (with its value), on a
/// channel or on nil (a nil channel's case is never ready).
pub enum Case<'a, G, V> {
    /// `case v, ok := <-ch`.
    Recv(Option<&'a Chan<G, V>>),
    /// `case ch <- v`.
    Send(Option<&'a Chan<G, V>>, V),
}

/// The case a `select` ran.
#[derive(Debug, PartialEq, Eq)]
pub enum Selected<V> {
    /// Receive case `case` ran: `Some(v)`, or `None` (closed: zero, not ok).
    Recv {
        /// Index in the case list.
        case: usize,
        /// The value, `None` if the channel was closed.
        val: Option<V>,
    },
    /// Send case `case` ran.
    Sent {
        /// Index in the case list.
        case: usize,
    },
    /// No case was ready and the `select` has a `default`.
    Default,
}

/// Go's `select`: if some cases are ready, runs one chosen uniformly at
/// random (with `rng`); else the `default` if there is one; else parks
/// goroutine `gid` on every case's channel (wait reason `select`, or
/// `select (no cases)` for an empty case list), and the case that fires
/// arrives in the goroutine's [`Wake`](super::Wake) (`case`, and
/// `Woken::Recv`, `Woken::Sent` or `Woken::SendClosed`). `Err((case, e))`:
/// the chosen send case's channel is closed (Go's panic).
///
/// The channels are locked together, in address order, for the whole
/// decision, as Go's `selectgo` does: nothing can become ready unseen.
///
/// ```
/// use minigo::sched::{select, Case, Chan, Op, Queue, Rng, Selected};
/// let q: Queue<(), i32> = Queue::new();
/// let (a, b) = (Chan::new(1), Chan::new(0));
/// let mut rng = Rng::new(1);
/// let cases = vec![Case::Recv(Some(&a)), Case::Send(Some(&a), 3), Case::Recv(Some(&b))];
/// // Only the send to `a` is ready.
/// let r = select(cases, false, &mut rng, 1, &q).unwrap();
/// assert!(matches!(r, Op::Done(Selected::Sent { case: 1 })));
/// let r = select(vec![Case::Recv(Some(&b)), Case::Recv(None)], true, &mut rng, 1, &q).unwrap();
/// assert!(matches!(r, Op::Done(Selected::Default)));
/// ```
#[allow(clippy::type_complexity)]
pub fn select<G, V>(
    cases: Vec<Case<'_, G, V>>,
    has_default: bool,
    rng: &mut Rng,
    gid: u64,
    q: &Queue<G, V>,
) -> Result<Op<G, V, Selected<V>>, (usize, ChanError)> {
    // Distinct channels, in address order, each locked once.
    let mut chans: Vec<(usize, &Chan<G, V>)> = cases
        .iter()
        .filter_map(|c| match c {
            Case::Recv(ch) | Case::Send(ch, _) => ch.map(|ch| (addr(ch), ch)),
        })
        .collect();
    chans.sort_by_key(|c| c.0);
    chans.dedup_by_key(|c| c.0);
    let mut guards: Vec<MutexGuard<'_, State<G, V>>> =
        chans.iter().map(|(_, c)| lock(&c.st)).collect();
    // Each case as (is_send, index of its channel's guard, value to send).
    let mut plan: Vec<(bool, Option<usize>, Option<V>)> = cases
        .into_iter()
        .map(|c| {
            let at = |ch: Option<&Chan<G, V>>| {
                ch.and_then(|ch| chans.binary_search_by_key(&addr(ch), |c| c.0).ok())
            };
            match c {
                Case::Recv(ch) => (false, at(ch), None),
                Case::Send(ch, v) => (true, at(ch), Some(v)),
            }
        })
        .collect();
    loop {
        let ready: Vec<usize> = (0..plan.len())
            .filter(|&i| match plan[i] {
                (_, None, _) => false,
                (false, Some(g), _) => {
                    let st = &mut *guards[g];
                    !st.buf.is_empty()
                        || st.closed
                        || live_front(&mut st.sendq, |w| w.p.is_claimed())
                }
                (true, Some(g), _) => {
                    let cap = chans[g].1.cap;
                    let st = &mut *guards[g];
                    st.closed
                        || st.buf.len() < cap
                        || live_front(&mut st.recvq, |w| w.p.is_claimed())
                }
            })
            .collect();
        if ready.is_empty() {
            break;
        }
        let i = ready[rng.below(ready.len())];
        match &mut plan[i] {
            (false, Some(g), _) => {
                if let Some(val) = try_recv(&mut guards[*g], q) {
                    return Ok(Op::Done(Selected::Recv { case: i, val }));
                }
            }
            (true, Some(g), v) => {
                let cap = chans[*g].1.cap;
                let val = v.take().ok_or((i, ChanError::SendClosed))?;
                match try_send(&mut guards[*g], cap, val, q) {
                    Err(e) => return Err((i, e)),
                    Ok(Ok(())) => return Ok(Op::Done(Selected::Sent { case: i })),
                    Ok(Err(val)) => *v = Some(val),
                }
            }
            // Not in `ready`.
            (_, None, _) => {}
        }
        // A waiter seen as live was claimed by another channel's waker in
        // between (and is now dropped): decide again.
    }
    if has_default {
        return Ok(Op::Done(Selected::Default));
    }
    let reason = if plan.is_empty() {
        "select (no cases)"
    } else {
        "select"
    };
    let p = Parked::new(gid, reason);
    for (case, (send, g, v)) in plan.into_iter().enumerate() {
        let Some(g) = g else { continue };
        let p = p.clone();
        match (send, v) {
            (false, _) => push_recv(&mut guards[g], RecvW { p, case }),
            (true, Some(val)) => push_send(&mut guards[g], SendW { p, case, val }),
            (true, None) => {}
        }
    }
    Ok(Op::Block(p))
}

#[cfg(test)]
impl<G, V> Chan<G, V> {
    /// Entries in the (receive, send) wait queues, stale ones included.
    pub(crate) fn waiters(&self) -> (usize, usize) {
        let st = lock(&self.st);
        (st.recvq.len(), st.sendq.len())
    }
}
