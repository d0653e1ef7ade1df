//! `Cx::defer_to`: a defer in a range-over-func loop body belongs to the
//! enclosing function (Go 1.23). Each test quotes the Go program it
//! mirrors; the expected output is what Go 1.27.3 printed for it.

mod common;
use common::*;
use deferrt_core::{FrameRef, Outcome};

/// The iterator: `func(yield func(int) bool) { defer log("iterator done");
/// for i := 0; i < n; i++ { if !yield(i) { return } } }`, with the loop
/// body given as `body` (run in a frame of its own, as gc's closure).
fn iterate(
    cx: &mut C<'_>,
    n: i64,
    body: &dyn Fn(&mut C<'_>, i64) -> Result<bool, deferrt_core::Unwind>,
) -> Outcome {
    cx.call(|cx| {
        cx.defer(|cx| {
            say(cx, "iterator done");
            Ok(())
        });
        for i in 0..n {
            let go_on = cx.call(|cx| body(cx, i))?.unwrap_or(false);
            if !go_on {
                break;
            }
        }
        Ok(())
    })
    .map(drop)
}

fn body_defer(cx: &mut C<'_>, at: FrameRef, i: i64) {
    cx.defer_to(at, move |cx| {
        say(cx, format!("body defer {i}"));
        Ok(())
    });
}

// func f() {
//     defer fmt.Println("f's own defer")
//     for i := range seq(3) { defer fmt.Println("body defer", i) }
//     fmt.Println("f after loop")
// }
// -> iterator done / f after loop / body defer 2 / body defer 1 / body defer 0 / f's own defer
#[test]
fn body_defers_run_at_the_enclosing_functions_exit() {
    let r = run(|cx| {
        let f = cx.enter();
        let at = f.id();
        cx.defer(|cx| {
            say(cx, "f's own defer");
            Ok(())
        });
        let body = iterate(cx, 3, &|cx, i| {
            body_defer(cx, at, i);
            Ok(true)
        });
        if body.is_ok() {
            say(cx, "f after loop");
        }
        cx.leave(f, body)
    });
    assert_eq!(
        r.out(),
        [
            "iterator done",
            "f after loop",
            "body defer 2",
            "body defer 1",
            "body defer 0",
            "f's own defer"
        ]
    );
    assert!(r.died.is_none());
}

// A panic in the loop body after two body defers: the iterator's defer
// runs first (its frame is left first), then the body defers with f's,
// and f's recover sees the panic.
// func f() {
//     defer func() { fmt.Println("f recovers", recover()) }()
//     for i := range seq(3) { defer fmt.Println("body defer", i); if i == 1 { panic("in body") } }
// }
#[test]
fn a_panic_in_the_body_runs_body_defers_with_the_enclosing_frame() {
    let r = run(|cx| {
        let f = cx.enter();
        let at = f.id();
        cx.defer(|cx| {
            let v = cx.recover();
            say(cx, format!("f recovers {v:?}"));
            Ok(())
        });
        let body = iterate(cx, 3, &|cx, i| {
            body_defer(cx, at, i);
            if i == 1 {
                return Err(cx.panic(V::S("in body")));
            }
            Ok(true)
        });
        cx.leave(f, body)
    });
    assert_eq!(
        r.out(),
        [
            "iterator done",
            "body defer 1",
            "body defer 0",
            "f recovers Some(S(\"in body\"))"
        ]
    );
    assert!(r.died.is_none());
}

// The enclosing frame open-coded: its slots run first, then the chain calls
// the body registered on it (gc makes such a function chain-tier, but an
// embedder mixing tiers still gets every call run exactly once).
#[test]
fn body_defers_on_an_open_frame_run_after_its_slots() {
    type Slot = fn(&mut C<'_>) -> Outcome;
    let r = run(|cx| {
        let mut f = cx.enter_open::<Slot, 1>();
        f.defer::<0>(|cx| {
            say(cx, "slot");
            Ok(())
        });
        let at = f.id();
        let body = iterate(cx, 2, &|cx, i| {
            body_defer(cx, at, i);
            Ok(true)
        });
        match body {
            Ok(()) => cx.exit_open(f),
            Err(u) => cx.unwind_open(f, u),
        }
    });
    assert_eq!(
        r.out(),
        ["iterator done", "slot", "body defer 1", "body defer 0"]
    );
}

#[test]
#[should_panic(expected = "defer_to: the frame at depth 3 is not open")]
fn defer_to_a_frame_that_is_not_open_panics() {
    let _ = run(|cx| {
        let inner = cx.enter();
        let stale = {
            let deeper = cx.enter();
            let id = deeper.id();
            cx.exit(deeper)?;
            id
        };
        cx.defer_to(stale, |_| Ok(()));
        cx.exit(inner)
    });
}

#[test]
#[should_panic(expected = "deferrt: FrameRef of another task passed to Cx::defer_to")]
fn defer_to_another_tasks_frame_panics() {
    use deferrt_core::{Pool, Task, Worker};
    let pool = Pool::new();
    let (mut wa, mut wb) = (Worker::new(&pool), Worker::new(&pool));
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let mut a: Task<Env, V> = Task::new(&pool);
    let mut b: Task<Env, V> = Task::new(&pool);
    let mut ca = a.cx(&mut wa, &mut ea).unwrap();
    let mut cb = b.cx(&mut wb, &mut eb).unwrap();
    let fa = ca.enter();
    let _fb = cb.enter();
    cb.defer_to(fa.id(), |_| Ok(()));
}

/// A FrameRef of an abandoned frame is told from a later frame of the same
/// depth (the generation moved on): refused, not registered on the later
/// frame.
#[test]
#[should_panic(expected = "defer_to: the frame at depth 3 is not open")]
fn defer_to_an_abandoned_frame_panics_even_at_its_depth() {
    let _ = run(|cx| {
        let inner = cx.enter();
        let deeper = cx.enter();
        let stale = deeper.id();
        drop(deeper); // never left
        cx.exit(inner)?; // abandons it
        let inner = cx.enter();
        let again = cx.enter(); // depth 3 again, a new generation
        cx.defer_to(stale, |_| Ok(()));
        cx.exit(again)?;
        cx.exit(inner)
    });
}
