//! The run-time objects of issue 10: channels and the `sync` package's
//! objects, as the scheduler ([`crate::sched`]) defines them. They hold
//! parked goroutines as [`AnyG`] (the run time does not know the machine's
//! goroutine type).

use std::fmt;

use crate::sched::{AnyG, Chan, GoMutex, GoRwMutex, Once, WaitGroup};

use super::Value;

/// A channel or a `sync` object; a [`Value::Chan`] holds one.
pub enum ChanObj {
    /// A channel.
    Chan(Chan<AnyG, Value>),
    /// `sync.Mutex`
    Mutex(GoMutex<AnyG, Value>),
    /// `sync.RWMutex`
    RwMutex(GoRwMutex<AnyG, Value>),
    /// `sync.WaitGroup`
    WaitGroup(WaitGroup<AnyG, Value>),
    /// `sync.Once`
    Once(Once<AnyG, Value>),
    /// The state of a function made by `sync.OnceFunc` or `sync.OnceValue`:
    /// its `Once`, and what the one call of `f` left (its result, or its
    /// panic, which every later call panics with again).
    OnceValue(Once<AnyG, Value>, std::sync::Mutex<OnceResult>),
}

/// What the one call of a `sync.OnceValue`'s `f` left.
#[derive(Debug, Default)]
pub struct OnceResult {
    /// Its result.
    pub value: Option<Value>,
    /// The value it panicked with.
    pub panic: Option<Value>,
}

impl fmt::Debug for ChanObj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChanObj::Chan(c) => write!(f, "chan(len {}, cap {})", c.len(), c.cap()),
            ChanObj::Mutex(_) => f.write_str("sync.Mutex"),
            ChanObj::RwMutex(_) => f.write_str("sync.RWMutex"),
            ChanObj::WaitGroup(_) => f.write_str("sync.WaitGroup"),
            ChanObj::Once(_) => f.write_str("sync.Once"),
            ChanObj::OnceValue(..) => f.write_str("sync.OnceValue"),
        }
    }
}
