use deferrt::{defer, recover};
use std::cell::RefCell;
use std::rc::Rc;

type Log = Rc<RefCell<Vec<String>>>;

fn push(l: &Log, s: impl Into<String>) {
    l.borrow_mut().push(s.into());
}

#[deferrt::func]
fn open_one(l: Log, c: bool) -> i32 {
    let l2 = l.clone();
    defer!(push(&l2, "a"));
    if c {
        let l3 = l.clone();
        defer! { push(&l3, "b"); }
    }
    push(&l, format!("records {}", deferrt::pending_records()));
    7
}

#[deferrt::func]
fn chain_loop(l: Log) -> i32 {
    for i in 0..3 {
        let l2 = l.clone();
        defer!(push(&l2, format!("loop {i}")));
    }
    push(&l, format!("records {}", deferrt::pending_records()));
    8
}

#[deferrt::func(result = out)]
fn named(n: i32) -> Result<i32, String> {
    defer! {
        if let Some(p) = recover() {
            out.set(Err(format!("recovered: {p}")));
        }
    }
    if n < 0 {
        deferrt::panic("negative");
    }
    Ok(n)
}

struct S(Log);
impl S {
    #[deferrt::func]
    fn method(&self) -> usize {
        let l = self.0.clone();
        defer! { push(&l, "method defer"); }
        1
    }
}

#[test]
fn smoke() {
    let l: Log = Rc::default();
    let l2 = l.clone();
    let r = deferrt::go(move || {
        let a = open_one(l2.clone(), true);
        let b = chain_loop(l2.clone());
        let c = (named(1), named(-1));
        let d = S(l2.clone()).method();
        (a, b, c, d)
    });
    assert_eq!(
        r,
        Ok(Some((
            7,
            8,
            (Ok(1), Err("recovered: negative".to_string())),
            1
        )))
    );
    assert_eq!(
        *l.borrow(),
        [
            "records 0",
            "b",
            "a",
            "records 3",
            "loop 2",
            "loop 1",
            "loop 0",
            "method defer"
        ]
    );
}
