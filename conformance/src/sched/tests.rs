//! The scheduler with a mock machine: each goroutine runs a script of
//! operations, so the tests check the scheduler's own rules (hand-off,
//! wake-ups, fairness, deadlock, counts) without the interpreter.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::*;

/// One operation of a mock goroutine's script.
#[derive(Clone, Debug)]
enum M {
    Send(usize, i64),
    Recv(usize),
    Close(usize),
    /// Receive from a nil channel.
    RecvNil,
    /// Receive cases on these channels (`None`: nil), a default if true.
    Select(Vec<Option<usize>>, bool),
    SelectSend(usize, i64, usize),
    Lock(usize),
    Unlock(usize),
    RLock(usize),
    RUnlock(usize),
    WLock(usize),
    WgAdd(usize, i64),
    WgWait(usize),
    Go(Arc<Vec<M>>),
    Yield,
    Sleep(u64),
    Log(i64),
    NumGoroutine,
    Goexit,
    Exit(i32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Ev {
    Got(i64),
    Closed,
    Case(usize, Option<i64>),
    Default,
    Sent(usize),
    Log(i64),
    Num(usize),
    Panic(&'static str),
}

struct World {
    chans: Vec<Arc<Chan<Mock, i64>>>,
    mutexes: Vec<GoMutex<Mock, i64>>,
    rws: Vec<GoRwMutex<Mock, i64>>,
    wgs: Vec<WaitGroup<Mock, i64>>,
    log: Mutex<Vec<(u64, Ev)>>,
}

impl World {
    fn new(caps: &[usize]) -> Arc<World> {
        Arc::new(World {
            chans: caps.iter().map(|&c| Arc::new(Chan::new(c))).collect(),
            mutexes: (0..2).map(|_| GoMutex::new()).collect(),
            rws: (0..1).map(|_| GoRwMutex::new()).collect(),
            wgs: (0..2).map(|_| WaitGroup::new()).collect(),
            log: Mutex::new(Vec::new()),
        })
    }
    fn log(&self, gid: u64, ev: Ev) {
        self.log.lock().unwrap().push((gid, ev));
    }
    fn events(&self) -> Vec<(u64, Ev)> {
        self.log.lock().unwrap().clone()
    }
}

struct Mock {
    script: Arc<Vec<M>>,
    pc: usize,
}

struct MockRunner {
    world: Arc<World>,
    /// Yield after this many operations (a time slice), to force migrations.
    slice: usize,
}

impl MockRunner {
    /// Completes the blocking operation at `g.pc` with what woke it.
    fn resume(&self, gid: u64, g: &mut Mock, w: Wake<i64>) -> Result<(), Stop<Mock, i64>> {
        let ev = match (&g.script[g.pc], w.what) {
            (M::Recv(_), Woken::Recv(Some(v))) => Ev::Got(v),
            (M::Recv(_), Woken::Recv(None)) => Ev::Closed,
            (M::Select(..), Woken::Recv(v)) => Ev::Case(w.case, v),
            (M::SelectSend(..), Woken::Sent) => Ev::Sent(w.case),
            (M::Send(..) | M::SelectSend(..), Woken::SendClosed) => {
                self.world.log(gid, Ev::Panic(ChanError::SendClosed.text()));
                return Err(Stop::Exit(2));
            }
            (M::Send(..), Woken::Sent) | (_, Woken::Ready) => {
                g.pc += 1;
                return Ok(());
            }
            (op, what) => panic!("goroutine {gid}: {op:?} woken with {what:?}"),
        };
        self.world.log(gid, ev);
        g.pc += 1;
        Ok(())
    }

    fn panic(&self, gid: u64, text: &'static str) -> Stop<Mock, i64> {
        self.world.log(gid, Ev::Panic(text));
        Stop::Exit(2)
    }
}

impl Runner<Mock, i64> for MockRunner {
    fn run(
        &mut self,
        cx: &mut WorkerCx<'_, Mock, i64>,
        gid: u64,
        g: &mut Mock,
        wake: Option<Wake<i64>>,
    ) -> Stop<Mock, i64> {
        let w = &*self.world.clone();
        let q = cx.queue;
        if let Some(wk) = wake {
            if let Err(stop) = self.resume(gid, g, wk) {
                return stop;
            }
        }
        let mut budget = self.slice;
        while g.pc < g.script.len() {
            if budget == 0 {
                return Stop::Yield;
            }
            budget -= 1;
            let block = |op: Op<Mock, i64, ()>| match op {
                Op::Done(()) => None,
                Op::Block(p) => Some(Stop::Blocked(p)),
            };
            match g.script[g.pc].clone() {
                M::Send(c, v) => match w.chans[c].send(v, gid, q) {
                    Err(e) => return self.panic(gid, e.text()),
                    Ok(op) => {
                        if let Some(s) = block(op) {
                            return s;
                        }
                    }
                },
                M::Recv(c) => match w.chans[c].recv(gid, q) {
                    Op::Done(Some(v)) => w.log(gid, Ev::Got(v)),
                    Op::Done(None) => w.log(gid, Ev::Closed),
                    Op::Block(p) => return Stop::Blocked(p),
                },
                M::Close(c) => {
                    if let Err(e) = w.chans[c].close(q) {
                        return self.panic(gid, e.text());
                    }
                }
                M::RecvNil => return Stop::Blocked(Parked::new(gid, "chan receive (nil chan)")),
                M::Select(cs, default) => {
                    let cases = cs
                        .iter()
                        .map(|c| Case::Recv(c.map(|c| &*w.chans[c])))
                        .collect();
                    match select(cases, default, &mut cx.rng, gid, q) {
                        Err((_, e)) => return self.panic(gid, e.text()),
                        Ok(Op::Block(p)) => return Stop::Blocked(p),
                        Ok(Op::Done(Selected::Recv { case, val })) => {
                            w.log(gid, Ev::Case(case, val))
                        }
                        Ok(Op::Done(Selected::Default)) => w.log(gid, Ev::Default),
                        Ok(Op::Done(Selected::Sent { case })) => w.log(gid, Ev::Sent(case)),
                    }
                }
                M::SelectSend(c, v, r) => {
                    let cases = vec![
                        Case::Send(Some(&w.chans[c]), v),
                        Case::Recv(Some(&w.chans[r])),
                    ];
                    match select(cases, false, &mut cx.rng, gid, q) {
                        Err((_, e)) => return self.panic(gid, e.text()),
                        Ok(Op::Block(p)) => return Stop::Blocked(p),
                        Ok(Op::Done(Selected::Recv { case, val })) => {
                            w.log(gid, Ev::Case(case, val))
                        }
                        Ok(Op::Done(Selected::Sent { case })) => w.log(gid, Ev::Sent(case)),
                        Ok(Op::Done(Selected::Default)) => unreachable!(),
                    }
                }
                M::Lock(m) => {
                    if let Some(s) = block(w.mutexes[m].lock(gid, q)) {
                        return s;
                    }
                }
                M::Unlock(m) => {
                    if let Err(e) = w.mutexes[m].unlock(q) {
                        return self.panic(gid, e);
                    }
                }
                M::RLock(m) => {
                    if let Some(s) = block(w.rws[m].rlock(gid, q)) {
                        return s;
                    }
                }
                M::RUnlock(m) => {
                    if let Err(e) = w.rws[m].runlock(q) {
                        return self.panic(gid, e);
                    }
                }
                M::WLock(m) => {
                    if let Some(s) = block(w.rws[m].lock(gid, q)) {
                        return s;
                    }
                }
                M::WgAdd(i, d) => {
                    if let Err(e) = w.wgs[i].add(d, q) {
                        return self.panic(gid, e);
                    }
                }
                M::WgWait(i) => {
                    if let Some(s) = block(w.wgs[i].wait(gid, q)) {
                        return s;
                    }
                }
                M::Go(script) => {
                    let id = q.next_gid();
                    q.spawn(id, Mock { script, pc: 0 });
                }
                M::Yield => {
                    g.pc += 1;
                    return Stop::Yield;
                }
                M::Sleep(ms) => {
                    g.pc += 1;
                    return Stop::Sleep(Duration::from_millis(ms));
                }
                M::Log(v) => w.log(gid, Ev::Log(v)),
                M::NumGoroutine => w.log(gid, Ev::Num(q.num_goroutine())),
                M::Goexit => {
                    return if gid == 1 {
                        Stop::MainGoexit
                    } else {
                        Stop::Done
                    }
                }
                M::Exit(c) => return Stop::Exit(c),
            }
            g.pc += 1;
        }
        if gid == 1 {
            Stop::Exit(0)
        } else {
            Stop::Done
        }
    }
}

/// A run's outcome, log, queue and the number of goroutines left over.
type Ran = (Outcome, Vec<(u64, Ev)>, Queue<Mock, i64>, usize);

/// Runs `main` with `procs` workers; the outcome, the world's log, the queue.
fn go(procs: usize, caps: &[usize], main: Vec<M>, slice: usize) -> Ran {
    let world = World::new(caps);
    let q = Queue::new();
    let id = q.next_gid();
    q.spawn(
        id,
        Mock {
            script: Arc::new(main),
            pc: 0,
        },
    );
    let end = run(&q, procs, 12345, None, |_| MockRunner {
        world: world.clone(),
        slice,
    });
    if let Some(p) = end.panic {
        std::panic::resume_unwind(p);
    }
    (end.outcome, world.events(), q, end.left.len())
}

fn script(ops: Vec<M>) -> Arc<Vec<M>> {
    Arc::new(ops)
}

fn of(log: &[(u64, Ev)], gid: u64) -> Vec<Ev> {
    log.iter()
        .filter(|e| e.0 == gid)
        .map(|e| e.1.clone())
        .collect()
}

// ---- channels at the API level: FIFO wait queues, hand-off, close ----

/// Receivers blocked on a channel are served first come, first served, as
/// Go's are, and each gets the value sent for it (woken in that order).
#[test]
fn sched_chan_receivers_fifo() {
    let q: Queue<u64, i64> = Queue::new();
    let ch: Chan<u64, i64> = Chan::new(0);
    let slots: Vec<_> = (2..7)
        .map(|gid| match ch.recv(gid, &q) {
            Op::Block(p) => p,
            Op::Done(_) => panic!("receive on an empty channel completed"),
        })
        .collect();
    // Park all five (each as a goroutine that was running).
    for (i, p) in slots.iter().enumerate() {
        q.spawn(p.gid(), i as u64);
        let job = q.pop(0).unwrap();
        Parked::park(p, job, &q);
    }
    assert_eq!(q.num_goroutine(), 5);
    for v in 0..5 {
        assert!(matches!(ch.send(100 + v, 1, &q), Ok(Op::Done(()))));
    }
    let woken: Vec<_> = (0..5).map(|_| q.pop(0).unwrap()).collect();
    let got: Vec<_> = woken
        .into_iter()
        .map(|j| (j.gid, j.wake.map(|w| w.what)))
        .collect();
    let want: Vec<_> = (0..5)
        .map(|i| (i as u64 + 2, Some(Woken::Recv(Some(100 + i)))))
        .collect();
    assert_eq!(got, want);
}

/// Blocked senders are served in order too, through a buffer: each receive
/// frees a slot that the first waiting sender's value fills.
#[test]
fn sched_chan_senders_fifo_through_buffer() {
    let q: Queue<u64, i64> = Queue::new();
    let ch: Chan<u64, i64> = Chan::new(2);
    for v in 0..2 {
        assert!(matches!(ch.send(v, 1, &q), Ok(Op::Done(()))));
    }
    for gid in 2..5 {
        let Ok(Op::Block(p)) = ch.send(gid as i64 * 10, gid, &q) else {
            panic!("full channel accepted a send")
        };
        q.spawn(gid, gid);
        let job = q.pop(0).unwrap();
        Parked::park(&p, job, &q);
    }
    let mut got = Vec::new();
    for _ in 0..5 {
        let Op::Done(Some(v)) = ch.recv(1, &q) else {
            panic!("a value was lost")
        };
        got.push(v);
    }
    assert_eq!(got, vec![0, 1, 20, 30, 40]);
    let order: Vec<u64> = (0..3).map(|_| q.pop(0).unwrap().gid).collect();
    assert_eq!(order, vec![2, 3, 4]);
    assert!(ch.is_empty());
}

/// Parks what `op` blocked (as goroutine `gid`, running at the time).
fn park_now(q: &Queue<u64, i64>, p: &Arc<Parked<u64, i64>>) {
    q.spawn(p.gid(), p.gid());
    let job = q.pop(0).unwrap();
    Parked::park(p, job, q);
}

/// `close` wakes receivers with "closed" and senders with Go's panic;
/// closing twice is Go's panic; a closed channel still yields its buffer,
/// then zero values with `ok == false`; a send on it is Go's panic.
#[test]
fn sched_chan_close_rules() {
    let q: Queue<u64, i64> = Queue::new();
    let rch: Chan<u64, i64> = Chan::new(0);
    let Op::Block(r) = rch.recv(2, &q) else {
        panic!("empty channel")
    };
    park_now(&q, &r);
    let sch: Chan<u64, i64> = Chan::new(0);
    let Ok(Op::Block(s)) = sch.send(9, 3, &q) else {
        panic!("no receiver")
    };
    park_now(&q, &s);
    rch.close(&q).unwrap();
    sch.close(&q).unwrap();
    let a = q.pop(0).unwrap();
    let b = q.pop(0).unwrap();
    assert_eq!(
        (a.gid, a.wake),
        (
            2,
            Some(Wake {
                case: 0,
                what: Woken::Recv(None)
            })
        )
    );
    assert_eq!(
        (b.gid, b.wake),
        (
            3,
            Some(Wake {
                case: 0,
                what: Woken::SendClosed
            })
        )
    );
    assert_eq!(rch.close(&q), Err(ChanError::CloseClosed));
    assert_eq!(ChanError::CloseClosed.text(), "close of closed channel");
    assert_eq!(ChanError::CloseNil.text(), "close of nil channel");

    let buf: Chan<u64, i64> = Chan::new(3);
    for v in [1, 2] {
        assert!(matches!(buf.send(v, 1, &q), Ok(Op::Done(()))));
    }
    buf.close(&q).unwrap();
    assert_eq!((buf.len(), buf.cap()), (2, 3));
    assert!(matches!(buf.send(3, 1, &q), Err(ChanError::SendClosed)));
    assert!(matches!(buf.recv(1, &q), Op::Done(Some(1))));
    assert!(matches!(buf.recv(1, &q), Op::Done(Some(2))));
    assert!(matches!(buf.recv(1, &q), Op::Done(None)));
    assert!(matches!(buf.recv(1, &q), Op::Done(None)));
}

/// A `select` parked on several channels is woken by the first waker only;
/// the other channels' entries are stale: a later sender skips them (and
/// does not lose its value to them), and they are purged, not accumulated.
#[test]
fn sched_select_first_waker_wins() {
    let q: Queue<u64, i64> = Queue::new();
    let (a, b) = (Arc::new(Chan::new(0)), Arc::new(Chan::new(0)));
    let mut rng = Rng::new(3);
    let cases = vec![Case::Recv(Some(&*a)), Case::Recv(Some(&*b))];
    let Ok(Op::Block(p)) = select(cases, false, &mut rng, 2, &q) else {
        panic!("nothing ready")
    };
    assert_eq!(p.reason(), "select");
    park_now(&q, &p);
    assert!(matches!(b.send(7, 1, &q), Ok(Op::Done(()))));
    // The send to `a` finds only the stale entry: it must block.
    let Ok(Op::Block(s)) = a.send(8, 1, &q) else {
        panic!("a stale select entry took a value")
    };
    let job = q.pop(0).unwrap();
    assert_eq!(
        (job.gid, job.wake),
        (
            2,
            Some(Wake {
                case: 1,
                what: Woken::Recv(Some(7))
            })
        )
    );
    drop(s);
    // A select loop over a channel that never fires does not grow its queue.
    let quiet: Arc<Chan<u64, i64>> = Arc::new(Chan::new(0));
    let busy: Arc<Chan<u64, i64>> = Arc::new(Chan::new(0));
    for i in 0..1000 {
        let cases = vec![Case::Recv(Some(&*quiet)), Case::Recv(Some(&*busy))];
        let Ok(Op::Block(p)) = select(cases, false, &mut rng, 5, &q) else {
            panic!()
        };
        assert!(p.try_wake(1, || Woken::Recv(Some(i)), &q));
    }
    assert!(quiet.waiters().0 <= 16, "{:?}", quiet.waiters());
}

// ---- the scheduler with mock goroutines ----

use M::*;

/// Unbuffered hand-off between goroutines on several workers; main waits
/// for the results; exact log.
#[test]
fn sched_pingpong_exact() {
    for procs in [1, 2, 4] {
        let pong = script(vec![Recv(0), Send(1, 1), Recv(0), Send(1, 2), Close(1)]);
        let main = vec![
            Go(pong),
            NumGoroutine,
            Send(0, 10),
            Recv(1),
            Send(0, 20),
            Recv(1),
            Recv(1),
        ];
        let (out, log, q, left) = go(procs, &[0, 0], main, 1);
        assert_eq!(out, Outcome::Exit(0), "procs {procs}");
        assert_eq!(of(&log, 2), vec![Ev::Got(10), Ev::Got(20)]);
        assert_eq!(
            of(&log, 1),
            vec![Ev::Num(2), Ev::Got(1), Ev::Got(2), Ev::Closed]
        );
        assert_eq!((q.started(), left), (2, 1)); // main, which exited
    }
}

/// Deadlock detection: every goroutine blocked and no timer. The report
/// names the lowest blocked goroutine and its Go wait reason.
#[test]
fn sched_deadlock_cases() {
    type Case = (Vec<M>, Option<(u64, &'static str)>);
    let cases: Vec<Case> = vec![
        (vec![Recv(0)], Some((1, "chan receive"))),
        (vec![Send(0, 1)], Some((1, "chan send"))),
        (vec![RecvNil], Some((1, "chan receive (nil chan)"))),
        (
            vec![WgAdd(0, 1), WgWait(0)],
            Some((1, "sync.WaitGroup.Wait")),
        ),
        (vec![Lock(0), Lock(0)], Some((1, "sync.Mutex.Lock"))),
        (
            vec![RLock(0), Go(script(vec![WLock(0)])), Yield, Yield, RLock(0)],
            Some((1, "sync.RWMutex.RLock")),
        ),
        (vec![Select(vec![], false)], Some((1, "select (no cases)"))),
        (
            vec![Select(vec![None, Some(0)], false)],
            Some((1, "select")),
        ),
        // Main and a goroutine each wait for the other.
        (
            vec![Go(script(vec![Recv(1), Send(0, 1)])), Recv(0)],
            Some((1, "chan receive")),
        ),
        // Goexit in main while another goroutine is blocked forever: Go
        // reports the deadlock, naming the goroutine that is left.
        (
            vec![Go(script(vec![Send(1, 5), Recv(0)])), Recv(1), Goexit],
            Some((2, "chan receive")),
        ),
    ];
    for procs in [1, 4] {
        for (main, first) in &cases {
            let (out, _, _, left) = go(procs, &[0, 0], main.clone(), 3);
            assert_eq!(
                out,
                Outcome::Deadlock { first: *first },
                "{main:?} on {procs}"
            );
            // The blocked goroutines were handed back for dropping.
            assert!(left >= 1, "{main:?}");
        }
    }
}

/// Goexit in main: the others finish, then Go's "no goroutines" error;
/// their work is done first.
#[test]
fn sched_main_goexit_then_no_goroutines() {
    for procs in [1, 2, 4] {
        let child = script(vec![Yield, Log(1), WgAdd(0, -1)]);
        let main = vec![WgAdd(0, 2), Go(child.clone()), Go(child), Goexit];
        let (out, log, _, left) = go(procs, &[], main, 1);
        assert_eq!(out, Outcome::NoGoroutines);
        assert_eq!(log.len(), 2);
        assert_eq!(left, 0);
    }
}

/// A goroutine asleep on a timer is not deadlocked: main waits for it.
#[test]
fn sched_sleeping_is_not_deadlock() {
    for procs in [1, 2] {
        let sleeper = script(vec![Sleep(20), Send(0, 42)]);
        let main = vec![Go(sleeper), Recv(0)];
        let (out, log, _, _) = go(procs, &[0], main, 4);
        assert_eq!(out, Outcome::Exit(0));
        assert_eq!(of(&log, 1), vec![Ev::Got(42)]);
        // And once it ends, a blocked main is a deadlock.
        let (out, _, _, _) = go(procs, &[0], vec![Go(script(vec![Sleep(5)])), Recv(0)], 4);
        assert_eq!(
            out,
            Outcome::Deadlock {
                first: Some((1, "chan receive"))
            }
        );
    }
}

/// Timers fire in deadline order, whatever order the goroutines slept in.
#[test]
fn sched_timers_in_deadline_order() {
    for procs in [1, 2] {
        let late = script(vec![Sleep(40), Send(0, 2)]);
        let early = script(vec![Sleep(1), Send(0, 1)]);
        let main = vec![Go(late), Go(early), Recv(0), Recv(0)];
        let (out, log, _, _) = go(procs, &[0], main, 8);
        assert_eq!(out, Outcome::Exit(0));
        assert_eq!(of(&log, 1), vec![Ev::Got(1), Ev::Got(2)]);
    }
}

/// A run-time timer (Go's channel timer) that nobody awaits does not keep
/// a blocked program alive; one that is awaited does.
#[test]
fn sched_unawaited_timer_is_not_alive() {
    for awaited in [false, true] {
        let q: Queue<u64, i64> = Queue::new();
        q.spawn(1, 1);
        let main = q.pop(0).unwrap();
        Parked::park(&Parked::new(1, "chan receive"), main, &q);
        q.spawn(2, 2);
        let timer = q.pop(0).unwrap();
        q.stopped_sleeping_while(timer, Duration::from_millis(5), Box::new(move || awaited));
        match q.pop(0) {
            None => {
                assert!(!awaited, "an awaited timer was ignored");
                assert_eq!(
                    q.outcome(),
                    Some(Outcome::Deadlock {
                        first: Some((1, "chan receive"))
                    })
                );
            }
            Some(job) => {
                assert!(awaited, "an unawaited timer kept the program alive");
                assert_eq!(job.gid, 2);
            }
        }
    }
}

/// `os.Exit` (or main returning) from any goroutine ends the program while
/// others are blocked or runnable; they are handed back, not run.
#[test]
fn sched_exit_drops_the_rest() {
    for procs in [1, 4] {
        let blocked = script(vec![Recv(0), Log(99)]);
        let exiter = script(vec![Exit(3)]);
        let main = vec![Go(blocked.clone()), Go(blocked), Go(exiter), Recv(1)];
        let (out, log, q, left) = go(procs, &[0, 0], main, 8);
        assert_eq!(out, Outcome::Exit(3));
        assert!(log.is_empty());
        assert_eq!(q.started(), 4);
        assert_eq!(left, 4); // two blocked, main, and the one that exited
    }
}

/// Go's panics and fatal errors from the objects come back as texts.
#[test]
fn sched_object_errors() {
    let send_closed = vec![Close(0), Send(0, 1)];
    let (out, log, _, _) = go(2, &[1], send_closed, 4);
    assert_eq!(
        (out, log),
        (
            Outcome::Exit(2),
            vec![(1, Ev::Panic("send on closed channel"))]
        )
    );
    let (_, log, _, _) = go(2, &[1], vec![Close(0), Close(0)], 4);
    assert_eq!(log, vec![(1, Ev::Panic("close of closed channel"))]);
    let (_, log, _, _) = go(2, &[], vec![Unlock(0)], 4);
    assert_eq!(log, vec![(1, Ev::Panic("sync: unlock of unlocked mutex"))]);
    let (_, log, _, _) = go(2, &[], vec![RUnlock(0)], 4);
    assert_eq!(
        log,
        vec![(1, Ev::Panic("sync: RUnlock of unlocked RWMutex"))]
    );
    let (_, log, _, _) = go(2, &[], vec![WgAdd(0, 1), WgAdd(0, -2)], 4);
    assert_eq!(
        log,
        vec![(1, Ev::Panic("sync: negative WaitGroup counter"))]
    );
    // A sender parked on a channel that gets closed panics when it resumes.
    let sender = script(vec![Send(0, 1)]);
    let (out, log, _, _) = go(
        2,
        &[0],
        vec![
            Go(sender),
            Yield,
            Yield,
            Yield,
            Close(0),
            WgAdd(0, 1),
            WgWait(0),
        ],
        1,
    );
    assert_eq!(
        (out, log),
        (
            Outcome::Exit(2),
            vec![(2, Ev::Panic("send on closed channel"))]
        )
    );
}

/// A select with a default takes it when nothing is ready, and one ready
/// case otherwise; a closed channel's receive case is ready.
#[test]
fn sched_select_default_and_closed() {
    let main = vec![
        Select(vec![Some(0), None], true),
        Send(1, 5),
        Select(vec![Some(0), Some(1)], true),
        Close(0),
        Select(vec![Some(0)], false),
    ];
    let (out, log, _, _) = go(1, &[0, 1], main, 100);
    assert_eq!(out, Outcome::Exit(0));
    assert_eq!(
        of(&log, 1),
        vec![Ev::Default, Ev::Case(1, Some(5)), Ev::Case(0, None)]
    );
}

/// A select blocked on a send case and a receive case, woken by a receiver.
#[test]
fn sched_select_send_case_woken() {
    for procs in [1, 2] {
        let recv = script(vec![Yield, Recv(0)]);
        let main = vec![Go(recv), SelectSend(0, 77, 1)];
        let (out, log, _, _) = go(procs, &[0, 0], main, 100);
        assert_eq!(out, Outcome::Exit(0));
        assert_eq!(of(&log, 1), vec![Ev::Sent(0)]);
        assert_eq!(of(&log, 2), vec![Ev::Got(77)]);
    }
}

/// Go picks uniformly among ready cases: with three always-ready cases,
/// 3000 selects on a fixed seed give each case about 1000 (a wide bound:
/// more than 800, binomial sd ≈ 26).
#[test]
fn sched_select_uniform() {
    let n = 3000;
    let mut main = Vec::new();
    for c in 0..3 {
        main.extend((0..n).map(|v| Send(c, v)));
    }
    main.extend((0..n).map(|_| Select(vec![Some(0), Some(1), Some(2)], false)));
    let (out, log, _, _) = go(1, &[n as usize; 3], main, usize::MAX);
    assert_eq!(out, Outcome::Exit(0));
    let mut count = [0usize; 3];
    for (_, e) in &log {
        if let Ev::Case(c, Some(_)) = e {
            count[*c] += 1;
        }
    }
    assert_eq!(count.iter().sum::<usize>(), n as usize);
    assert!(count.iter().all(|&c| c > 800), "{count:?}");
}

/// RWMutex: readers share, a writer excludes; WaitGroup wakes every waiter.
#[test]
fn sched_rwmutex_and_waitgroup() {
    for procs in [1, 4] {
        let reader = script(vec![RLock(0), Yield, Log(1), RUnlock(0), WgAdd(0, -1)]);
        let writer = script(vec![Lock(1), Log(2), Unlock(1), WgAdd(0, -1)]);
        let waiter = script(vec![WgWait(0), Log(3), WgAdd(1, -1)]);
        let main = vec![
            WgAdd(0, 5),
            WgAdd(1, 2),
            Go(waiter.clone()),
            Go(waiter),
            Go(reader.clone()),
            Go(reader.clone()),
            Go(reader),
            Go(writer.clone()),
            Go(writer),
            WgWait(1),
        ];
        let (out, log, _, _) = go(procs, &[], main, 2);
        assert_eq!(out, Outcome::Exit(0));
        let mut evs: Vec<_> = log.iter().map(|e| e.1.clone()).collect();
        evs.sort_by_key(|e| format!("{e:?}"));
        assert_eq!(
            evs,
            vec![
                Ev::Log(1),
                Ev::Log(1),
                Ev::Log(1),
                Ev::Log(2),
                Ev::Log(2),
                Ev::Log(3),
                Ev::Log(3)
            ]
        );
    }
}

/// `runtime.NumGoroutine` counts every live goroutine: running, runnable,
/// blocked or asleep; exactly, whenever the program can know it.
#[test]
fn sched_num_goroutine_exact() {
    for procs in [1, 2, 4] {
        let child = script(vec![Send(1, 0), Recv(0)]);
        let sleeper = script(vec![Send(1, 0), Sleep(1), Recv(0)]);
        let main = vec![
            NumGoroutine,
            Go(child.clone()),
            Go(child.clone()),
            Go(sleeper),
            Recv(1),
            Recv(1),
            Recv(1),
            NumGoroutine,
            Close(0),
            Go(child),
            Recv(1),
            NumGoroutine,
        ];
        let (out, log, q, _) = go(procs, &[0, 0], main, 2);
        assert_eq!(out, Outcome::Exit(0));
        let nums: Vec<_> = of(&log, 1)
            .into_iter()
            .filter(|e| matches!(e, Ev::Num(_)))
            .collect();
        assert_eq!(nums[..2], [Ev::Num(1), Ev::Num(4)]);
        // The three woken by close may or may not have finished.
        assert!(matches!(nums[2], Ev::Num(k) if (2..=5).contains(&k)));
        assert_eq!(q.started(), 5);
    }
    // On one worker the order is fixed: the woken goroutines run to the end
    // before main runs again after its yield.
    let child = script(vec![Recv(0)]);
    let main = vec![
        Go(child.clone()),
        Go(child),
        Yield,
        NumGoroutine,
        Close(0),
        Yield,
        NumGoroutine,
    ];
    let (_, log, _, _) = go(1, &[0], main, 100);
    assert_eq!(of(&log, 1), vec![Ev::Num(3), Ev::Num(1)]);
}

/// Once: one runner, the others wait, then all pass.
#[test]
fn sched_once_direct() {
    let q: Queue<u64, i64> = Queue::new();
    let once: Once<u64, i64> = Once::new();
    assert!(matches!(once.begin(1), OnceStep::Run));
    let OnceStep::Block(p) = once.begin(2) else {
        panic!("second Do ran f")
    };
    assert_eq!(p.reason(), "sync.Mutex.Lock");
    park_now(&q, &p);
    once.finish(&q);
    assert_eq!(q.pop(0).unwrap().gid, 2);
    assert!(matches!(once.begin(3), OnceStep::Done));
}

/// Thousands of goroutines on 1, 2 and 4 workers: ping-pong over
/// unbuffered channels, a shared mutex, select, buffered results and a
/// WaitGroup. Exact results, no deadlock (a lost wake-up would show as
/// one), migrations on more than one worker.
#[test]
fn sched_stress() {
    for procs in [1, 2, 4] {
        // Whether a goroutine resumes on another thread is up to the OS's
        // scheduling of the workers: on a loaded machine one worker can
        // happen to run everything. A scheduler that never migrates fails
        // every round; one that does is seen within a few.
        let mut migrations = stress_round(procs);
        let mut rounds = 1;
        while procs > 1 && migrations == 0 && rounds < 10 {
            migrations = stress_round(procs);
            rounds += 1;
        }
        if procs > 1 {
            assert!(
                migrations > 0,
                "procs {procs}: no migration in {rounds} rounds"
            );
        } else {
            assert_eq!(migrations, 0);
        }
    }
}

/// One run of [`sched_stress`] on `procs` workers; checks the results and
/// returns the migrations.
fn stress_round(procs: usize) -> u64 {
    let n: i64 = 3000;
    {
        // Channel 0: requests (unbuffered); 1: results (buffered n);
        // 2: a quit channel nobody closes (select entries go stale on it).
        let worker = script(vec![
            Lock(0),
            Log(1),
            Unlock(0),
            Yield,
            Select(vec![Some(0), Some(2)], false),
            Send(1, 1),
            Lock(0),
            Unlock(0),
            WgAdd(0, -1),
        ]);
        let mut main = vec![WgAdd(0, n)];
        main.extend((0..n).map(|_| Go(worker.clone())));
        main.extend((0..n).map(|v| Send(0, v)));
        main.push(WgWait(0));
        // Every worker called Done; some may still be finishing.
        main.push(NumGoroutine);
        main.extend((0..n).map(|_| Recv(1)));
        let (out, log, q, left) = go(procs, &[0, n as usize, 0], main, 3);
        assert_eq!(out, Outcome::Exit(0), "procs {procs}");
        assert_eq!((q.started(), left), (n as u64 + 1, 1));
        let mut got: BTreeMap<u64, Vec<Ev>> = BTreeMap::new();
        for (g, e) in log {
            got.entry(g).or_default().push(e);
        }
        let mut values: Vec<i64> = Vec::new();
        for (g, evs) in &got {
            if *g == 1 {
                assert!(
                    matches!(evs[0], Ev::Num(k) if (1..=n as usize + 1).contains(&k)),
                    "{:?}",
                    evs[0]
                );
                assert_eq!(evs.len(), n as usize + 1);
                continue;
            }
            let [Ev::Log(1), Ev::Case(0, Some(v))] = evs.as_slice() else {
                panic!("goroutine {g}: {evs:?}")
            };
            values.push(*v);
        }
        values.sort_unstable();
        assert_eq!(values, (0..n).collect::<Vec<_>>());
        q.migrations()
    }
}
