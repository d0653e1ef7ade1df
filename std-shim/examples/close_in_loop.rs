//! Deferring a resource's close in a loop keeps every resource open until the
//! function returns (Go's `for ... { f := open(); defer f.Close() }` pitfall);
//! extracting the loop body into a function of its own closes each one at
//! the end of its iteration. The macro also picks a different tier for each:
//! the loop defers go to the chain (one record per iteration), the extracted
//! function's single `defer!` is an open-frame slot.
//!
//! Run it with `cargo run -p deferrt --example close_in_loop`.

use std::cell::Cell;

use deferrt::defer;

thread_local! {
    static OPEN: Cell<u32> = const { Cell::new(0) };
    static PEAK: Cell<u32> = const { Cell::new(0) };
}

struct File {
    name: String,
}

fn open(name: &str) -> File {
    let n = OPEN.with(|o| o.get()) + 1;
    OPEN.with(|o| o.set(n));
    PEAK.with(|p| p.set(p.get().max(n)));
    File {
        name: name.to_string(),
    }
}

impl File {
    fn close(self) {
        OPEN.with(|o| o.set(o.get() - 1));
        println!("  closed {}", self.name);
    }
}

/// All files stay open until `process_all_in_loop` returns.
#[deferrt::func]
fn process_all_in_loop(names: &[&str]) -> u32 {
    for name in names {
        let f = open(name);
        defer!(f.close());
        println!(
            "  processing {name} ({} chain records pending)",
            deferrt::pending_records()
        );
    }
    OPEN.with(Cell::get)
}

/// One file, closed when this function returns.
#[deferrt::func]
fn process_one(name: &str) {
    let f = open(name);
    defer!(f.close());
    println!(
        "  processing {name} ({} chain records pending)",
        deferrt::pending_records()
    );
}

fn process_all_extracted(names: &[&str]) -> u32 {
    for name in names {
        process_one(name);
    }
    OPEN.with(Cell::get)
}

fn main() {
    let names = ["a.txt", "b.txt", "c.txt", "d.txt"];

    println!("defer in the loop:");
    PEAK.with(|p| p.set(0));
    let still_open = deferrt::go(|| process_all_in_loop(&names))
        .unwrap()
        .unwrap();
    println!(
        "  open at the end of the loop: {still_open}, peak: {}",
        PEAK.with(Cell::get)
    );

    println!("defer in an extracted function:");
    PEAK.with(|p| p.set(0));
    let still_open = deferrt::go(|| process_all_extracted(&names))
        .unwrap()
        .unwrap();
    println!(
        "  open at the end of the loop: {still_open}, peak: {}",
        PEAK.with(Cell::get)
    );
}
