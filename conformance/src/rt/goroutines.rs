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
}

impl fmt::Debug for ChanObj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChanObj::Chan(c) => write!(f, "chan(len {}, cap {})", c.len(), c.cap()),
            ChanObj::Mutex(_) => f.write_str("sync.Mutex"),
            ChanObj::RwMutex(_) => f.write_str("sync.RWMutex"),
            ChanObj::WaitGroup(_) => f.write_str("sync.WaitGroup"),
            ChanObj::Once(_) => f.write_str("sync.Once"),
        }
    }
}
