//! `recover` at an API boundary: the internals of a parser panic on bad
//! input (as Go's `encoding/json` and `text/template` do internally), and the
//! exported function turns the panic into an error through its named result,
//! so callers only ever see `Result`.
//!
//! Run it with `cargo run -p deferrt --example api_boundary`.

use deferrt::{defer, recover};

/// Internal: panics with a message on bad input, deep in the recursion.
fn parse_list(s: &str) -> Vec<i64> {
    s.split(',')
        .map(|item| {
            let item = item.trim();
            if let Some(inner) = item.strip_prefix('-') {
                return -parse_item(inner);
            }
            parse_item(item)
        })
        .collect()
}

fn parse_item(item: &str) -> i64 {
    item.parse()
        .unwrap_or_else(|_| deferrt::panic(format!("not a number: {item:?}")))
}

/// The API: never panics with a parse error, returns it.
#[deferrt::func(result = res)]
pub fn sum(s: &str) -> Result<i64, String> {
    defer! {
        if let Some(p) = recover() {
            res.set(Err(format!("sum: {p}")));
        }
    }
    Ok(parse_list(s).iter().sum())
}

fn main() {
    let r = deferrt::go(|| {
        for input in ["1, 2, 3", "10, -4", "1, two, 3"] {
            println!("sum({input:?}) = {:?}", sum(input));
        }
    });
    assert_eq!(r, Ok(Some(())));
}
