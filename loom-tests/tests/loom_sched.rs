#![cfg(loom)]
//! Models of minigo's scheduler (`conformance/src/sched/`): the run queue and
//! the `Parked` handshake, through the real source files, compiled here
//! against loom's `Mutex`, `Condvar`, `Arc` and atomics (the files take
//! every primitive from their `sync` shim, which picks loom's under
//! `--cfg loom`). minigo itself is not a dependency: the scheduler's files
//! are generic over the goroutine and the value type, so they build alone.
//!
//! * `waker_vs_parker`: a goroutine parks in a slot while another thread
//!   wakes it: whichever comes second must move it to the run queue, once.
//! * `chan_recv_vs_send`: the same race through an unbuffered channel:
//!   the receiver either gets the value at once or parks and is woken with
//!   it; the value is delivered exactly once.
//! * `select_two_wakers`: a `select` parks on two channels while two
//!   senders race: exactly one send completes into the select, the other
//!   value stays with its (parked) sender, and the select goroutine is
//!   queued exactly once.

// The scheduler's files, as siblings at the crate root (their `super::`
// paths name each other).
#[allow(dead_code)]
#[path = "../../conformance/src/sched/chan.rs"]
mod chan;
#[allow(dead_code)]
#[path = "../../conformance/src/sched/park.rs"]
mod park;
#[allow(dead_code)]
#[path = "../../conformance/src/sched/queue.rs"]
mod queue;
#[allow(dead_code)]
#[path = "../../conformance/src/sched/rng.rs"]
mod rng;
#[allow(dead_code)]
#[path = "../../conformance/src/sched/sync.rs"]
mod sync;

use chan::{select, Case, Chan, Op, Selected};
use deferrt_loom_tests::{check, Bound};
use loom::sync::Arc;
use loom::thread;
use park::{Job, Parked, Wake, Woken};
use queue::{Outcome, Queue};
use rng::Rng;

type Q = Queue<&'static str, u32>;

/// A goroutine `name` that is running now (popped, so counted as running).
fn running(q: &Q, gid: u64, name: &'static str) -> Job<&'static str, u32> {
    q.spawn(gid, name);
    let job = q.pop(0).expect("the goroutine just spawned");
    assert_eq!(job.gid, gid);
    job
}

/// After every thread joined: the only runnable goroutine is `name`, queued
/// exactly once, with `wake`; nothing else is runnable. A lost wake-up
/// shows as the queue's deadlock verdict (nothing runnable, nothing running).
fn assert_queued_once(q: &Q, name: &str, wake: Wake<u32>) {
    let job = q
        .pop(0)
        .unwrap_or_else(|| panic!("lost wake-up: {:?}", q.outcome()));
    assert_eq!(job.g, name);
    assert_eq!(job.wake, Some(wake));
    // It is the only one: with it running there is nothing else to pop, and
    // once it finishes the program is over (others may only be blocked).
    q.stopped_done();
    assert!(q.pop(0).is_none(), "a goroutine was queued twice");
}

#[test]
fn waker_vs_parker() {
    check("waker_vs_parker", Bound::Exhaustive, || {
        let q = Arc::new(Q::new());
        let waker = running(&q, 1, "waker");
        let sleeper = running(&q, 2, "sleeper");
        let p = Parked::new(2, "chan receive");
        let (q2, p2) = (q.clone(), p.clone());
        let t = thread::spawn(move || {
            assert!(p2.try_wake(0, || Woken::Recv(Some(7)), &q2));
            q2.stopped_done(); // the waker goroutine ends
            let _ = waker; // finished
        });
        Parked::park(&p, sleeper, &q);
        t.join().expect("waker");
        assert!(!p.try_wake(1, || Woken::Ready, &q), "a second waker won");
        assert_queued_once(
            &q,
            "sleeper",
            Wake {
                case: 0,
                what: Woken::Recv(Some(7)),
            },
        );
        assert_eq!(q.outcome(), Some(Outcome::NoGoroutines));
    });
}

#[test]
fn chan_recv_vs_send() {
    check("chan_recv_vs_send", Bound::Exhaustive, || {
        let q = Arc::new(Q::new());
        let ch: Arc<Chan<&'static str, u32>> = Arc::new(Chan::new(0));
        let sender = running(&q, 1, "sender");
        let receiver = running(&q, 2, "receiver");
        let (q2, ch2) = (q.clone(), ch.clone());
        let t = thread::spawn(move || match ch2.send(7, 1, &q2) {
            Ok(Op::Done(())) => {
                q2.stopped_done();
                let _ = sender; // finished
                true
            }
            Ok(Op::Block(p)) => {
                Parked::park(&p, sender, &q2);
                false
            }
            Err(e) => panic!("{e:?}"),
        });
        let direct = match ch.recv(2, &q) {
            Op::Done(v) => {
                assert_eq!(v, Some(7));
                q.stopped_done();
                let _ = receiver; // finished
                true
            }
            Op::Block(p) => {
                Parked::park(&p, receiver, &q);
                false
            }
        };
        let send_done = t.join().expect("sender");
        // Exactly one side parked and was woken by the other.
        assert!(direct != send_done, "both or neither completed at once");
        if direct {
            assert_queued_once(
                &q,
                "sender",
                Wake {
                    case: 0,
                    what: Woken::Sent,
                },
            );
        } else {
            assert_queued_once(
                &q,
                "receiver",
                Wake {
                    case: 0,
                    what: Woken::Recv(Some(7)),
                },
            );
        }
    });
}

#[test]
fn select_two_wakers() {
    check("select_two_wakers", Bound::Exhaustive, || {
        let q = Arc::new(Q::new());
        let a: Arc<Chan<&'static str, u32>> = Arc::new(Chan::new(0));
        let b: Arc<Chan<&'static str, u32>> = Arc::new(Chan::new(0));
        let sel = running(&q, 1, "select");
        let senders: Vec<_> = [(2, "send a", a.clone(), 10), (3, "send b", b.clone(), 20)]
            .into_iter()
            .map(|(gid, name, ch, v)| {
                let job = running(&q, gid, name);
                let q = q.clone();
                thread::spawn(move || match ch.send(v, gid, &q) {
                    Ok(Op::Done(())) => {
                        q.stopped_done();
                        let _ = job; // finished
                    }
                    Ok(Op::Block(p)) => Parked::park(&p, job, &q),
                    Err(e) => panic!("{e:?}"),
                })
            })
            .collect();
        let mut rng = Rng::new(1);
        let got = match select(
            vec![Case::Recv(Some(&*a)), Case::Recv(Some(&*b))],
            false,
            &mut rng,
            1,
            &q,
        ) {
            Ok(Op::Done(Selected::Recv { case, val })) => {
                q.stopped_done();
                let _ = sel; // finished
                Some((case, val))
            }
            Ok(Op::Block(p)) => {
                Parked::park(&p, sel, &q);
                None
            }
            _ => panic!("select: unexpected result"),
        };
        for t in senders {
            t.join().expect("sender");
        }
        // Whichever value the select took, the other sender is still parked
        // with its value, and the select (if it parked) is queued once.
        let (case, val) = match got {
            Some(cv) => cv,
            None => {
                let job = q
                    .pop(0)
                    .unwrap_or_else(|| panic!("lost wake-up: {:?}", q.outcome()));
                assert_eq!(job.g, "select");
                let Some(Wake {
                    case,
                    what: Woken::Recv(val),
                }) = job.wake
                else {
                    panic!("select woken without a value: {:?}", job.wake)
                };
                q.stopped_done();
                (case, val)
            }
        };
        // The winning sender was woken (or completed at once); drain the run
        // queue: at most that sender, with `Sent`.
        while let Some(job) = q.pop(0) {
            assert_eq!(job.g, if case == 0 { "send a" } else { "send b" });
            assert_eq!(
                job.wake,
                Some(Wake {
                    case: 0,
                    what: Woken::Sent
                })
            );
            q.stopped_done();
        }
        assert_eq!(val, Some(if case == 0 { 10 } else { 20 }));
        // The losing sender is blocked with its value: a receive gets it.
        let (other, want) = if case == 0 { (&b, 20) } else { (&a, 10) };
        assert!(
            matches!(other.recv(9, &q), Op::Done(Some(v)) if v == want),
            "a value was lost"
        );
        assert!(matches!(q.outcome(), Some(Outcome::Deadlock { .. })));
    });
}
