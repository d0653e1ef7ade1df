//! The rules of `docs/GO-SEMANTICS.md` (by ID), one test each (or more), through the core
//! API the way an embedder drives it. Each test quotes the Go program it
//! mirrors; the expected output is what Go 1.27.3 printed for it.

mod common;
use common::*;
use deferrt_core::{Outcome, Unwind};

/// Go: a function with a defer that logs; `name` is the function.
fn logging(cx: &mut C<'_>, msg: &'static str) {
    cx.defer(move |cx| {
        say(cx, msg);
        Ok(())
    });
}

/// A deferred `func() { fmt.Println(tag, recover()) }`.
fn recovering(cx: &mut C<'_>, tag: &'static str) {
    cx.defer(move |cx| {
        let r = cx.recover();
        say(cx, format!("{tag} {}", show(r)));
        Ok(())
    });
}

fn show(v: Option<V>) -> String {
    match v {
        Some(v) => v.to_string(),
        None => "<nil>".into(),
    }
}

// A5: for i := 0; i < 3; i++ { defer fmt.Println(i) } -> 2 1 0
#[test]
fn a5_lifo_order_on_normal_return() {
    let r = run(|cx| {
        for i in 0..3 {
            cx.defer(move |cx| {
                say(cx, i.to_string());
                Ok(())
            });
        }
        say(cx, "body");
        Ok(())
    });
    assert_eq!(r.out(), ["body", "2", "1", "0"]);
    assert!(r.died.is_none());
}

// A5: a function literal's defers belong to that call; recursion has a list
// per invocation.
// func rec(n int) { defer fmt.Println("leave", n); if n > 0 { rec(n-1) }; fmt.Println("after", n) }
#[test]
fn a5_each_invocation_has_its_own_list() {
    fn rec(cx: &mut C<'_>, n: u32) -> Outcome {
        cx.call(|cx| {
            cx.defer(move |cx| {
                say(cx, format!("leave {n}"));
                Ok(())
            });
            if n > 0 {
                rec(cx, n - 1)?;
            }
            say(cx, format!("after {n}"));
            Ok(())
        })
        .map(|_| ())
    }
    let r = run(|cx| rec(cx, 2));
    assert_eq!(
        r.out(),
        ["after 0", "leave 0", "after 1", "leave 1", "after 2", "leave 2"]
    );
}

// B1: panics run the defers of every frame, innermost first; code after the
// call sites never runs; unrecovered -> report, status 2.
// func g() { defer fmt.Println("g"); panic("boom") }
// func f() { defer fmt.Println("f"); g(); fmt.Println("unreached") }
// func main() { defer fmt.Println("main"); f() }
#[test]
fn b1_panic_runs_every_frame_then_crashes() {
    let r = run(|cx| {
        logging(cx, "main");
        cx.call(|cx| {
            logging(cx, "f");
            cx.call(|cx| -> Result<(), Unwind> {
                logging(cx, "g");
                Err(cx.panic(V::S("boom")))
            })?;
            say(cx, "unreached");
            Ok(())
        })?;
        say(cx, "unreached");
        Ok(())
    });
    assert_eq!(r.out(), ["g", "f", "main"]);
    assert_eq!(
        r.died.as_deref(),
        Some("panic: boom\n\ngoroutine 1 [running]:\n")
    );
}

// B2: panic(nil) becomes a PanicNilError through the value hook.
#[test]
fn b2_panic_nil_goes_through_the_hook() {
    let r = run(|cx| {
        recovering(cx, "got");
        Err(cx.panic(V::Nil))
    });
    assert_eq!(
        r.out(),
        ["got panic called with nil argument (goexit=false)"]
    );
    let r = run(|cx| Err(cx.panic(V::Nil)));
    assert_eq!(
        r.died.as_deref(),
        Some("panic: panic called with nil argument (goexit=false)\n\ngoroutine 1 [running]:\n")
    );
}

// C1: recover is nil when not panicking, inside or outside deferred calls.
#[test]
fn c1_recover_is_nil_when_not_panicking() {
    let r = run(|cx| {
        let v = cx.recover();
        say(cx, show(v));
        recovering(cx, "deferred");
        Ok(())
    });
    assert_eq!(r.out(), ["<nil>", "deferred <nil>"]);
}

// C2/C4: defer helper() where helper recovers works; the function that
// deferred it returns normally to its caller, after its remaining defers.
// func f() (r int) { defer fmt.Println("earlier"); defer func(){ fmt.Println(recover()); r = 7 }(); r = 1; panic("p") }
// func main() { fmt.Println("f =", f()) }
#[test]
fn c4_recovery_returns_normally_with_named_results() {
    use std::cell::Cell;
    use std::rc::Rc;
    let r = run(|cx| {
        let res = Rc::new(Cell::new(0));
        let rr = res.clone();
        let out = cx.call(move |cx| -> Result<i32, Unwind> {
            logging(cx, "earlier");
            let rr2 = rr.clone();
            cx.defer(move |cx| {
                let v = cx.recover();
                say(cx, show(v));
                rr2.set(7);
                Ok(())
            });
            rr.set(1);
            Err(cx.panic(V::S("p")))
        })?;
        // Ok(None): recovered; the caller reads the named result.
        assert_eq!(out, None);
        say(cx, format!("f = {}", res.get()));
        Ok(())
    });
    assert_eq!(r.out(), ["p", "earlier", "f = 7"]);
    assert!(r.died.is_none());
}

// C4: frames between the panic and the recovering frame are discarded and
// their defers have already run.
#[test]
fn c4_frames_between_are_discarded() {
    let r = run(|cx| {
        let v = cx.call(|cx| -> Result<(), Unwind> {
            recovering(cx, "outer recovered");
            cx.call(|cx| -> Result<(), Unwind> {
                logging(cx, "middle defer");
                cx.call(|cx| -> Result<(), Unwind> {
                    logging(cx, "inner defer");
                    Err(cx.panic(V::S("deep")))
                })?;
                say(cx, "unreached");
                Ok(())
            })?;
            say(cx, "unreached");
            Ok(())
        })?;
        say(cx, format!("returned {v:?}"));
        Ok(())
    });
    assert_eq!(
        r.out(),
        [
            "inner defer",
            "middle defer",
            "outer recovered deep",
            "returned None"
        ]
    );
}

// C2: recover called by a helper of the deferred call is nil; the panic
// goes on. func helper() { fmt.Println("helper", recover()) }
// defer func() { helper() }(); panic("p")
#[test]
fn c2_recover_in_a_helper_does_nothing() {
    let r = run(|cx| {
        cx.defer(|cx| {
            cx.call(|cx| {
                let v = cx.recover();
                say(cx, format!("helper {}", show(v)));
                Ok(())
            })?;
            Ok(())
        });
        Err(cx.panic(V::S("p")))
    });
    assert_eq!(r.out(), ["helper <nil>"]);
    assert_eq!(
        r.died.as_deref(),
        Some("panic: p\n\ngoroutine 1 [running]:\n")
    );
}

// C2: a function deferred by the deferred function gets nil
// (runtime TestRecoverMatching).
#[test]
fn c2_defer_of_the_deferred_call_cannot_recover() {
    let r = run(|cx| {
        cx.defer(|cx| {
            recovering(cx, "nested");
            Ok(())
        });
        Err(cx.panic(V::S("p")))
    });
    assert_eq!(r.out(), ["nested <nil>"]);
    assert!(r.died.is_some());
}

// C2, the other way round: the deferred call's own frame is the one that
// recovers, even after it entered and left helper frames.
#[test]
fn c2_recover_after_helpers_returned_still_works() {
    let r = run(|cx| {
        cx.defer(|cx| {
            cx.call(|cx| {
                say(cx, "helper");
                Ok(())
            })?;
            let v = cx.recover();
            say(cx, format!("direct {}", show(v)));
            Ok(())
        });
        Err(cx.panic(V::S("p")))
    });
    assert_eq!(r.out(), ["helper", "direct p"]);
    assert!(r.died.is_none());
}

// C3: first call wins: a second recover, in the same or a later deferred
// call, returns nil.
#[test]
fn c3_second_recover_is_nil() {
    let r = run(|cx| {
        recovering(cx, "later");
        cx.defer(|cx| {
            let a = cx.recover();
            let b = cx.recover();
            say(cx, format!("{} {}", show(a), show(b)));
            Ok(())
        });
        Err(cx.panic(V::S("once")))
    });
    assert_eq!(r.out(), ["once <nil>", "later <nil>"]);
}

// C5: a panic started by a deferred call during a normal return can be
// recovered by an earlier-registered defer; the result set by return stays.
// func f() int { defer func(){ fmt.Println("rec", recover()) }(); defer func(){ panic("x") }(); return 5 }
// -> "rec x", f() == 5
#[test]
fn c5_panic_in_defer_at_normal_return_recovered_by_earlier_defer() {
    let r = run(|cx| {
        let v = cx.call(|cx| {
            recovering(cx, "rec");
            cx.defer(|cx| Err(cx.panic(V::S("x"))));
            Ok(5)
        })?;
        say(cx, format!("{v:?}"));
        Ok(())
    });
    assert_eq!(r.out(), ["rec x", "Some(5)"]);
}

// A7/A9: a deferred panic(v) starts a panic at function exit.
#[test]
fn a9_deferred_panic_runs_at_exit() {
    let r = run(|cx| {
        logging(cx, "first registered, last run");
        cx.defer(|cx| Err(cx.panic(V::S("deferred panic"))));
        say(cx, "body done");
        Ok(())
    });
    assert_eq!(r.out(), ["body done", "first registered, last run"]);
    assert_eq!(
        r.died.as_deref(),
        Some("panic: deferred panic\n\ngoroutine 1 [running]:\n")
    );
}

// B4 (second bullet): a panic recovered inside the deferred call that
// started it lets the older panic continue.
#[test]
fn b4_inner_recovery_lets_the_older_panic_continue() {
    let r = run(|cx| {
        recovering(cx, "main recovers");
        cx.defer(|cx| {
            recovering(cx, "inner recovers");
            Err(cx.panic(V::S("second")))
        });
        Err(cx.panic(V::S("first")))
    });
    assert_eq!(r.out(), ["inner recovers second", "main recovers first"]);
    assert!(r.died.is_none());
}

// B4 (first bullet, TestAbortedPanic): a newer panic recovered at or above
// the frame whose deferred call started it aborts the older one for good.
#[test]
fn b4_outer_recovery_aborts_the_older_panic() {
    let r = run(|cx| {
        recovering(cx, "after abort");
        cx.call(|cx| -> Result<(), Unwind> {
            recovering(cx, "recovers");
            cx.defer(|cx| Err(cx.panic(V::S("second"))));
            Err(cx.panic(V::S("first")))
        })?;
        say(cx, "f returned normally");
        Ok(())
    });
    assert_eq!(
        r.out(),
        [
            "recovers second",
            "f returned normally",
            "after abort <nil>"
        ]
    );
    assert!(r.died.is_none());
}

// B4: recover always returns the newest panic.
#[test]
fn b4_recover_returns_the_newest_panic() {
    let r = run(|cx| {
        recovering(cx, "got");
        cx.defer(|cx| Err(cx.panic(V::S("newer"))));
        Err(cx.panic(V::S("older")))
    });
    assert_eq!(r.out(), ["got newer"]);
    assert!(r.died.is_none());
}

// B5: layered handlers that re-panic until the right level recovers
// (TestDeferWithRepeatedRepanics).
#[test]
fn b5_layered_repanics() {
    fn level(cx: &mut C<'_>, n: u32) -> Outcome {
        cx.call(|cx| -> Result<(), Unwind> {
            cx.defer(move |cx| {
                let v = cx.recover();
                say(cx, format!("level {n}: {}", show(v.clone())));
                match v {
                    Some(v) if n > 0 => Err(cx.panic(v)),
                    _ => Ok(()),
                }
            });
            if n < 3 {
                level(cx, n + 1)
            } else {
                Err(cx.panic(V::I(42)))
            }
        })
        .map(|_| ())
    }
    let r = run(|cx| level(cx, 0));
    assert_eq!(
        r.out(),
        ["level 3: 42", "level 2: 42", "level 1: 42", "level 0: 42"]
    );
    assert!(r.died.is_none());
}

// E3: one deferred call does recover(); panic(new) -> "[recovered]" then
// the new one on a tab-led line.
#[test]
fn e3_recovered_then_new_panic() {
    let r = run(|cx| {
        cx.defer(|cx| {
            let _ = cx.recover();
            Err(cx.panic(V::S("second panic")))
        });
        Err(cx.panic(V::S("first panic")))
    });
    assert_eq!(
        r.died.as_deref(),
        Some("panic: first panic [recovered]\n\tpanic: second panic\n\ngoroutine 1 [running]:\n")
    );
}

// E3: panic(recover()) -> "[recovered, repanicked]", printed once.
#[test]
fn e3_repanicked_same_value() {
    let r = run(|cx| {
        cx.defer(|cx| {
            let v = cx.recover().unwrap();
            Err(cx.panic(v))
        });
        Err(cx.panic(V::S("message")))
    });
    assert_eq!(
        r.died.as_deref(),
        Some("panic: message [recovered, repanicked]\n\ngoroutine 1 [running]:\n")
    );
}

// E4: identity, not equality: a runtime-built string with the same text is
// a different value, so both lines print.
#[test]
fn e4_runtime_string_is_not_identical() {
    let r = run(|cx| {
        cx.defer(|cx| {
            let v = cx.recover().unwrap();
            Err(cx.panic(V::D(v.to_string().into())))
        });
        Err(cx.panic(V::S("msg")))
    });
    assert_eq!(
        r.died.as_deref(),
        Some("panic: msg [recovered]\n\tpanic: msg\n\ngoroutine 1 [running]:\n")
    );
}

// E3: a recovered panic whose recovering call returned is gone: recover in
// one defer, panic in the next -> only "panic: second".
#[test]
fn e3_recovered_and_returned_is_not_printed() {
    let r = run(|cx| {
        cx.defer(|cx| Err(cx.panic(V::S("second"))));
        recovering(cx, "rec");
        Err(cx.panic(V::S("first")))
    });
    assert_eq!(r.out(), ["rec first"]);
    assert_eq!(
        r.died.as_deref(),
        Some("panic: second\n\ngoroutine 1 [running]:\n")
    );
}

// E3 middle form, checked with Go 1.27.3:
// defer func(){ r := recover(); fmt.Println("outer got", r); panic(r) }()
// defer func(){ panic("second") }()
// panic("first")
// -> panic: first / \tpanic: second [recovered, repanicked]
#[test]
fn e3_middle_repanic() {
    let r = run(|cx| {
        cx.defer(|cx| {
            let v = cx.recover().unwrap();
            say(cx, format!("outer got {v}"));
            Err(cx.panic(v))
        });
        cx.defer(|cx| Err(cx.panic(V::S("second"))));
        Err(cx.panic(V::S("first")))
    });
    assert_eq!(r.out(), ["outer got second"]);
    assert_eq!(
        r.died.as_deref(),
        Some("panic: first\n\tpanic: second [recovered, repanicked]\n\ngoroutine 1 [running]:\n")
    );
}

// E3 sandwich: original -> recovered, wrapped -> recovered, re-panicked
// with the wrapped value.
#[test]
fn e3_sandwich() {
    let r = run(|cx| {
        cx.defer(|cx| {
            let v = cx.recover().unwrap();
            Err(cx.panic(v))
        });
        cx.defer(|cx| {
            let v = cx.recover().unwrap();
            Err(cx.panic(V::D(format!("wrapped: {v}").into())))
        });
        Err(cx.panic(V::S("original")))
    });
    assert_eq!(
        r.died.as_deref(),
        Some(
            "panic: original [recovered]\n\tpanic: wrapped: original [recovered, repanicked]\n\ngoroutine 1 [running]:\n"
        )
    );
}

// E2: a newline in a panic string is followed by a tab.
#[test]
fn e2_multiline_values_are_indented() {
    let r = run(|cx| Err(cx.panic(V::S("line one\nline two"))));
    assert_eq!(
        r.died.as_deref(),
        Some("panic: line one\n\tline two\n\ngoroutine 1 [running]:\n")
    );
}

// D1: Goexit runs every pending call, innermost first; nothing returns
// normally; recover is nil; on main the program dies of the deadlock.
#[test]
fn d1_goexit_runs_all_defers_and_cannot_be_recovered() {
    let r = run(|cx| {
        logging(cx, "main defer");
        cx.call(|cx| -> Result<(), Unwind> {
            recovering(cx, "recover during goexit");
            cx.call(|cx| -> Result<(), Unwind> {
                logging(cx, "inner defer");
                Err(cx.goexit())
            })?;
            say(cx, "unreached");
            Ok(())
        })?;
        say(cx, "unreached");
        Ok(())
    });
    assert_eq!(
        r.out(),
        ["inner defer", "recover during goexit <nil>", "main defer"]
    );
    assert!(r.died.unwrap().contains("main called runtime.Goexit"));
}

// D3: a panic raised by a deferred call during Goexit, unrecovered:
// "panic: hello" alone (the Goexit record prints nothing, no tab after it).
#[test]
fn d3_panic_after_goexit() {
    let r = run(|cx| {
        cx.defer(|cx| Err(cx.panic(V::S("hello"))));
        Err(cx.goexit())
    });
    assert_eq!(
        r.died.as_deref(),
        Some("panic: hello\n\ngoroutine 1 [running]:\n")
    );
}

// D4: recovering that panic does not cancel the Goexit: the remaining
// defers run and the goroutine still exits, even when the recovering defer
// belongs to an outer frame. Checked with Go 1.27.3:
// func inner() {
//   defer func(){ fmt.Println("inner defer, recover:", recover()) }()
//   defer func(){ fmt.Println("recovered in inner:", recover()) }()
//   defer func(){ panic("during goexit") }()
//   runtime.Goexit() }
// func main() { defer fmt.Println("main defer"); inner(); fmt.Println("not reached") }
#[test]
fn d4_recovered_panic_does_not_cancel_goexit() {
    let r = run(|cx| {
        logging(cx, "main defer");
        cx.call(|cx| -> Result<(), Unwind> {
            recovering(cx, "inner defer, recover:");
            recovering(cx, "recovered in inner:");
            cx.defer(|cx| Err(cx.panic(V::S("during goexit"))));
            Err(cx.goexit())
        })?;
        say(cx, "not reached");
        Ok(())
    });
    assert_eq!(
        r.out(),
        [
            "recovered in inner: during goexit",
            "inner defer, recover: <nil>",
            "main defer"
        ]
    );
    assert!(r.died.unwrap().contains("Goexit"));
}

// D4, outer frame: the recovering defer belongs to a frame that would
// otherwise return normally; it does not.
#[test]
fn d4_recovery_in_outer_frame_still_exits() {
    let r = run(|cx| {
        logging(cx, "main defer");
        cx.call(|cx| -> Result<(), Unwind> {
            recovering(cx, "outer recovers");
            cx.call(|cx| -> Result<(), Unwind> {
                cx.defer(|cx| Err(cx.panic(V::S("boom"))));
                Err(cx.goexit())
            })?;
            say(cx, "unreached");
            Ok(())
        })?;
        say(cx, "unreached: outer returned normally");
        Ok(())
    });
    assert_eq!(r.out(), ["outer recovers boom", "main defer"]);
    assert!(r.died.unwrap().contains("Goexit"));
}

// D5: Goexit called from a deferred call while panicking takes over; later
// deferred calls see recover() == nil; the panic is never reported.
#[test]
fn d5_goexit_in_deferred_call_takes_over_a_panic() {
    let r = run(|cx| {
        recovering(cx, "later");
        cx.defer(|cx| Err(cx.goexit()));
        Err(cx.panic(V::S("P1")))
    });
    assert_eq!(r.out(), ["later <nil>"]);
    assert!(r.died.unwrap().contains("Goexit"));
}

// D5 + D3, checked with Go 1.27.3:
// defer func(){ panic("P3") }(); defer func(){ runtime.Goexit() }(); panic("P1")
// -> panic: P1 / \tpanic: P3
#[test]
fn d5_goexit_record_in_the_middle_of_a_chain() {
    let r = run(|cx| {
        cx.defer(|cx| Err(cx.panic(V::S("P3"))));
        cx.defer(|cx| Err(cx.goexit()));
        Err(cx.panic(V::S("P1")))
    });
    assert_eq!(
        r.died.as_deref(),
        Some("panic: P1\n\tpanic: P3\n\ngoroutine 1 [running]:\n")
    );
}

// A5 + re-entrancy: a deferred call defers, and its own defer runs when the
// deferred call returns, before the next deferred call of the outer frame.
#[test]
fn reentrant_defer_inside_deferred_call() {
    let r = run(|cx| {
        logging(cx, "outer 1");
        cx.defer(|cx| {
            logging(cx, "nested");
            say(cx, "outer 2 body");
            Ok(())
        });
        Ok(())
    });
    assert_eq!(r.out(), ["outer 2 body", "nested", "outer 1"]);
}

// Re-entrancy: recover at every depth of a deferred call's call tree; only
// the deferred call's own frame can recover.
#[test]
fn recover_at_each_depth() {
    for target in 0..4u32 {
        let r = run(move |cx| {
            recovering(cx, "main");
            cx.defer(move |cx| {
                fn descend(cx: &mut C<'_>, at: u32, target: u32) -> Outcome {
                    if at == target {
                        let v = cx.recover();
                        say(cx, format!("depth {at}: {}", show(v)));
                        return Ok(());
                    }
                    cx.call(|cx| descend(cx, at + 1, target)).map(|_| ())
                }
                descend(cx, 0, target)
            });
            Err(cx.panic(V::S("p")))
        });
        if target == 0 {
            assert_eq!(r.out(), ["depth 0: p", "main <nil>"]);
        } else {
            assert_eq!(r.out()[0], format!("depth {target}: <nil>"));
            assert_eq!(r.out()[1], "main p", "the panic went on to main");
        }
    }
}

// Re-entrancy: a panic inside a deferred call during a normal exit, inside
// a deferred call during a panic.
#[test]
fn panic_in_normal_exit_inside_panicking_defer() {
    let r = run(|cx| {
        recovering(cx, "main");
        cx.defer(|cx| {
            // This deferred call runs during the panic; inside it a helper
            // returns normally but its defer panics, and the helper's
            // earlier defer recovers that.
            cx.call(|cx| {
                recovering(cx, "helper");
                cx.defer(|cx| Err(cx.panic(V::S("inner"))));
                Ok(())
            })?;
            say(cx, "deferred call continues");
            Ok(())
        });
        Err(cx.panic(V::S("outer")))
    });
    assert_eq!(
        r.out(),
        ["helper inner", "deferred call continues", "main outer"]
    );
}

// A3 analogue at the engine level: a panic before registration registers
// nothing: only the earlier defer runs.
#[test]
fn a3_panic_while_evaluating_operands_registers_nothing() {
    let r = run(|cx| {
        recovering(cx, "earlier");
        let b = 0;
        if b == 0 {
            return Err(cx.panic(V::S("runtime error: integer divide by zero")));
        }
        logging(cx, "never registered");
        Ok(())
    });
    assert_eq!(r.out(), ["earlier runtime error: integer divide by zero"]);
}

// A frame with more than 8 defers (not open-codable) and defers in a loop.
#[test]
fn many_defers_in_a_loop_are_lifo_and_all_recycled() {
    let n: u32 = if cfg!(miri) { 100 } else { 5000 };
    let r = run(move |cx| {
        for i in 0..n {
            cx.defer(move |cx| {
                say(cx, i.to_string());
                Ok(())
            });
        }
        Ok(())
    });
    let want: Vec<String> = (0..n).rev().map(|i| i.to_string()).collect();
    assert_eq!(r.out, want);
}

// E5: the classic nil "transaction" rollback inside the recover block: the
// recovered panic is marked, the fault's signal line follows the chain.
#[test]
fn e5_nil_rollback_in_recover_block() {
    let r = run(|cx| {
        cx.defer(|cx| {
            if cx.recover().is_some() {
                // tx.Rollback() on a nil tx
                return Err(cx.fault(V::NilDeref));
            }
            Ok(())
        });
        Err(cx.panic(V::S("insufficient funds")))
    });
    assert_eq!(
        r.died.as_deref(),
        Some(
            "panic: insufficient funds [recovered]\n\tpanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n\ngoroutine 1 [running]:\n"
        )
    );
}

// The `[signal ...]` line follows Go's `gp.sig`: a fault (`Cx::fault`, Go's
// `sigpanic`) sets it, and only a recovery that leaves no panic on the task
// (or `Task::clear_panics`) clears it. Each program below was run with Go
// 1.27.3; the expected text is its stderr up to `goroutine 1 [running]:`
// (pc normalized to 0x0).
const SIG: &str = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";

/// A deferred call that recovers and prints `r <value>`.
fn recover_and_print(cx: &mut C<'_>) {
    cx.defer(|cx| {
        let r = cx.recover();
        say(cx, format!("r {}", show(r)));
        Ok(())
    });
}

// func main() {
//     defer func() {
//         defer func() { r := recover(); fmt.Println("r", r) }()
//         var nf func(); nf()
//     }()
//     panic(1)
// }
// -> panic: 1 / [signal SIGSEGV ...]: panic(1) is still on the list when
//    the fault is recovered, so gp.sig stays.
#[test]
fn signal_stays_after_a_fault_recovered_under_an_older_panic() {
    let r = run(|cx| {
        cx.defer(|cx| {
            recover_and_print(cx);
            Err(cx.fault(V::NilDeref))
        });
        Err(cx.panic(V::I(1)))
    });
    assert_eq!(
        r.out(),
        ["r runtime error: invalid memory address or nil pointer dereference"]
    );
    let want = format!("panic: 1\n{SIG}\ngoroutine 1 [running]:\n");
    assert_eq!(r.died.as_deref(), Some(&*want));
}

// func main() {
//     defer func() { panic(5) }()
//     defer func() {
//         defer func() { r := recover(); fmt.Println("r", r) }()
//         var nf func(); nf()
//     }()
//     runtime.Goexit()
// }
// -> panic: 5 / [signal SIGSEGV ...]: the Goexit is still on the list when
//    the fault is recovered.
#[test]
fn signal_stays_after_a_fault_recovered_under_a_goexit() {
    let r = run(|cx| {
        cx.defer(|cx| Err(cx.panic(V::I(5))));
        cx.defer(|cx| {
            recover_and_print(cx);
            Err(cx.fault(V::NilDeref))
        });
        Err(cx.goexit())
    });
    assert_eq!(
        r.out(),
        ["r runtime error: invalid memory address or nil pointer dereference"]
    );
    let want = format!("panic: 5\n{SIG}\ngoroutine 1 [running]:\n");
    assert_eq!(r.died.as_deref(), Some(&*want));
}

// func main() {
//     defer func() { panic(2) }()
//     defer func() { r := recover(); fmt.Println("r1", r) }()
//     defer func() {
//         defer func() { r := recover(); fmt.Println("r3", r) }()
//         var nf func(); nf()
//     }()
//     panic(1)
// }
// -> panic: 2, no signal line: recovering panic(1) left the list empty.
#[test]
fn signal_cleared_when_a_later_recovery_empties_the_list() {
    let r = run(|cx| {
        cx.defer(|cx| Err(cx.panic(V::I(2))));
        recover_and_print(cx);
        cx.defer(|cx| {
            recover_and_print(cx);
            Err(cx.fault(V::NilDeref))
        });
        Err(cx.panic(V::I(1)))
    });
    assert_eq!(
        r.out(),
        [
            "r runtime error: invalid memory address or nil pointer dereference",
            "r 1"
        ]
    );
    assert_eq!(
        r.died.as_deref(),
        Some("panic: 2\n\ngoroutine 1 [running]:\n")
    );
}

// func main() {
//     defer func() { panic(2) }()
//     defer func() { r := recover(); fmt.Println("r", r) }()
//     defer func() { panic(1) }()
//     var nf func(); nf()
// }
// -> r 1 / panic: 2, no signal line: recovering panic(1) also removed the
//    fault it aborted, which left the list empty.
#[test]
fn signal_cleared_when_the_recovery_removes_an_aborted_fault() {
    let r = run(|cx| {
        cx.defer(|cx| Err(cx.panic(V::I(2))));
        recover_and_print(cx);
        cx.defer(|cx| Err(cx.panic(V::I(1))));
        Err(cx.fault(V::NilDeref))
    });
    assert_eq!(r.out(), ["r 1"]);
    assert_eq!(
        r.died.as_deref(),
        Some("panic: 2\n\ngoroutine 1 [running]:\n")
    );
}

// var saved any
// func f() { defer func() { saved = recover() }(); var nf func(); nf() }
// func main() { f(); panic(saved) }
// -> panic: runtime error: invalid memory address or nil pointer dereference
//    with no signal line: the line belongs to the fault, not to its value.
#[test]
fn repanicking_a_recovered_fault_value_later_prints_no_signal() {
    let r = run(|cx| {
        let saved = cx
            .call(|cx| {
                cx.defer(|cx| {
                    let r = cx.recover();
                    say(cx, format!("saved {}", show(r)));
                    Ok(())
                });
                Err::<(), _>(cx.fault(V::NilDeref))
            })?
            .is_none();
        assert!(saved, "f returned normally after its recovery");
        Err(cx.panic(V::NilDeref))
    });
    assert_eq!(
        r.out(),
        ["saved runtime error: invalid memory address or nil pointer dereference"]
    );
    assert_eq!(
        r.died.as_deref(),
        Some("panic: runtime error: invalid memory address or nil pointer dereference\n\ngoroutine 1 [running]:\n")
    );
}

// func main() {
//     defer func() {
//         defer func() { r := recover(); fmt.Println("r", r) }()
//         var p *[2]int; _ = p[1]
//     }()
//     var nf func(); nf()
// }
// -> two faults, the newer recovered under the older: the signal line stays.
#[test]
fn signal_stays_with_two_faults_the_newer_recovered() {
    let r = run(|cx| {
        cx.defer(|cx| {
            recover_and_print(cx);
            Err(cx.fault(V::NilDeref))
        });
        Err(cx.fault(V::NilDeref))
    });
    assert_eq!(
        r.out(),
        ["r runtime error: invalid memory address or nil pointer dereference"]
    );
    let want = format!(
        "panic: runtime error: invalid memory address or nil pointer dereference\n{SIG}\ngoroutine 1 [running]:\n"
    );
    assert_eq!(r.died.as_deref(), Some(&*want));
}

/// A deferred `recover()` builtin: `defer recover()`.
fn defer_recover_builtin(cx: &mut C<'_>, tag: &'static str) {
    cx.defer(move |cx| {
        let v = cx.recover_wrapped();
        say(cx, format!("{tag}: defer recover() got {}", show(v)));
        Ok(())
    });
}

// A9/C2: `defer recover()` in a deferred function that the panic runs
// recovers when that function returns (gc's wrapper frame is skipped).
// func main() { defer func() { defer recover() }(); panic("boom") }
#[test]
fn a9_defer_recover_in_a_deferred_function_recovers() {
    let r = run(|cx| {
        recovering(cx, "main sees");
        cx.defer(|cx| {
            defer_recover_builtin(cx, "F");
            say(cx, "F body");
            Ok(())
        });
        Err(cx.panic(V::S("boom")))
    });
    assert_eq!(
        r.out(),
        ["F body", "F: defer recover() got boom", "main sees <nil>"]
    );
    assert!(r.died.is_none());
}

// The same when the deferred function's defers are open-coded in the frame
// the engine entered for it (adopt_open): the slot runs one frame deeper,
// exactly as a chain record does.
#[test]
fn a9_defer_recover_in_an_adopted_open_frame() {
    type Slot = fn(&mut C<'_>) -> Outcome;
    let r = run(|cx| {
        cx.defer(|cx| {
            let mut f = cx.adopt_open::<Slot, 1>();
            f.defer::<0>(|cx| {
                let v = cx.recover_wrapped();
                say(cx, format!("slot got {}", show(v)));
                Ok(())
            });
            cx.exit_open(f)
        });
        Err(cx.panic(V::S("boom")))
    });
    assert_eq!(r.out(), ["slot got boom"]);
    assert!(r.died.is_none());
}

// Where it does not recover: in the panicking function itself (the panic's
// own loop runs it), in a function run by a normal return inside the
// deferred function (one level deeper), and when the deferred function
// panicked itself (the newer panic's loop runs it). Checked against Go
// 1.27.3 by conformance/cases/111_defer_recover_neighbours.go.
#[test]
fn a9_defer_recover_neighbours_do_not_recover() {
    let direct = run(|cx| {
        recovering(cx, "main sees");
        cx.call(|cx| -> Result<(), _> {
            defer_recover_builtin(cx, "direct");
            Err(cx.panic(V::S("direct panic")))
        })?;
        Ok(())
    });
    assert_eq!(
        direct.out(),
        [
            "direct: defer recover() got <nil>",
            "main sees direct panic"
        ]
    );
    let deeper = run(|cx| {
        recovering(cx, "main sees");
        cx.defer(|cx| {
            cx.defer(|cx| {
                defer_recover_builtin(cx, "deeper");
                Ok(())
            });
            Ok(())
        });
        Err(cx.panic(V::S("nested panic")))
    });
    assert_eq!(
        deeper.out(),
        [
            "deeper: defer recover() got <nil>",
            "main sees nested panic"
        ]
    );
    let panicking = run(|cx| {
        recovering(cx, "main sees");
        cx.defer(|cx| {
            defer_recover_builtin(cx, "F");
            Err(cx.panic(V::S("second panic")))
        });
        Err(cx.panic(V::S("first panic")))
    });
    assert_eq!(
        panicking.out(),
        ["F: defer recover() got <nil>", "main sees second panic"]
    );
    let normal = run(|cx| {
        cx.defer(|cx| {
            defer_recover_builtin(cx, "no panic");
            Ok(())
        });
        Ok(())
    });
    assert_eq!(normal.out(), ["no panic: defer recover() got <nil>"]);
}

// After a newer panic raised and recovered during the deferred function's
// exit, its `defer recover()` still recovers the older panic (gc's
// deferreturn is a wrapper frame too).
#[test]
fn a9_defer_recover_after_an_inner_recovery() {
    let r = run(|cx| {
        recovering(cx, "main sees");
        cx.defer(|cx| {
            defer_recover_builtin(cx, "F");
            recovering(cx, "inner literal sees");
            cx.defer(|cx| Err(cx.panic(V::S("inner panic"))));
            Ok(())
        });
        Err(cx.panic(V::S("outer panic")))
    });
    assert_eq!(
        r.out(),
        [
            "inner literal sees inner panic",
            "F: defer recover() got outer panic",
            "main sees <nil>"
        ]
    );
    assert!(r.died.is_none());
}

// D1/D4: during Goexit it has nothing to recover; a panic raised during
// Goexit is recovered by it and the Goexit carries on.
#[test]
fn a9_defer_recover_during_goexit() {
    let r = run(|cx| {
        logging(cx, "main's first defer");
        cx.defer(|cx| {
            defer_recover_builtin(cx, "after the panic");
            Ok(())
        });
        cx.defer(|cx| Err(cx.panic(V::S("panic during Goexit"))));
        cx.defer(|cx| {
            defer_recover_builtin(cx, "before the panic");
            Ok(())
        });
        Err(cx.goexit())
    });
    assert_eq!(
        r.out(),
        [
            "before the panic: defer recover() got <nil>",
            "after the panic: defer recover() got panic during Goexit",
            "main's first defer"
        ]
    );
    assert_eq!(
        r.died.as_deref(),
        Some("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n")
    );
}
