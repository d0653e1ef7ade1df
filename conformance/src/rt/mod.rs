//! The run time: values, memory, error values and their texts, formatting,
//! and the operations and package functions that need no machine (no core
//! call, no goroutine). Nothing here imports [`crate::vm`]: an operation
//! that fails returns a [`Trap`], which the machine raises.

pub mod bytesearch;
pub mod complex;
pub mod errors;
pub mod fmt_composite;
pub mod fmt_shape;
pub mod format;
pub mod goroutines;
pub mod iface;
pub mod map;
pub mod minmax;
pub mod natives;
pub mod num;
pub mod ops;
pub mod os;
pub mod pkg;
pub mod rand;
pub mod slice;
pub mod strconv_more;
pub mod types;
pub mod utf8;
pub mod value;

pub use value::{cell, Cell, Closure, FuncVal, Obj, Str, Value};

/// How an operation of the run time failed; the machine raises it.
#[derive(Debug)]
pub enum Trap {
    /// A run-time panic with this value (`panic`'s path).
    Panic(Value),
    /// A fault (Go's `sigpanic`: a nil dereference): the crash report adds
    /// the value's signal line.
    Fault(Value),
    /// An interpreter bug: the machine stops with this message.
    Bug(&'static str),
}

/// Where the program's output goes.
pub trait Output {
    /// Writes to stdout.
    fn out(&mut self, b: &[u8]);
    /// Writes to stderr (unbuffered, as Go's runtime writes it).
    fn err(&mut self, b: &[u8]);
    /// Whether the program may use the file system (`Options::files`;
    /// rt/os.rs).
    fn files(&self) -> bool {
        false
    }
}
