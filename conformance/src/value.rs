//! Run-time values and the engine's panic-value hooks.

use std::fmt;
use std::rc::Rc;

use deferrt_core::PanicValue;

use crate::ir::FuncCode;
use crate::types::FuncType;

/// A run-time value. Interface values (`any`, `error`) are the value they
/// hold; the nil interface is [`Value::Nil`].
#[derive(Clone, Debug)]
pub enum Value {
    /// A nil interface (or the untyped nil).
    Nil,
    /// An `int` (in an interface: a small or constant one, identical to
    /// every other interface holding the same value, as gc's static data).
    Int(i64),
    /// An `int` converted to an interface at run time: gc allocates a box,
    /// so its identity is the `Rc`.
    BoxedInt(Rc<i64>),
    /// A `bool`.
    Bool(bool),
    /// A `string`; its `Rc` is its identity (a literal's text is shared).
    Str(Rc<str>),
    /// An error value.
    Err(Rc<ErrVal>),
    /// A func value.
    Func(FuncVal),
}

/// A func value.
#[derive(Clone, Debug)]
pub enum FuncVal {
    /// A nil func of this type.
    Nil(Rc<FuncType>),
    /// A function or closure.
    Closure(Rc<Closure>),
}

impl FuncVal {
    /// The func's static type.
    pub fn sig(&self) -> &Rc<FuncType> {
        match self {
            FuncVal::Nil(t) => t,
            FuncVal::Closure(c) => &c.code.sig,
        }
    }
}

/// A mutable variable, shared by the closures that capture it.
pub type Cell = Rc<std::cell::RefCell<Value>>;

/// Makes a fresh variable.
pub fn cell(v: Value) -> Cell {
    Rc::new(std::cell::RefCell::new(v))
}

/// A function with the variables it captured.
#[derive(Debug)]
pub struct Closure {
    /// Its code.
    pub code: Rc<FuncCode>,
    /// Captured variables, indexed by the code's capture slots.
    pub captured: Vec<Cell>,
}

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
}

/// An error value: its dynamic type and its `Error()` text.
#[derive(Debug)]
pub struct ErrVal {
    /// Dynamic type.
    pub kind: ErrKind,
    /// `Error()`.
    pub text: Rc<str>,
}

impl ErrKind {
    /// The Go type name.
    pub fn type_name(self) -> &'static str {
        match self {
            ErrKind::New => "*errors.errorString",
            ErrKind::Divide | ErrKind::NilDeref | ErrKind::Uncomparable => "runtime.errorString",
            ErrKind::PanicNil => "*runtime.PanicNilError",
            ErrKind::TypeAssert => "*runtime.TypeAssertionError",
        }
    }
}

/// The `[signal ...]` line of a nil dereference.
pub const SIGSEGV_LINE: &str = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";

impl Value {
    /// A string value.
    pub fn str(s: impl Into<Rc<str>>) -> Value {
        Value::Str(s.into())
    }

    /// An error value of a kind.
    pub fn error(kind: ErrKind, text: impl Into<Rc<str>>) -> Value {
        Value::Err(Rc::new(ErrVal {
            kind,
            text: text.into(),
        }))
    }

    /// `runtime error: integer divide by zero`.
    pub fn divide_error() -> Value {
        Value::error(ErrKind::Divide, "runtime error: integer divide by zero")
    }

    /// `runtime error: invalid memory address or nil pointer dereference`.
    pub fn nil_deref_error() -> Value {
        Value::error(
            ErrKind::NilDeref,
            "runtime error: invalid memory address or nil pointer dereference",
        )
    }

    /// The dynamic type's name, as in `interface conversion` messages.
    pub fn type_name(&self) -> String {
        match self {
            Value::Nil => "nil".into(),
            Value::Int(_) | Value::BoxedInt(_) => "int".into(),
            Value::Bool(_) => "bool".into(),
            Value::Str(_) => "string".into(),
            Value::Err(e) => e.kind.type_name().into(),
            Value::Func(f) => f.sig().to_string(),
        }
    }

    /// The value with an interface's int box removed.
    pub fn concrete(&self) -> Value {
        match self {
            Value::BoxedInt(n) => Value::Int(**n),
            v => v.clone(),
        }
    }

    /// Whether this is a nil interface.
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }
}

impl PanicValue for Value {
    fn on_panic(self) -> Self {
        match self {
            Value::Nil => Value::error(
                ErrKind::PanicNil,
                "runtime error: panic called with nil argument",
            ),
            v => v,
        }
    }

    fn same_value(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::BoxedInt(a), Value::BoxedInt(b)) => Rc::ptr_eq(a, b),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Value::Func(FuncVal::Closure(a)), Value::Func(FuncVal::Closure(b))) => {
                Rc::ptr_eq(a, b)
            }
            (Value::Err(a), Value::Err(b)) => {
                Rc::ptr_eq(a, b)
                    || (a.kind == b.kind
                        && matches!(
                            a.kind,
                            ErrKind::Divide | ErrKind::NilDeref | ErrKind::PanicNil
                        ))
            }
            _ => false,
        }
    }

    fn signal(&self) -> Option<&str> {
        match self {
            Value::Err(e) if e.kind == ErrKind::NilDeref => Some(SIGSEGV_LINE),
            _ => None,
        }
    }
}

/// How Go's runtime prints a panic value (`printpanicval`).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Nil => f.write_str("nil"),
            Value::Int(n) => write!(f, "{n}"),
            Value::BoxedInt(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Str(s) => f.write_str(s),
            Value::Err(e) => f.write_str(&e.text),
            Value::Func(fv) => write!(f, "({}) {}", fv.sig(), crate::format::func_addr(fv)),
        }
    }
}
