//! Run-time values: `Send + Sync`, so that a goroutine's registers can move
//! to another worker thread (ARCHITECTURE.md, "Values").
//!
//! Memory that Go code can share — a captured variable today; a heap
//! variable, an array, a slice's backing array or a `new(T)` in stage 5 —
//! is an [`Obj`]: consecutive slots behind one mutex, held for one load or
//! store, never across a call or a park.

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};

use deferrt_core::PanicValue;

use super::errors::{ErrKind, ErrVal, SIGSEGV_LINE};
use super::format::func_addr;
use crate::code::Proto;

/// A run-time value (24 bytes). Interface values (`any`, `error`) are, until
/// stage 5 gives them [`Value::Iface`], the value they hold; the nil
/// interface is [`Value::Nil`].
#[derive(Clone, Debug)]
pub enum Value {
    /// A nil interface (or the untyped nil).
    Nil,
    /// A `bool`.
    Bool(bool),
    /// An integer of any kind (in an interface: a small or constant one,
    /// identical to every other interface holding the same value, as gc's
    /// static data).
    Int(i64),
    /// An integer converted to an interface at run time: gc allocates a
    /// box, so its identity is the `Arc`.
    BoxedInt(Arc<i64>),
    /// A `string`: Go strings are bytes; the `Arc` is its identity (a
    /// literal's text is shared).
    Str(Str),
    /// An error value of the runtime's or the `errors` package's types.
    Err(Arc<ErrVal>),
    /// A func value.
    Func(FuncVal),
    /// `float64` / `float32` (stage 5: floats).
    #[allow(dead_code)]
    Float(f64),
    /// `complex128` / `complex64`: real and imaginary parts (a
    /// `complex64`'s rounded to `float32`).
    Complex(f64, f64),
    /// A pointer: slot `at` of `obj` (stage 5: pointers, `&x`, `&s.f`).
    #[allow(dead_code)]
    Ptr {
        /// The memory pointed into.
        obj: Arc<Obj>,
        /// The slot.
        at: u32,
    },
    /// A slice: `len` slots of `obj` from `off`, room for `cap` (stage 5).
    #[allow(dead_code)]
    Slice {
        /// The backing array, shared by every slice of it.
        obj: Arc<Obj>,
        /// First slot.
        off: u32,
        /// Length.
        len: u32,
        /// Capacity.
        cap: u32,
    },
    /// A map (stage 5: maps).
    #[allow(dead_code)]
    Map(Arc<MapObj>),
    /// A channel (stage 6: goroutines; the scheduler defines its queues).
    #[allow(dead_code)]
    Chan(Arc<ChanObj>),
    /// A non-nil interface holding a value of a declared, struct, pointer
    /// or sized type (its `Arc` address is gc's data word).
    Iface(Arc<Boxed>),
    /// A struct value: its fields. Copy on write: a copy of a struct is a
    /// copy of the `Arc`, and a store into a field of a shared one copies
    /// the fields first (`Arc::make_mut`), so Go's value semantics hold
    /// without copying at every assignment.
    Struct(Arc<Vec<Value>>),
    /// A pointer to a field (of a field...) of the struct in slot `at` of
    /// `obj`: `&s.f`, and the receiver of a promoted pointer method.
    FieldPtr(Arc<FieldPtr>),
}

/// Where a [`Value::FieldPtr`] points.
#[derive(Debug)]
pub struct FieldPtr {
    /// The memory holding the outermost struct.
    pub obj: Arc<Obj>,
    /// Its slot.
    pub at: u32,
    /// Field indices from there.
    pub path: Box<[u32]>,
}

// The design's size: a register is three words.
const _: () = assert!(std::mem::size_of::<Value>() <= 24);

/// A Go string: bytes, shared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Str(pub Arc<[u8]>);

impl Str {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The text, with invalid UTF-8 replaced (for formatting).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.0)
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it is `""`.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether both are the same allocation.
    pub fn ptr_eq(&self, other: &Str) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// A new allocation with the same bytes (a new identity).
    pub fn copied(&self) -> Str {
        Str(Arc::from(&*self.0))
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str(Arc::from(s.as_bytes()))
    }
}

impl From<Vec<u8>> for Str {
    fn from(b: Vec<u8>) -> Str {
        Str(Arc::from(b))
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str(Arc::from(s.into_bytes()))
    }
}

/// A func type's name (`func(int) string`), which a nil func value carries
/// (stage 5 replaces it with the type table's `Ty`).
pub type SigName = Arc<String>;

/// A func value.
#[derive(Clone, Debug)]
pub enum FuncVal {
    /// A nil func of this type.
    Nil(SigName),
    /// A function or closure.
    Closure(Arc<Closure>),
    /// A method value `x.M`: the method's function and the receiver,
    /// evaluated (and copied) when the method value was.
    Bound(Arc<(Arc<Closure>, Value, SigName)>),
    /// A method of an interface's dynamic type whose receiver is reached
    /// through a pointer (gc's method wrapper, `(*T).M` for a method `M`
    /// of `T`): the pointer is followed when the call runs, not when the
    /// method is looked up, so `defer i.M()` and `f := i.M` with a nil
    /// `*T` in `i` panic in the call.
    Wrap(Arc<Wrap>),
}

/// A method reached through a pointer, called by way of its wrapper.
#[derive(Debug)]
pub struct Wrap {
    /// The method's function (receiver first).
    pub clo: Arc<Closure>,
    /// From the value in the interface to the receiver's holder.
    pub path: Vec<crate::types::named::Step>,
    /// Whether the method takes the holder's address.
    pub ptr_recv: bool,
    /// For a method of `T` called through a `*T` (gc's `panicwrap`): the
    /// panic text when that pointer is nil.
    pub nil_text: Option<Arc<str>>,
    /// The value in the interface, for a method value `i.M`; `None` when
    /// it is passed as the call's first argument.
    pub recv: Option<Value>,
    /// The func's type name (the method's signature without receiver).
    pub sig: SigName,
}

impl FuncVal {
    /// The func's type name.
    pub fn sig(&self) -> &str {
        match self {
            FuncVal::Nil(t) => t,
            FuncVal::Closure(c) => &c.proto.sig,
            FuncVal::Bound(b) => &b.2,
            FuncVal::Wrap(w) => &w.sig,
        }
    }
}

/// Memory that several holders share: consecutive slots (a struct's
/// fields, nested structs and arrays inline), one mutex. Today: a variable
/// captured by a closure (one slot).
#[derive(Debug)]
pub struct Obj {
    slots: Mutex<Box<[Value]>>,
}

impl Obj {
    /// Memory holding `vals`.
    pub fn new(vals: Box<[Value]>) -> Obj {
        Obj {
            slots: Mutex::new(vals),
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Box<[Value]>> {
        // A poisoned lock means a Rust panic elsewhere (a bug); the values
        // are still whole.
        self.slots.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The value in slot `at` (nil past the end: no such slot is made).
    pub fn load(&self, at: usize) -> Value {
        self.lock().get(at).cloned().unwrap_or(Value::Nil)
    }

    /// Stores `v` in slot `at`.
    pub fn store(&self, at: usize, v: Value) {
        if let Some(s) = self.lock().get_mut(at) {
            *s = v;
        }
    }
}

/// Values whose owners are being freed, waiting to be freed in turn: see
/// [`free_later`]. The fields are never read: they are held to be dropped.
#[allow(dead_code)]
enum Freed {
    Slots(Box<[Value]>),
    One(Value),
}

thread_local! {
    /// Whether this thread is inside [`free_later`]'s loop.
    static FREEING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// What the loop still has to free.
    static TO_FREE: std::cell::RefCell<Vec<Freed>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Frees `f` without recursion through the objects it owns: a linked list
/// of a million nodes (an [`Obj`] holding a pointer to the next [`Obj`], or
/// a chain of interface boxes) would otherwise drop one nested level per
/// node on the host stack and overflow it. The outermost drop on a thread
/// runs a loop; drops of [`Obj`] and [`Boxed`] inside it only queue what
/// they held.
fn free_later(f: Freed) {
    if FREEING.with(|b| b.get()) {
        TO_FREE.with(|q| q.borrow_mut().push(f));
        return;
    }
    FREEING.with(|b| b.set(true));
    drop(f);
    while let Some(next) = TO_FREE.with(|q| q.borrow_mut().pop()) {
        drop(next);
    }
    FREEING.with(|b| b.set(false));
}

impl Drop for Obj {
    fn drop(&mut self) {
        let slots = self.slots.get_mut().unwrap_or_else(|p| p.into_inner());
        if slots.iter().any(owns_heap) {
            free_later(Freed::Slots(std::mem::take(slots)));
        }
    }
}

impl Drop for Boxed {
    fn drop(&mut self) {
        if owns_heap(&self.val) {
            free_later(Freed::One(std::mem::replace(&mut self.val, Value::Nil)));
        }
    }
}

/// Whether dropping `v` can free an [`Obj`] or a [`Boxed`] (and so nest).
fn owns_heap(v: &Value) -> bool {
    matches!(
        v,
        Value::Ptr { .. }
            | Value::Slice { .. }
            | Value::Map(_)
            | Value::Chan(_)
            | Value::Iface(_)
            | Value::Struct(_)
            | Value::FieldPtr(_)
            | Value::Func(_)
    )
}

/// A variable captured by closures: an [`Obj`] of one slot.
pub type Cell = Arc<Obj>;

/// Makes a fresh variable holding `v`.
pub fn cell(v: Value) -> Cell {
    Arc::new(Obj::new(Box::new([v])))
}

/// A map: defined with its operations in `rt/map.rs`.
pub use super::map::MapObj;

pub use super::goroutines::ChanObj;

/// A value in an interface: its dynamic type and the value.
#[derive(Debug)]
pub struct Boxed {
    /// The dynamic type.
    pub ty: Arc<super::types::TypeInfo>,
    /// The value.
    pub val: Value,
    /// The text of its `Error()` / `String()` method, once the machine
    /// called it for `fmt` or a crash report.
    pub text: Option<Str>,
    /// What a panic in that method carried, printed by `fmt` as Go's
    /// `catchPanic` does: `String method: boom`.
    pub panic: Option<Str>,
}

/// A function with the variables it captured.
#[derive(Debug)]
pub struct Closure {
    /// Its compiled code.
    pub proto: Arc<Proto>,
    /// Captured variables, indexed by the code's capture slots.
    pub captured: Vec<Cell>,
}

impl Value {
    /// A string value.
    pub fn str(s: impl Into<Str>) -> Value {
        Value::Str(s.into())
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
            Value::Float(_) => "float64".into(),
            Value::Complex(..) => "complex128".into(),
            Value::Iface(b) => b.ty.name.to_string(),
            Value::Ptr { .. }
            | Value::Slice { .. }
            | Value::Map(_)
            | Value::Chan(_)
            | Value::Struct(_)
            | Value::FieldPtr(_) => "?".into(),
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
            Value::Nil => super::errors::panic_nil(),
            v => v,
        }
    }

    fn same_value(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::BoxedInt(a), Value::BoxedInt(b)) => Arc::ptr_eq(a, b),
            (Value::Str(a), Value::Str(b)) => a.ptr_eq(b) || (a.is_empty() && b.is_empty()),
            (Value::Func(FuncVal::Closure(a)), Value::Func(FuncVal::Closure(b))) => {
                Arc::ptr_eq(a, b)
            }
            (Value::Err(a), Value::Err(b)) => {
                Arc::ptr_eq(a, b) || (a.kind == b.kind && a.kind.is_static())
            }
            (Value::Iface(a), Value::Iface(b)) => Arc::ptr_eq(a, b),
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
            Value::Str(s) => f.write_str(&s.text()),
            Value::Err(e) => f.write_str(&e.text.text()),
            Value::Func(fv) => write!(f, "({}) {}", fv.sig(), func_addr(fv)),
            Value::Float(x) => write!(f, "{x:e}"),
            Value::Complex(re, im) => f.write_str(&super::complex::fmt_complex(
                crate::types::complex::C(*re, *im),
                128,
            )),
            Value::Iface(b) => super::iface::print_panic_value(f, b),
            Value::Ptr { .. }
            | Value::Slice { .. }
            | Value::Map(_)
            | Value::Chan(_)
            | Value::Struct(_)
            | Value::FieldPtr(_) => f.write_str("(?) 0xc000012000"),
        }
    }
}
