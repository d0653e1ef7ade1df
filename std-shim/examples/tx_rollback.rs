//! A Go classic, reproduced and fixed: the deferred handler of a transfer
//! recovers a panic and rolls the transaction back — but the panic came from
//! `begin()` itself, so there is no transaction yet, and the handler's own
//! `Rollback` on the nil transaction panics again, inside the deferred call.
//! Go prints
//!
//! ```text
//! panic: begin: connection refused [recovered]
//!     panic: runtime error: invalid memory address or nil pointer dereference
//! ```
//!
//! and so does this program's broken form (with Rust's text for the second
//! panic). The fixed form rolls back only a transaction that exists and
//! turns the panic into the function's error through its named result.
//!
//! Run it with `cargo run -p deferrt --example tx_rollback`.

use std::cell::RefCell;
use std::rc::Rc;

use deferrt::{defer, recover};

struct Db {
    reachable: bool,
}

struct Tx {
    id: u32,
}

impl Db {
    fn begin(&self) -> Tx {
        if !self.reachable {
            deferrt::panic("begin: connection refused");
        }
        Tx { id: 7 }
    }
}

impl Tx {
    fn rollback(self) {
        println!("  tx {} rolled back", self.id);
    }
    fn commit(self) {
        println!("  tx {} committed", self.id);
    }
}

/// The broken handler: `tx` is `None` when `begin` panicked, and the
/// handler unwraps it anyway (Go: calls `tx.Rollback()` on a nil `*Tx`).
#[deferrt::func(result = res)]
fn transfer_broken(db: &Db) -> Result<(), String> {
    let tx: Rc<RefCell<Option<Tx>>> = Rc::default();
    let handler_tx = tx.clone();
    defer! {
        if let Some(p) = recover() {
            let tx = handler_tx.borrow_mut().take().unwrap(); // panics: no transaction
            tx.rollback();
            res.set(Err(format!("transfer: {p}")));
        }
    }
    *tx.borrow_mut() = Some(db.begin());
    // ... debit, credit ...
    if let Some(t) = tx.borrow_mut().take() {
        t.commit();
    }
    Ok(())
}

/// The fixed handler: roll back only a transaction that was begun.
#[deferrt::func(result = res)]
fn transfer_fixed(db: &Db) -> Result<(), String> {
    let tx: Rc<RefCell<Option<Tx>>> = Rc::default();
    let handler_tx = tx.clone();
    defer! {
        if let Some(p) = recover() {
            if let Some(tx) = handler_tx.borrow_mut().take() {
                tx.rollback();
            }
            res.set(Err(format!("transfer: {p}")));
        }
    }
    *tx.borrow_mut() = Some(db.begin());
    if let Some(t) = tx.borrow_mut().take() {
        t.commit();
    }
    Ok(())
}

fn main() {
    let down = Db { reachable: false };
    let up = Db { reachable: true };

    println!("broken handler, database up:");
    println!("  -> {:?}", deferrt::go(|| transfer_broken(&up)));

    println!("broken handler, database down:");
    // The second panic is an ordinary Rust panic: keep its hook message out
    // of the way and print the goroutine's crash report instead.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let crash = deferrt::go(|| transfer_broken(&down));
    std::panic::set_hook(hook);
    match crash {
        Err(deferrt::Exit::Panic(report)) => print!("{report}"),
        other => println!("  unexpected: {other:?}"),
    }

    println!("fixed handler, database down:");
    println!("  -> {:?}", deferrt::go(|| transfer_fixed(&down)));
    println!("fixed handler, database up:");
    println!("  -> {:?}", deferrt::go(|| transfer_fixed(&up)));
}
