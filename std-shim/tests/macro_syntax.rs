//! The forms the crate docs promise, compiled and run: generic functions,
//! methods of every receiver kind, trait impls, early returns and `?`,
//! `defer!` as the tail, macro calls, `&x` arguments, nested blocks.

use std::cell::RefCell;
use std::fmt::Debug;

use deferrt::{defer, go, recover};

/// Every record back in this test thread's pool.
fn accounted() {
    let a = deferrt::pool_accounting();
    assert_eq!(a.carved, a.free, "records not accounted for: {a:?}");
}

thread_local! {
    static OUT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn say(s: impl Into<String>) {
    OUT.with(|o| o.borrow_mut().push(s.into()));
}

fn take_out() -> Vec<String> {
    OUT.with(|o| std::mem::take(&mut *o.borrow_mut()))
}

#[deferrt::func]
fn generic<T: Debug + Clone + 'static>(x: T) -> T {
    let shown = format!("{x:?}");
    defer!(say(format!("leaving generic({shown})")));
    x
}

#[deferrt::func]
fn generic_default<T: Default + From<u8>>(panic_now: bool) -> T {
    defer! { recover(); }
    if panic_now {
        deferrt::panic("p");
    }
    T::from(1)
}

#[deferrt::func]
fn early_return_and_question_mark(s: &str) -> Result<i32, std::num::ParseIntError> {
    defer!(say("deferred runs on every exit"));
    if s.is_empty() {
        return Ok(0);
    }
    let n: i32 = s.parse()?;
    Ok(n)
}

#[deferrt::func]
fn defer_as_tail() {
    say("body");
    defer!(say("tail defer"))
}

#[deferrt::func]
fn macro_call_and_reference_argument() {
    let name = String::from("resource");
    defer!(println!("not evaluated now: {}", 1 + 1));
    defer!(close(&name)); // `name` moves into the deferred call
    say("body");
}

fn close(name: &str) {
    say(format!("close {name}"));
}

struct Acc {
    log: Vec<String>,
}

trait Work {
    fn work(&mut self) -> usize;
}

impl Work for Acc {
    #[deferrt::func]
    fn work(&mut self) -> usize {
        defer! { say("trait method defer"); }
        self.log.push("worked".into());
        self.log.len()
    }
}

impl Acc {
    #[deferrt::func]
    fn by_ref(&self) -> usize {
        defer! { say("by_ref defer"); }
        self.log.len()
    }

    #[deferrt::func]
    fn by_value(self) -> Vec<String> {
        defer! { say("by_value defer"); }
        self.log
    }
}

#[deferrt::func(result = r)]
fn nested_blocks_and_matches(n: u32) -> u32 {
    match n {
        0 => {
            defer! { r.update(|v| v + 100); }
        }
        _ => {
            let m = n;
            defer! { r.update(move |v| v + m); }
        }
    }
    {
        {
            defer! { r.update(|v| v * 2); }
        }
    }
    n
}

#[test]
fn the_documented_forms_compile_and_run() {
    let r = go(|| {
        assert_eq!(generic(vec![1, 2]), vec![1, 2]);
        assert_eq!(generic_default::<u32>(false), 1);
        assert_eq!(generic_default::<u32>(true), 0);
        assert_eq!(early_return_and_question_mark(""), Ok(0));
        assert_eq!(early_return_and_question_mark("12"), Ok(12));
        assert!(early_return_and_question_mark("x").is_err());
        defer_as_tail();
        macro_call_and_reference_argument();
        let mut a = Acc { log: vec![] };
        assert_eq!(a.work(), 1);
        assert_eq!(a.by_ref(), 1);
        assert_eq!(a.by_value(), ["worked"]);
        // (n * 2) + 100 for 0, (n * 2) + n otherwise: LIFO over the slot.
        assert_eq!(nested_blocks_and_matches(0), 100);
        assert_eq!(nested_blocks_and_matches(5), 15);
    });
    assert_eq!(r, Ok(Some(())));
    assert_eq!(
        take_out(),
        [
            "leaving generic([1, 2])",
            "deferred runs on every exit",
            "deferred runs on every exit",
            "deferred runs on every exit",
            "body",
            "tail defer",
            "body",
            "close resource",
            "trait method defer",
            "by_ref defer",
            "by_value defer",
        ]
    );
    accounted();
}

mod glob {
    use deferrt::*;

    #[func(result = out)]
    pub fn with_glob_import(x: i32) -> Result<i32, String> {
        defer! {
            if let Some(p) = recover() {
                out.set(Err(p.to_string()));
            }
        }
        if x < 0 {
            panic("negative");
        }
        Ok(x)
    }
}

#[test]
fn a_glob_import_brings_the_attribute_and_the_macro() {
    let r = go(|| (glob::with_glob_import(1), glob::with_glob_import(-1)));
    assert_eq!(r, Ok(Some((Ok(1), Err("negative".to_string())))));
    accounted();
}

/// A `macro_rules!` that makes Go functions out of bodies passed in: the
/// `defer!` sites carry the caller's hygiene context, the expansion's own
/// locals (the open frame, the adoption flag) another. Each tier must still
/// compile and run (the open tier did not before the fix, nor the chain tier
/// of a function that does not catch).
macro_rules! go_fn {
    ($name:ident $body:block) => {
        #[deferrt::func]
        fn $name() $body
    };
    (chain $name:ident $body:block) => {
        #[deferrt::func(tier = chain)]
        fn $name() $body
    };
}

go_fn!(passed_open {
    defer! { say("open block"); }
    defer!(say("open call"));
});

go_fn!(passed_landing {
    defer! { say("landing block"); }
});

go_fn!(passed_loop {
    for i in 0..2 {
        defer! { say(format!("loop block {i}")); }
    }
});

go_fn!(chain passed_chain {
    defer! { say("chain block"); }
    defer! { say(format!("chain recover: {:?}", recover().is_some())); }
});

#[test]
fn bodies_passed_into_a_macro_rules_compile_on_every_tier() {
    let r = go(|| {
        passed_open();
        passed_landing();
        passed_loop();
        passed_chain();
    });
    assert_eq!(r, Ok(Some(())));
    assert_eq!(
        take_out(),
        [
            "open call",
            "open block",
            "landing block",
            "loop block 1",
            "loop block 0",
            "chain recover: false",
            "chain block",
        ]
    );
    accounted();
}
