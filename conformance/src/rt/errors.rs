//! Error values and every run-time error text, in one place.
//!
//! The runtime's errors are values of its own dynamic types
//! (`runtime.errorString`, `*runtime.TypeAssertionError`,
//! `*runtime.PanicNilError`), as in Go; `errors.New` and `fmt.Errorf` make
//! `*errors.errorString` values.

use std::sync::Arc;

use super::value::{Str, Value};

/// The dynamic type of an error value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    /// `errors.New`: `*errors.errorString`.
    New,
    /// `runtime error: integer divide by zero` (a `runtime.errorString`).
    Divide,
    /// `runtime error: invalid memory address or nil pointer dereference`.
    NilDeref,
    /// `runtime error: comparing uncomparable type ...`.
    Uncomparable,
    /// `*runtime.PanicNilError`.
    PanicNil,
    /// `*runtime.TypeAssertionError`.
    TypeAssert,
    /// `runtime.boundsError`: index and slice bounds (rt/slice.rs).
    Bounds,
    /// Another `runtime.errorString` (`makeslice: len out of range`).
    Str,
    /// `runtime.plainError` (`assignment to entry in nil map`).
    Plain,
    /// `fmt.Errorf` with one `%w`: `*fmt.wrapError`.
    Wrap,
    /// `fmt.Errorf` with several `%w`: `*fmt.wrapErrors`.
    WrapMany,
    /// `errors.Join`: `*errors.joinError`.
    Join,
}

/// An error value: its dynamic type and its `Error()` text.
#[derive(Debug)]
pub struct ErrVal {
    /// Dynamic type.
    pub kind: ErrKind,
    /// `Error()`.
    pub text: Str,
    /// The errors it wraps (`%w` of `fmt.Errorf`, `errors.Join`).
    pub wrapped: Vec<Value>,
}

impl ErrKind {
    /// The Go type name.
    pub fn type_name(self) -> &'static str {
        match self {
            ErrKind::New => "*errors.errorString",
            ErrKind::Divide | ErrKind::NilDeref | ErrKind::Uncomparable => "runtime.errorString",
            ErrKind::PanicNil => "*runtime.PanicNilError",
            ErrKind::TypeAssert => "*runtime.TypeAssertionError",
            ErrKind::Bounds => "runtime.boundsError",
            ErrKind::Str => "runtime.errorString",
            ErrKind::Plain => "runtime.plainError",
            ErrKind::Wrap => "*fmt.wrapError",
            ErrKind::WrapMany => "*fmt.wrapErrors",
            ErrKind::Join => "*errors.joinError",
        }
    }

    /// Whether it is one of the runtime's error types (a `runtime.Error`).
    pub fn is_runtime(self) -> bool {
        !matches!(
            self,
            ErrKind::New | ErrKind::Wrap | ErrKind::WrapMany | ErrKind::Join
        )
    }

    /// Whether every value of the kind is one value of gc's static data
    /// (a `runtime.errorString` constant, the zero-size `PanicNilError`):
    /// a panic with one is "the same value" as another (recover's rule for
    /// re-panics).
    pub fn is_static(self) -> bool {
        matches!(
            self,
            ErrKind::Divide | ErrKind::NilDeref | ErrKind::PanicNil | ErrKind::Str | ErrKind::Plain
        )
    }
}

/// The `[signal ...]` line of a nil dereference.
pub const SIGSEGV_LINE: &str = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";

/// An error value of a kind.
pub fn error(kind: ErrKind, text: impl Into<Str>) -> Value {
    Value::Err(Arc::new(ErrVal {
        kind,
        text: text.into(),
        wrapped: Vec::new(),
    }))
}

/// `runtime error: integer divide by zero`.
pub fn divide() -> Value {
    error(ErrKind::Divide, "runtime error: integer divide by zero")
}

/// `runtime error: invalid memory address or nil pointer dereference`.
pub fn nil_deref() -> Value {
    error(
        ErrKind::NilDeref,
        "runtime error: invalid memory address or nil pointer dereference",
    )
}

/// `panic(nil)`'s value.
pub fn panic_nil() -> Value {
    error(
        ErrKind::PanicNil,
        "runtime error: panic called with nil argument",
    )
}

/// `runtime error: comparing uncomparable type T`.
pub fn uncomparable(ty: &str) -> Value {
    error(
        ErrKind::Uncomparable,
        format!("runtime error: comparing uncomparable type {ty}"),
    )
}

/// A failed type assertion's `*runtime.TypeAssertionError`.
pub fn type_assert(text: String) -> Value {
    error(ErrKind::TypeAssert, text)
}

/// `interface conversion: interface is nil, not T`.
pub fn assert_nil_text(to: &str) -> String {
    format!("interface conversion: interface is nil, not {to}")
}

/// `interface conversion: T is not I: missing method M`.
pub fn assert_missing_text(have: &str, to: &str, method: &str) -> String {
    format!("interface conversion: {have} is not {to}: missing method {method}")
}

/// `interface conversion: I is T, not U`; when `T` and `U` print alike
/// (types declared in different functions under one name), the runtime
/// adds ` (types from different scopes)` (`TypeAssertionError.Error`).
pub fn assert_concrete_text(src: &str, have: &str, to: &str) -> String {
    let scopes = if have == to {
        " (types from different scopes)"
    } else {
        ""
    };
    format!("interface conversion: {src} is {have}, not {to}{scopes}")
}

/// Go's fatal stack overflow report (the goroutine line follows).
pub const STACK_OVERFLOW: &str =
    "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\n";

/// `runtime.Goexit` in `main` with no other goroutine.
pub const GOEXIT_DEADLOCK: &str =
    "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n";

/// An error that wraps others (`fmt.Errorf` with `%w`, `errors.Join`).
pub fn wrapping(kind: ErrKind, text: impl Into<Str>, wrapped: Vec<Value>) -> Value {
    Value::Err(Arc::new(ErrVal {
        kind,
        text: text.into(),
        wrapped,
    }))
}
