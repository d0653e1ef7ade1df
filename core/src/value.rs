//! What the engine needs to know about an embedder's panic values.

use alloc::string::String;

/// A value a task can panic with.
///
/// The engine stores panic values on the task's panic stack, hands a clone to
/// an effective [`recover`](crate::Cx::recover), and prints them in the crash
/// report. Three hooks let an embedder reproduce Go exactly:
///
/// * [`on_panic`](PanicValue::on_panic) runs at the `panic` call. Go 1.21+
///   turns `panic(nil)` into a `*runtime.PanicNilError` there; an interpreter
///   does the same by mapping its nil value in this hook.
/// * [`same_value`](PanicValue::same_value) is Go's interface identity (same
///   type word, same data word). The crash report prints
///   `[recovered, repanicked]` when a newer panic carries the same value as
///   the one before it. Identity, not equality: a string built at run time
///   with the same text is a different value.
/// * [`signal`](PanicValue::signal) is the `[signal ...]` line Go prints
///   after a fault such as a nil dereference, raised with
///   [`Cx::fault`](crate::Cx::fault).
///
/// ```
/// use deferrt_core::PanicValue;
/// #[derive(Clone, Debug)]
/// enum V { Nil, Str(&'static str) }
/// impl PanicValue for V {
///     fn on_panic(self) -> Self {
///         match self { V::Nil => V::Str("panic called with nil argument"), v => v }
///     }
///     fn same_value(&self, other: &Self) -> bool {
///         matches!((self, other), (V::Str(a), V::Str(b)) if core::ptr::eq(*a, *b))
///     }
/// }
/// assert!(matches!(V::Nil.on_panic(), V::Str(_)));
/// ```
pub trait PanicValue: Clone {
    /// Called once when the value is passed to `panic`; the result is what
    /// the panic carries. The default keeps the value.
    #[inline]
    fn on_panic(self) -> Self {
        self
    }

    /// Whether `self` and `other` are the same value in Go's sense of
    /// interface identity. The default says no, which only costs the
    /// `repanicked` mark.
    fn same_value(&self, _other: &Self) -> bool {
        false
    }

    /// The `[signal ...]` line (without its newline) Go prints after the
    /// panic chain when this value was raised by a fault
    /// ([`Cx::fault`](crate::Cx::fault)) that no recovery has cleared since.
    /// Consulted only for faults: a plain `panic` of the same value prints
    /// no signal line. Default: none.
    fn signal(&self) -> Option<&str> {
        None
    }
}

/// Static strings are identical when they are the same static data, as
/// Go's constant strings are.
impl PanicValue for &'static str {
    fn same_value(&self, other: &Self) -> bool {
        core::ptr::eq(*self, *other)
    }
}

/// Strings built at run time are never identical, as in Go.
impl PanicValue for String {}

macro_rules! by_value {
    ($($t:ty),*) => {$(
        /// Small scalars compare by value (gc keeps small constants in static data).
        impl PanicValue for $t {
            fn same_value(&self, other: &Self) -> bool {
                self == other
            }
        }
    )*};
}
by_value!(i32, i64, u32, u64, usize, isize, bool);
