//! The stepped exit (`leave_start` / `leave_next` / `leave_resume`) against
//! the engine's own exit loop: the same programs run twice, once with
//! deferred calls as closures that `exit`/`unwind` call, once with deferred
//! calls as data that an embedder runs itself between steps, and must print
//! the same, end the same way and leave the pool's accounting exact.

mod common;
use common::*;
use deferrt_core::{Deferred, LeaveStep, Local, OpenFrame, Outcome};
use std::rc::Rc;

/// A statement of a tiny Go-like language.
#[derive(Debug)]
enum S {
    Log(&'static str),
    /// `fmt.Println(tag, recover())`
    Recover(&'static str),
    /// `defer recover()`'s effect, as a statement of the deferred builtin.
    RecoverWrapped(&'static str),
    Panic(&'static str),
    Goexit,
    /// `defer func() { body }()`
    Defer(Rc<Func>),
    /// `func() { body }()`
    Call(Rc<Func>),
}

/// A function: its body, and whether its defers are open-coded.
#[derive(Debug)]
struct Func {
    open: bool,
    body: Vec<S>,
}

fn say_recover(cx: &mut C<'_>, tag: &str, v: Option<V>) {
    let v = v.map_or("<nil>".to_string(), |v| v.to_string());
    say(cx, format!("{tag} {v}"));
}

/// Runs statements in the current frame; the outcome of the body.
fn body(cx: &mut C<'_>, f: &Func, open: &mut Option<OpenFrame<Call, 8>>, stepped: bool) -> Outcome {
    let mut site = 0;
    for s in &f.body {
        match s {
            S::Log(t) => say(cx, *t),
            S::Recover(t) => {
                let v = cx.recover();
                say_recover(cx, t, v);
            }
            S::RecoverWrapped(t) => {
                let v = cx.recover_wrapped();
                say_recover(cx, t, v);
            }
            S::Panic(v) => return Err(cx.panic(V::S(v))),
            S::Goexit => return Err(cx.goexit()),
            S::Defer(g) => {
                let c = Call(g.clone(), stepped);
                match open {
                    Some(o) => {
                        if o.defer_at(site, c).is_err() {
                            cx.defer_call(Call(g.clone(), stepped));
                        }
                    }
                    None => cx.defer_call(c),
                }
                site += 1;
            }
            S::Call(g) => call(cx, g, stepped)?,
        }
    }
    Ok(())
}

/// A deferred call: the function to run. `stepped`: handed out by
/// `leave_next` and run by the embedder; otherwise called by the engine.
struct Call(Rc<Func>, bool);

impl Deferred<Env, V, Local> for Call {
    fn call(self, cx: &mut C<'_>) -> Outcome {
        assert!(!self.1, "a stepped call was called by the engine");
        // Runs in the frame the engine entered for it.
        if self.0.open {
            let mut o = Some(cx.adopt_open::<Call, 8>());
            let r = body(cx, &self.0, &mut o, false);
            let o = o.take().expect("open frame");
            match r {
                Ok(()) => cx.exit_open(o),
                Err(u) => cx.unwind_open(o, u),
            }
        } else {
            body(cx, &self.0, &mut None, false)
        }
    }
}

/// A normal call of `f`: enter, body, leave.
fn call(cx: &mut C<'_>, f: &Rc<Func>, stepped: bool) -> Outcome {
    if f.open {
        let mut o = Some(cx.enter_open::<Call, 8>());
        let r = body(cx, f, &mut o, stepped);
        let mut o = o.take().expect("open frame");
        if !stepped {
            return match r {
                Ok(()) => cx.exit_open(o),
                Err(u) => cx.unwind_open(o, u),
            };
        }
        let l = cx.leave_start_open(&mut o, r);
        drive(cx, l, Some(&mut o))
    } else {
        let frame = cx.enter();
        let r = body(cx, f, &mut None, stepped);
        if !stepped {
            return cx.leave(frame, r);
        }
        let l = cx.leave_start(frame, r);
        drive(cx, l, None)
    }
}

/// The embedder's stepped exit loop.
fn drive(
    cx: &mut C<'_>,
    mut l: deferrt_core::Leaving,
    mut open: Option<&mut OpenFrame<Call, 8>>,
) -> Outcome {
    loop {
        match cx.leave_next(&mut l, open.as_deref_mut()) {
            LeaveStep::Call { call, frame } => {
                // Run the deferred function in the handed-out frame; its own
                // defers are open-coded there (adopted) or on its chain.
                let g = call.0;
                let r = if g.open {
                    let mut o = Some(cx.adopt_open::<Call, 8>());
                    let r = body(cx, &g, &mut o, true);
                    let mut o = o.take().expect("open frame");
                    let l2 = cx.leave_start(frame, r);
                    drive(cx, l2, Some(&mut o))
                } else {
                    let r = body(cx, &g, &mut None, true);
                    let l2 = cx.leave_start(frame, r);
                    drive(cx, l2, None)
                };
                cx.leave_resume(&mut l, r);
            }
            LeaveStep::Done(r) => return r,
        }
    }
}

fn both(main: &Rc<Func>) -> (Run, Run) {
    let a = run(|cx| call(cx, main, false));
    let b = run(|cx| call(cx, main, true));
    (a, b)
}

fn f(open: bool, body: Vec<S>) -> Rc<Func> {
    Rc::new(Func { open, body })
}

#[test]
fn stepped_matches_the_engine_on_hand_written_programs() {
    use S::*;
    let progs = vec![
        // recover in a deferred call; a normal-exit defer after it
        f(
            true,
            vec![
                Defer(f(false, vec![Log("first registered")])),
                Defer(f(true, vec![Recover("rec")])),
                Panic("boom"),
            ],
        ),
        // nested panic inside a deferred call, recovered by an outer one
        f(
            false,
            vec![
                Defer(f(false, vec![Recover("outer rec")])),
                Defer(f(
                    true,
                    vec![Defer(f(true, vec![Recover("inner rec")])), Panic("second")],
                )),
                Panic("first"),
            ],
        ),
        // defer recover() inside a deferred function (A9/C2)
        f(
            true,
            vec![
                Defer(f(true, vec![Recover("main sees")])),
                Defer(f(
                    true,
                    vec![Defer(f(true, vec![RecoverWrapped("wrapped")]))],
                )),
                Panic("boom"),
            ],
        ),
        // Goexit, then a panic during it recovered, Goexit resumes
        f(
            false,
            vec![
                Defer(f(true, vec![Log("last")])),
                Defer(f(true, vec![Recover("rec during goexit")])),
                Defer(f(false, vec![Panic("during goexit")])),
                Goexit,
            ],
        ),
        // a panic from a defer of a deferred call at a normal return
        f(
            true,
            vec![
                Defer(f(true, vec![Recover("caller rec")])),
                Call(f(
                    true,
                    vec![Defer(f(true, vec![Defer(f(true, vec![Panic("deep")]))]))],
                )),
                Log("not reached"),
            ],
        ),
        // unrecovered chain with a recovered entry still on the stack
        f(
            false,
            vec![
                Defer(f(false, vec![Recover("r1"), Panic("second")])),
                Panic("first"),
            ],
        ),
    ];
    for p in &progs {
        let (a, b) = both(p);
        assert_eq!(a.out, b.out, "program {p:?}");
        assert_eq!(a.died, b.died, "program {p:?}");
    }
}

/// xorshift64*
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) % n
    }
}

const TAGS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

fn gen(rng: &mut Rng, depth: u32) -> Rc<Func> {
    let n = 1 + rng.below(4);
    let mut body = Vec::new();
    for _ in 0..n {
        let t = TAGS[rng.below(6) as usize];
        body.push(match rng.below(10) {
            0 | 1 => S::Log(t),
            2 => S::Recover(t),
            3 => S::RecoverWrapped(t),
            4 => S::Panic(t),
            5 if rng.below(4) == 0 => S::Goexit,
            6 | 7 if depth < 3 => S::Defer(gen(rng, depth + 1)),
            8 if depth < 3 => S::Call(gen(rng, depth + 1)),
            _ => S::Log(t),
        });
    }
    f(rng.below(2) == 0, body)
}

#[test]
fn stepped_matches_the_engine_on_random_programs() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let n = if cfg!(miri) { 40 } else { 3000 };
    let (mut died, mut recovered, mut goexits) = (0, 0, 0);
    for i in 0..n {
        let p = gen(&mut rng, 0);
        let (a, b) = both(&p);
        assert_eq!(a.out, b.out, "program {i}: {p:?}");
        assert_eq!(a.died, b.died, "program {i}: {p:?}");
        died += usize::from(a.died.is_some());
        goexits += usize::from(a.died.as_deref().is_some_and(|d| d.contains("Goexit")));
        recovered += usize::from(a.out.iter().any(|l| l.len() == 3 && !l.ends_with("<nil>")));
    }
    // The programs exercise the interesting paths, not just plain returns.
    assert!(
        died * 10 > n && recovered * 50 > n && goexits > 0,
        "{died} died, {recovered} recovered, {goexits} Goexits"
    );
}

// The design's hard case, at the core level: a panic is running a deferred
// call; the call "blocks" half-way (the embedder stops, keeps the Leaving
// cursor and the call's frame, and sends the task to another thread); it
// resumes there with that thread's worker, recovers, and the function
// returns normally. Nothing of the first thread's stack is involved.
#[test]
fn a_deferred_call_suspended_mid_panic_resumes_on_another_thread() {
    use deferrt_core::{Cx, Pool, Sendable, Task, Worker};
    #[derive(Clone, Debug, PartialEq)]
    struct Boom(&'static str);
    impl deferrt_core::PanicValue for Boom {}
    /// `defer func() { v := <-ch; log(v, recover()) }()`, as data.
    struct RecvThenRecover;
    impl Deferred<Vec<String>, Boom, deferrt_core::Sendable> for RecvThenRecover {
        fn call(self, _: &mut Cx<'_, Vec<String>, Boom, Sendable>) -> Outcome {
            unreachable!("handed out by leave_next, run by the embedder")
        }
    }
    let pool = Pool::new();
    let mut t: Task<Vec<String>, Boom, Sendable> = Task::new(&pool);
    let mut w1 = Worker::new(&pool);
    let mut log1 = Vec::new();
    // Thread 1: f() { defer RecvThenRecover; for i in 0..40 { defer log(i) }; panic("boom") }
    let (l, frame) = {
        let mut cx = t.cx(&mut w1, &mut log1).unwrap();
        let f = cx.enter();
        cx.defer_call(RecvThenRecover);
        for i in 0..40 {
            cx.defer(move |cx: &mut Cx<'_, Vec<String>, Boom, Sendable>| {
                cx.env().push(format!("loop defer {i}"));
                Ok(())
            });
        }
        let u = cx.panic(Boom("boom"));
        let mut l = cx.leave_start(f, Err(u));
        // The loop defers are closures: leave_next runs them itself, then
        // hands out the data record.
        match cx.leave_next::<RecvThenRecover, 1>(&mut l, None) {
            LeaveStep::Call {
                call: RecvThenRecover,
                frame,
            } => {
                cx.env().push("deferred call blocks on <-ch".into());
                (l, frame) // suspended: the Cx goes away here
            }
            LeaveStep::Done(_) => panic!("the deferred call was not handed out"),
        }
    };
    assert_eq!(log1.len(), 41);
    assert!(
        w1.cached() > 0,
        "thread 1's worker got the loop records back"
    );
    let p2 = pool.clone();
    let (t, log2, r) = std::thread::spawn(move || {
        let (mut t, mut l) = (t, l);
        let mut w2 = Worker::new(&p2);
        let mut log = Vec::new();
        let mut cx = t.cx(&mut w2, &mut log).unwrap();
        // Resumed: the receive completes, then recover() in the same frame.
        let v = cx.recover();
        cx.env().push(format!("resumed, recover() = {v:?}"));
        let r = cx.leave(frame, Ok(()));
        cx.leave_resume(&mut l, r);
        let r = match cx.leave_next::<RecvThenRecover, 1>(&mut l, None) {
            LeaveStep::Done(r) => r,
            LeaveStep::Call { .. } => panic!("one deferred call only"),
        };
        (t, log, r)
    })
    .join()
    .unwrap();
    assert_eq!(r, Ok(()), "recovered: f returns normally");
    assert_eq!(log2, ["resumed, recover() = Some(Boom(\"boom\"))"]);
    assert_eq!(log1[0], "loop defer 39");
    assert_eq!(log1[40], "deferred call blocks on <-ch");
    assert_eq!(t.depth(), 0);
    assert!(!t.is_unwinding());
    drop((t, w1));
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free, "every record back in the pool");
}

#[test]
#[should_panic(expected = "leave_next: the frame being left is not the innermost")]
fn leave_next_before_the_handed_out_call_is_finished_panics() {
    let _ = run(|cx| {
        let f = cx.enter();
        cx.defer_call(Call(
            Rc::new(Func {
                open: false,
                body: vec![],
            }),
            true,
        ));
        cx.defer_call(Call(
            Rc::new(Func {
                open: false,
                body: vec![],
            }),
            true,
        ));
        let mut l = cx.leave_start(f, Ok(()));
        let _first = cx.leave_next::<Call, 1>(&mut l, None);
        let _second = cx.leave_next::<Call, 1>(&mut l, None); // misuse
        Ok(())
    });
}

#[test]
#[should_panic(expected = "leave_resume: the frame at depth 2 has been left already")]
fn leave_resume_after_done_panics() {
    let _ = run(|cx| {
        let f = cx.enter();
        let mut l = cx.leave_start(f, Ok(()));
        assert!(matches!(
            cx.leave_next::<Call, 1>(&mut l, None),
            LeaveStep::Done(Ok(()))
        ));
        cx.leave_resume(&mut l, Ok(())); // misuse
        Ok(())
    });
}

// ---- Token rules (issue 8's hardening applied to the stepped exit) ----

/// A second task on the same pool, for tokens of another task.
fn with_other_task(f: impl FnOnce(&mut C<'_>, &mut C<'_>)) {
    use deferrt_core::{Pool, Task, Worker};
    let pool = Pool::new();
    let (mut wa, mut wb) = (Worker::new(&pool), Worker::new(&pool));
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let mut a: Task<Env, V> = Task::new(&pool);
    let mut b: Task<Env, V> = Task::new(&pool);
    let mut ca = a.cx(&mut wa, &mut ea).unwrap();
    let mut cb = b.cx(&mut wb, &mut eb).unwrap();
    f(&mut ca, &mut cb);
}

fn data_call() -> Call {
    Call(
        Rc::new(Func {
            open: false,
            body: vec![],
        }),
        true,
    )
}

#[test]
#[should_panic(expected = "deferrt: Frame of another task passed to Cx::leave_start")]
fn leave_start_with_another_tasks_frame_panics() {
    with_other_task(|a, b| {
        let f = a.enter();
        let _ = b.leave_start(f, Ok(()));
    });
}

#[test]
#[should_panic(expected = "deferrt: Leaving of another task passed to Cx::leave_next")]
fn leave_next_with_another_tasks_leaving_panics() {
    with_other_task(|a, b| {
        let fa = a.enter();
        let _fb = b.enter();
        let mut l = a.leave_start(fa, Ok(()));
        let _ = b.leave_next::<Call, 1>(&mut l, None);
    });
}

#[test]
#[should_panic(expected = "deferrt: Leaving of another task passed to Cx::leave_resume")]
fn leave_resume_with_another_tasks_leaving_panics() {
    with_other_task(|a, b| {
        let fa = a.enter();
        a.defer_call(data_call());
        let mut l = a.leave_start(fa, Ok(()));
        let LeaveStep::Call { frame, .. } = a.leave_next::<Call, 1>(&mut l, None) else {
            panic!("not handed out")
        };
        let _ = a.leave(frame, Ok(()));
        b.leave_resume(&mut l, Ok(()));
    });
}

#[test]
#[should_panic(expected = "deferrt: OpenFrame of another task passed to Cx::leave_next")]
fn leave_next_with_another_tasks_open_frame_panics() {
    with_other_task(|a, b| {
        let fa = a.enter();
        let mut ob = b.enter_open::<Call, 8>();
        let mut l = a.leave_start(fa, Ok(()));
        let _ = a.leave_next(&mut l, Some(&mut ob));
    });
}

#[test]
#[should_panic(expected = "deferrt: Unwind of another task, or of a panic already recovered")]
fn leave_start_with_another_tasks_unwind_panics() {
    with_other_task(|a, b| {
        let f = a.enter();
        let u = b.panic(V::S("b's"));
        let _ = a.leave_start(f, Err(u));
    });
}

#[test]
#[should_panic(
    expected = "deferrt: Unwind of an earlier panic of this task (not its newest) passed to Cx::leave_resume"
)]
fn leave_resume_with_a_stale_unwind_panics() {
    let _ = run(|cx| {
        let f = cx.enter();
        cx.defer_call(data_call());
        let old = cx.panic(V::S("old"));
        let new = cx.panic(V::S("new"));
        let mut l = cx.leave_start(f, Err(new));
        let LeaveStep::Call { frame, .. } = cx.leave_next::<Call, 1>(&mut l, None) else {
            panic!("not handed out")
        };
        // The call claims to unwind with the older panic: refused.
        let _ = cx.leave(frame, Ok(()));
        cx.leave_resume(&mut l, Err(old));
        Ok(())
    });
}

/// A `Leaving` whose frame was abandoned (an outer frame was left first)
/// is done at once, with the outcome it had, and changes nothing.
#[test]
fn a_leaving_of_an_abandoned_frame_is_done_and_changes_nothing() {
    let r = run(|cx| {
        let outer = cx.enter();
        let inner = cx.enter();
        cx.defer(|cx| {
            say(cx, "discarded, never run");
            Ok(())
        });
        let mut l = cx.leave_start(inner, Ok(()));
        cx.exit(outer)?; // abandons the inner frame: its call is discarded
        assert_eq!(cx.task().discarded_calls(), 1);
        let again = cx.enter(); // a later frame of the inner frame's depth
        cx.defer(|cx| {
            say(cx, "the later frame's own call");
            Ok(())
        });
        assert!(matches!(
            cx.leave_next::<Call, 1>(&mut l, None),
            LeaveStep::Done(Ok(()))
        ));
        assert_eq!(cx.task().depth(), 2, "the later frame is still open");
        assert_eq!(cx.task().pending_records(), 1);
        cx.exit(again)
    });
    assert_eq!(r.out(), ["the later frame's own call"]);
}

/// The frame handed out with a call is an ordinary frame token. If the
/// embedder does not leave it, `leave_resume` leaves it (its own defers run)
/// and it goes stale: leaving it later does nothing, even while a later
/// frame of its depth is open.
#[test]
fn a_handed_out_frame_not_left_is_left_by_leave_resume_and_goes_stale() {
    let r = run(|cx| {
        let f = cx.enter();
        cx.defer_call(data_call());
        let mut l = cx.leave_start(f, Ok(()));
        let LeaveStep::Call { frame, .. } = cx.leave_next::<Call, 1>(&mut l, None) else {
            panic!("not handed out")
        };
        assert_eq!(frame.depth(), 3);
        cx.defer(|cx| {
            say(cx, "the call's own defer");
            Ok(())
        });
        cx.leave_resume(&mut l, Ok(())); // `frame` was not left
        assert_eq!(cx.task().depth(), 2);
        assert!(matches!(
            cx.leave_next::<Call, 1>(&mut l, None),
            LeaveStep::Done(Ok(()))
        ));
        let g = cx.enter();
        let h = cx.enter(); // depth 3 again
        cx.defer(|cx| {
            say(cx, "h's defer");
            Ok(())
        });
        assert_eq!(cx.exit(frame), Ok(())); // stale: does nothing
        assert_eq!(cx.task().depth(), 3);
        cx.exit(h)?;
        cx.exit(g)
    });
    assert_eq!(r.out(), ["the call's own defer", "h's defer"]);
}

/// `leave_start_open` takes the open frame's token: leaving it again with
/// `exit_open` does nothing, even while a later frame of its depth is open.
#[test]
fn an_open_frame_left_in_steps_cannot_be_left_again() {
    let r = run(|cx| {
        let mut o = cx.enter_open::<Call, 8>();
        let mut l = cx.leave_start_open(&mut o, Ok(()));
        assert!(matches!(
            cx.leave_next(&mut l, Some(&mut o)),
            LeaveStep::Done(Ok(()))
        ));
        let g = cx.enter(); // the same depth and generation as `o`
        cx.defer(|cx| {
            say(cx, "g's defer");
            Ok(())
        });
        assert_eq!(cx.exit_open(o), Ok(()));
        assert_eq!(cx.task().depth(), 2, "g is still open");
        cx.exit(g)
    });
    assert_eq!(r.out(), ["g's defer"]);
}

/// An open frame adopted on a handed-out frame is left through that frame:
/// its slots run in the stepped exit, and afterwards its token is stale.
#[test]
fn an_adopted_open_frame_is_left_through_the_handed_out_frame() {
    let r = run(|cx| {
        let f = cx.enter();
        cx.defer_call(data_call());
        let mut l = cx.leave_start(f, Ok(()));
        let LeaveStep::Call { frame, .. } = cx.leave_next::<Call, 1>(&mut l, None) else {
            panic!("not handed out")
        };
        let mut o = cx.adopt_open::<Call, 8>();
        o.defer_at(
            0,
            Call(
                Rc::new(Func {
                    open: false,
                    body: vec![S::Log("adopted slot")],
                }),
                true,
            ),
        )
        .unwrap();
        let l2 = cx.leave_start(frame, Ok(()));
        let r = drive(cx, l2, Some(&mut o));
        cx.leave_resume(&mut l, r);
        assert!(matches!(
            cx.leave_next::<Call, 1>(&mut l, None),
            LeaveStep::Done(Ok(()))
        ));
        let g = cx.enter();
        let h = cx.enter(); // the adopted frame's depth
        cx.defer(|cx| {
            say(cx, "h's defer");
            Ok(())
        });
        assert_eq!(cx.exit_open(o), Ok(())); // stale: does nothing
        assert_eq!(cx.task().depth(), 3);
        assert_eq!(cx.task().pending_records(), 1, "h's call did not run yet");
        say(cx, "h returns");
        cx.exit(h)?;
        cx.exit(g)
    });
    assert_eq!(r.out(), ["adopted slot", "h returns", "h's defer"]);
}

#[test]
#[should_panic(expected = "deferrt: leave_resume: no call of the frame at depth 2 is running")]
fn leave_resume_without_a_handed_out_call_panics() {
    let _ = run(|cx| {
        let f = cx.enter();
        let mut l = cx.leave_start(f, Ok(()));
        cx.leave_resume(&mut l, Ok(()));
        Ok(())
    });
}

#[test]
#[should_panic(expected = "deferrt: a deferred call left a frame that encloses it")]
fn a_handed_out_call_that_leaves_the_frame_being_left_panics() {
    let _ = run(|cx| {
        let outer = cx.enter();
        let f = cx.enter();
        cx.defer_call(data_call());
        let mut l = cx.leave_start(f, Ok(()));
        let LeaveStep::Call { frame, .. } = cx.leave_next::<Call, 1>(&mut l, None) else {
            panic!("not handed out")
        };
        drop(frame);
        cx.exit(outer)?; // leaves the frame being left, from inside its call
        cx.leave_resume(&mut l, Ok(()));
        Ok(())
    });
}

/// An open frame adopted on the frame being left, between two steps, does
/// not outlive the stepped exit: its token is stale once the frame is left.
#[test]
fn a_frame_adopted_between_steps_goes_stale_with_the_frame() {
    let r = run(|cx| {
        let f = cx.enter();
        let mut l = cx.leave_start(f, Ok(()));
        let o = cx.adopt_open::<Call, 8>(); // misuse: adopts the frame being left
        assert!(matches!(
            cx.leave_next::<Call, 1>(&mut l, None),
            LeaveStep::Done(Ok(()))
        ));
        let g = cx.enter(); // depth 2 again
        cx.defer(|cx| {
            say(cx, "g's defer");
            Ok(())
        });
        assert_eq!(cx.exit_open(o), Ok(())); // stale: does nothing
        assert_eq!(cx.task().depth(), 2, "g is still open");
        assert_eq!(cx.task().pending_records(), 1, "g's call did not run yet");
        say(cx, "g returns");
        cx.exit(g)
    });
    assert_eq!(r.out(), ["g returns", "g's defer"]);
}
