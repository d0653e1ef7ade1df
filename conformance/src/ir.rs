//! The checked program (the checker's output, the compiler's input): names
//! resolved to variable slots, types settled. Front-end data: `Rc`s, one
//! thread; `crate::compile` turns it into [`crate::code`], which runs.

use std::rc::Rc;

use crate::types::{FuncType, Type};

/// A constant of the checked program. The compiler turns each into a
/// run-time [`crate::rt::Value`]. (The checker names it `value::Value`, an
/// alias kept until the checker moves to this name.)
#[derive(Debug, Clone)]
pub enum Const {
    /// `nil` (of an interface type).
    Nil,
    /// An integer.
    Int(i64),
    /// A `bool`.
    Bool(bool),
    /// A `string`: its bytes, not necessarily UTF-8 (interned: one `Rc`
    /// per distinct text).
    Str(Rc<[u8]>),
    /// A func constant.
    Func(FuncConst),
    /// A struct value (the zero value of a struct type).
    Struct(Vec<Const>),
    /// A floating-point number.
    Float(f64),
    /// An untyped floating-point constant, exact (constant expressions
    /// only: it is rounded to its type where it is used, `float64` by
    /// default).
    Rat(Rc<crate::types::exact::Rat>),
    /// A complex number of a complex type (each part rounded to it).
    Complex(f64, f64),
    /// An untyped complex constant, exact: real and imaginary parts
    /// (constant expressions only: rounded to its type where it is used,
    /// `complex128` by default).
    CRat(Rc<(crate::types::exact::Rat, crate::types::exact::Rat)>),
    /// An untyped integer constant beyond `int64`, exact to Go's 512 bits
    /// (constant expressions only: it must fit its type where it is used;
    /// `crate::types::exact_int`).
    Big(Rc<num_bigint::BigInt>),
    /// A nil slice, a nil map, or an array's zero value as a template (an
    /// array constant is always deep-copied before use: see [`CompExpr`]).
    Comp(CompConst),
}

/// A func constant: only the nil func of a type can be written.
#[derive(Debug, Clone)]
pub enum FuncConst {
    /// A nil func of this type.
    Nil(Rc<FuncType>),
}

impl Const {
    /// A string constant.
    pub fn str(s: &str) -> Const {
        Const::Str(Rc::from(s.as_bytes()))
    }
}

/// A checked program.
#[derive(Debug)]
pub struct Program {
    /// Number of package-level variables.
    pub nglobals: usize,
    /// Package-level variable initialisation, in order.
    pub init: Vec<Stmt>,
    /// Top-level functions, by index.
    pub funcs: Vec<Rc<FuncCode>>,
    /// `init` functions, in source order.
    pub inits: Vec<u32>,
    /// The index of `main`.
    pub main: u32,
    /// Every string constant (one `Rc` per distinct text, like gc's
    /// content-addressed static data).
    pub literals: Vec<Rc<[u8]>>,
    /// Every defer statement's tier, decided statically.
    pub tiers: Vec<DeferTier>,
    /// The source file's absolute path (`runtime.Caller`'s file), set by
    /// `crate::check` when [`Program::walks_stack`] (empty otherwise: no
    /// run can see it).
    pub file: Rc<str>,
    /// Whether the program calls `runtime.Caller`, `Callers`, `FuncForPC`
    /// or `CallersFrames`, the only ways a run can see [`Program::file`].
    pub walks_stack: bool,
    /// Whether the program calls `runtime.SetFinalizer`: then a finalizer
    /// can observe when a local stops referring to an object, and the
    /// compiler clears locals after their last use (compile/liveness.rs).
    pub finalizers: bool,
    /// The source file's name as given (for run-time refusals, which are
    /// positioned as the checker's are).
    pub file_name: Rc<str>,
}

/// Where one defer statement's calls live, decided at compile time as gc
/// decides it (`minigo tiers` prints these).
#[derive(Debug, Clone)]
pub struct DeferTier {
    /// The defer statement.
    pub pos: crate::lexer::Pos,
    /// Its function (`main.f`, `main.f.func1`).
    pub func: Rc<str>,
    /// Its index among the function's defer statements: its open-coded slot.
    pub site: u32,
    /// `None` when the function's defers are open-coded; otherwise why they
    /// go on the core's chain, naming what forced it (for a site that is
    /// not in a loop itself: the defer statement in a loop, by position).
    pub chain_reason: Option<String>,
}

/// A function body, compiled.
#[derive(Debug)]
pub struct FuncCode {
    /// Name for diagnostics (`main.f`, `main.f.func1`).
    pub name: Rc<str>,
    /// Its type.
    pub sig: Rc<FuncType>,
    /// Parameters occupy slots `0..nparams`.
    pub nparams: usize,
    /// Result slots (named or hidden) and their zero values.
    pub results: Vec<(u32, Const)>,
    /// Number of local slots.
    pub nslots: usize,
    /// Where each captured variable comes from in the enclosing function.
    pub captures: Vec<Var>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Whether the function's defers are open-coded: at most 8 defer
    /// statements, none in a loop, returns x defers <= 15 (gc's rule).
    pub open: bool,
    /// The line of the body's closing brace (0: a function minigo made
    /// up): where gc's exit runs a chain frame's deferred calls.
    pub end_line: u32,
    /// Whether it is a wrapper the checker made to forward to one call (a
    /// method expression reaching its method through embedded fields or a
    /// receiver to adjust, `I.M`): like gc's wrappers it is invisible to
    /// `recover` (ARCHITECTURE.md, "recover by frame depth").
    pub wrapper: bool,
}

/// A variable reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Var {
    /// A slot of the current activation.
    Local(u32),
    /// A variable captured by the current closure.
    Capture(u32),
    /// A package-level variable.
    Global(u32),
}

/// Integer and string operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    /// `+` on ints.
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/` (panics on zero)
    Div,
    /// `%` (panics on zero)
    Rem,
    /// `+` on strings.
    Concat,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `==` (dynamic, for interface operands)
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// An expression.
#[derive(Debug, Clone)]
pub enum Expr {
    /// A constant.
    Const(Const),
    /// A variable's value.
    Load(Var),
    /// A top-level function.
    Func(u32),
    /// A function literal: makes a closure.
    Lit(Rc<FuncCode>),
    /// `-x`
    Neg(Box<Expr>),
    /// `!x`
    Not(Box<Expr>),
    /// Arithmetic.
    Arith(Arith, Box<Expr>, Box<Expr>),
    /// Comparison.
    Cmp(Cmp, Box<Expr>, Box<Expr>),
    /// `x == nil` (`negate`: `!=`), for interfaces and funcs.
    IsNil(Box<Expr>, bool),
    /// `&&`
    And(Box<Expr>, Box<Expr>),
    /// `||`
    Or(Box<Expr>, Box<Expr>),
    /// An `int` or `string` converted to an interface at run time (a new
    /// identity, as gc's `convT64`/`convTstring` allocate).
    ToIface(Box<Expr>),
    /// A call used for its first result.
    Call(Box<Call>),
    /// An expression that can fail at run time, with its entry of the
    /// compiler's line table (`code::FaultSite::entry`: its line and
    /// site): a walk through a function that panicked there reads the
    /// line from that table (`Proto::lines`), as it reads a call's;
    /// nothing at run time.
    At(u32, Box<Expr>),
    /// Issue 10's expressions: receives, channels, `sync` objects.
    Go(Box<GoExpr>),
    /// `x.(T)`; `src` is the static interface type of `x`.
    Assert {
        /// The operand.
        x: Box<Expr>,
        /// The asserted type.
        to: Type,
        /// The operand's static type.
        src: Type,
    },
    /// Issue 9's structs, pointers, methods and interfaces.
    Typed(Box<TypedExpr>),
    /// Issue 9's composite values: slices, arrays, maps, strings as bytes.
    Comp(Box<CompExpr>),
}

/// How a builtin `print` argument prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintKind {
    /// As its dynamic value.
    Plain,
    /// An interface: `(0x..,0x..)`.
    Iface,
    /// A pointer, channel, map or func: its address (`0x0` when nil).
    Ref,
    /// A slice: `[len/cap]` and its array's address (`0x0` when nil).
    Slice,
    /// An unsigned integer (a `uint64` above `int64`'s range is held as
    /// its bits).
    Unsigned,
    /// A `float32` or `complex64`: written with `float32`'s shortest
    /// digits.
    Single,
}

/// Builtin and package functions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Builtin {
    /// `panic(v)`
    Panic,
    /// `recover()`
    Recover,
    /// `print` / `println`
    Print {
        /// `println`?
        ln: bool,
        /// How each argument prints.
        kinds: std::sync::Arc<[PrintKind]>,
    },
    /// `len(s)`
    Len,
    /// `fmt.Print`
    FmtPrint,
    /// `fmt.Println`
    FmtPrintln,
    /// `fmt.Printf`
    FmtPrintf,
    /// `fmt.Sprint`
    FmtSprint,
    /// `fmt.Sprintln`
    FmtSprintln,
    /// `fmt.Sprintf`
    FmtSprintf,
    /// `fmt.Errorf` (formats like Sprintf; `%w` acts as `%v`)
    FmtErrorf,
    /// `errors.New`
    ErrorsNew,
    /// `os.Exit`
    OsExit,
    /// `runtime.Goexit`
    Goexit,
    /// A function of `strings`, `sort`, `slices`, `errors` or `log`
    /// (rt/pkg.rs).
    Pkg(PkgFn),
    /// `runtime.Gosched`: lets other goroutines run (the machine suspends
    /// the goroutine and resumes it, possibly on another worker).
    Gosched,
    /// Issue 10's functions and methods: channels, `sync`, `time.Sleep`.
    Go(GoBuiltin),
}

/// What a call calls.
#[derive(Debug, Clone)]
pub enum Target {
    /// A func value.
    Value(Expr),
    /// A builtin.
    Builtin(Builtin),
    /// `x.Error()` on an `error`.
    ErrorMethod(Expr),
    /// `x.name(...)` on an interface value: the method of its dynamic type,
    /// the receiver its first argument.
    Iface(Expr, Rc<str>),
}

/// Call arguments.
#[derive(Debug, Clone)]
pub enum Args {
    /// One expression per parameter.
    List(Vec<Expr>),
    /// `f(g())` with a multi-valued `g`.
    Spread(Expr),
    /// `f(a, b, s...)` of a native `...any` function: the fixed arguments,
    /// then the elements of the slice `rest`.
    Unpack(Vec<Expr>, Expr),
}

/// A call.
#[derive(Debug, Clone)]
pub struct Call {
    /// The line of the call in the source (0: a call minigo made up), for
    /// `runtime.Caller`'s line table (`Proto::lines`); no cost at run time.
    pub line: u32,
    /// The callee.
    pub target: Target,
    /// The arguments.
    pub args: Args,
}

/// An assignment target.
#[derive(Debug, Clone, Copy)]
pub enum Lhs {
    /// `_`
    Blank,
    /// An existing variable.
    Set(Var),
    /// A new local variable (a fresh cell each time).
    Declare(u32),
}

/// Right-hand sides.
#[derive(Debug)]
pub enum Rhs {
    /// One value per target.
    List(Vec<Expr>),
    /// One multi-valued call.
    Multi(Expr),
    /// `v, ok = <-ch`; `zero` is the element type's zero value.
    RecvOk {
        /// The channel.
        ch: Expr,
        /// The zero value of its element type (received once it is closed).
        zero: Const,
    },
    /// `v, ok = x.(T)`
    AssertOk {
        /// The operand.
        x: Expr,
        /// The asserted type.
        to: Type,
        /// The zero value of `to`.
        zero: Const,
    },
    /// `v, ok = m[k]`
    MapOk {
        /// The map.
        m: Expr,
        /// The key.
        k: Expr,
        /// The zero value of the map's element type.
        zero: Const,
        /// In a `range` loop over the map: the key's index in the loop's
        /// snapshot of the keys (a NaN key is found by it, as no lookup
        /// finds one).
        at: Option<Expr>,
    },
}

/// A statement.
#[derive(Debug)]
pub enum Stmt {
    /// An expression statement.
    Expr(Expr),
    /// Assignment or declaration.
    Assign {
        /// The targets.
        lhs: Vec<Lhs>,
        /// The values.
        rhs: Rhs,
    },
    /// `x op= y`, `x++`, `x--`.
    OpAssign {
        /// The variable.
        var: Var,
        /// The operator.
        op: Arith,
        /// The operand.
        rhs: Expr,
    },
    /// `if`
    If {
        /// Init statement.
        init: Option<Box<Stmt>>,
        /// Condition.
        cond: Expr,
        /// Then-branch.
        then: Vec<Stmt>,
        /// Else-branch (possibly empty).
        els: Vec<Stmt>,
    },
    /// `for`
    For {
        /// Init statement.
        init: Option<Box<Stmt>>,
        /// Condition.
        cond: Option<Expr>,
        /// Post statement.
        post: Option<Box<Stmt>>,
        /// Body.
        body: Vec<Stmt>,
        /// Slots of variables declared by the init statement (fresh per iteration).
        per_iter: Vec<u32>,
    },
    /// A block.
    Block(Vec<Stmt>),
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `return` (values are stored in the result slots first), and its
    /// line (0: minigo made it up).
    Return(Option<Rhs>, u32),
    /// Issue 10's statements: `go`, sends, `select`, `range` over a channel.
    Go(GoStmt),
    /// `defer call`; `site` is its open-coded slot.
    Defer {
        /// The deferred call.
        call: Call,
        /// The defer statement's index in its function.
        site: u32,
    },
    /// Issue 9's stores into fields and through pointers.
    Typed(Box<TypedStmt>),
    /// Issue 9's statements on composite values and control flow.
    Comp(Box<CompStmt>),
    /// A statement whose stores can fail at run time (into a nil map,
    /// through a nil pointer, past a slice's length), with the
    /// `code::Proto::lines` entry of the target gc shows it failing at
    /// (`code::FaultSite::entry`); a failing expression inside it has
    /// its own [`Expr::At`].
    At(u32, Box<Stmt>),
}

// ---- Issue 9: structs, pointers, methods, interfaces ----------------------

/// An expression on structs, pointers, methods and interfaces.
#[derive(Debug, Clone)]
pub enum TypedExpr {
    /// Field `i` of a struct value.
    Field(Expr, u32),
    /// `*p` (a nil `p` is the nil dereference).
    Deref(Expr),
    /// `&v` of a variable (which then lives in a cell).
    AddrVar(Var),
    /// `&p.f.g`: the address of a field of what `p` points to.
    FieldAddr(Expr, Vec<u32>),
    /// `&x[i]` of a slice or an array (a run-time error out of range).
    ElemAddr(Expr, Expr),
    /// A new variable holding the value: `&T{...}`, `new(T)`.
    New(Expr),
    /// `&*p`: the pointer itself, after the nil check of the indirection.
    NonNil(Expr),
    /// A struct value from its fields' values, in order.
    StructLit(Vec<(u32, Expr)>),
    /// A value converted to an interface, with its dynamic type.
    Box(Expr, Type),
    /// The method value `x.M`: the method's function and its receiver.
    Bound(Expr, Expr, Rc<FuncType>),
    /// The method value `x.M` of an interface value `x`: its dynamic
    /// type's method, bound to the receiver (a nil `x` faults here).
    IfaceBound(Expr, Rc<str>, Rc<FuncType>),
    /// An operand of `fmt`'s print functions: if its dynamic type has an
    /// `Error` (else a `String`) method, the method is called and its text
    /// kept with the value for `%v`, `%s`, `%q`, `%x`.
    Show(Expr),
    /// A slice or array operand of `fmt` whose elements' `Error`/`String`
    /// methods `fmt` calls: a new slice of the elements, each boxed with
    /// the element type and its text (boxed itself with the operand's type).
    ShowElems(Expr, Type, Type),
    /// A struct operand of `fmt` (of the type given, without methods of
    /// its own) whose exported fields have `Error`/`String` methods, at any
    /// depth: a copy whose fields are boxed with their texts, boxed itself.
    ShowFields(Expr, Type),
    /// `a op b` on numbers of kind `kind` (wrapping, Go's division and
    /// shifts).
    Num {
        /// The operator.
        op: crate::types::num::NumOp,
        /// The operands' kind.
        kind: crate::types::num::NumKind,
        /// Left operand.
        a: Expr,
        /// Right operand.
        b: Expr,
    },
    /// `a op b` comparing numbers of kind `kind`.
    NumCmp {
        /// The comparison.
        op: Cmp,
        /// The operands' kind.
        kind: crate::types::num::NumKind,
        /// Left operand.
        a: Expr,
        /// Right operand.
        b: Expr,
    },
    /// `-x` (`neg`) or `^x` on a number of kind `kind`.
    NumUnary {
        /// Negation, else complement.
        neg: bool,
        /// The kind.
        kind: crate::types::num::NumKind,
        /// The operand.
        x: Expr,
    },
    /// A conversion between numeric kinds.
    Conv {
        /// The operand.
        x: Expr,
        /// Its kind.
        from: crate::types::num::NumKind,
        /// The result's.
        to: crate::types::num::NumKind,
    },
}

/// A store into a field or through a pointer.
#[derive(Debug)]
pub enum TypedStmt {
    /// `v.f.g = x` for a variable `v` holding a struct.
    SetField {
        /// The variable.
        var: Var,
        /// Field indices.
        path: Vec<u32>,
        /// The value.
        rhs: Expr,
    },
    /// `p.f.g = x` through the pointer `p` (an empty path: `*p = x`).
    Store {
        /// The pointer.
        p: Expr,
        /// Field indices.
        path: Vec<u32>,
        /// The value.
        rhs: Expr,
    },
}

// ---- Issue 9: composite values, strings as bytes, control flow ----------

/// A constant of a composite type.
#[derive(Debug, Clone)]
pub enum CompConst {
    /// A nil slice.
    NilSlice,
    /// A nil map.
    NilMap,
    /// A zero array of `len` elements of the zero value `elem` (a
    /// template: copied `depth` levels deep before use).
    Array(u32, Box<Const>),
}

/// What an index or slice expression works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// A slice.
    Slice,
    /// An array (a value in a register, or a variable's storage).
    Array,
    /// A string: bytes.
    Str,
    /// A map.
    Map,
}

/// A conversion between strings and slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// `[]byte(s)`
    StrToBytes,
    /// `[]rune(s)`
    StrToRunes,
    /// `string(b)` of a `[]byte`
    BytesToStr,
    /// `string(r)` of a `[]rune`
    RunesToStr,
    /// `string(r)` of an integer (a rune)
    RuneToStr,
    /// `[N]T(s)` of a `[]T`: a new array of the slice's first `N`
    /// elements (a run-time error when the slice is shorter).
    SliceToArray(u32),
    /// `(*[N]T)(s)` of a `[]T`: a pointer to the slice's first `N`
    /// elements, sharing its backing array (nil for a nil slice; a
    /// run-time error when the slice is shorter).
    SliceToArrayPtr(u32),
    /// A pointer to an array as `==` compares it: the address of the
    /// array's storage (its first slot), so that pointers made by `&a` and
    /// by `(*[N]T)(a[:])` to the same array are equal (nil stays nil).
    ArrayPtrIdentity,
}

/// An expression on composite values.
#[derive(Debug, Clone)]
pub enum CompExpr {
    /// `x[i]`; for a map, `zero` is the value of a missing key.
    Index {
        /// The operand.
        x: Expr,
        /// The index or key.
        i: Expr,
        /// What `x` is.
        on: On,
        /// The zero value of the element (maps).
        zero: Const,
    },
    /// `x[lo:hi:max]`
    SliceOf {
        /// The operand.
        x: Expr,
        /// Low bound.
        lo: Option<Expr>,
        /// High bound.
        hi: Option<Expr>,
        /// Capacity bound.
        max: Option<Expr>,
        /// What `x` is.
        on: On,
    },
    /// `make([]T, len, cap)`
    MakeSlice {
        /// Length.
        len: Expr,
        /// Capacity.
        cap: Option<Expr>,
        /// The element's zero value.
        zero: Const,
        /// The element type's copy shape (`copy_shape`; each element is
        /// a copy of `zero`).
        shape: Rc<[u32]>,
    },
    /// `make(map[K]V)` and map literals' start.
    MakeMap,
    /// A slice, array or map literal: elements by position (slices and
    /// arrays) or by key (maps); `len` elements for slices and arrays.
    Lit {
        /// What kind of literal.
        on: On,
        /// Length (slices and arrays).
        len: u32,
        /// The element's zero value (slices and arrays).
        zero: Const,
        /// The element type's copy shape (`copy_shape`).
        shape: Rc<[u32]>,
        /// `(index or key, value)` in source order.
        elems: Vec<(Expr, Expr)>,
    },
    /// `append(s, vals...)`; `spread` for `append(s, t...)`.
    Append {
        /// The slice.
        s: Expr,
        /// The values (or the one spread slice / string).
        vals: Vec<Expr>,
        /// `append(s, t...)`
        spread: bool,
        /// The element's size in bytes (Go's growth rounds to size classes).
        size: u32,
        /// Whether the element holds pointers.
        pointers: bool,
        /// The element's zero value (the new room past the length).
        zero: Const,
        /// The element type's copy shape (`copy_shape`): elements moved
        /// to a new array or spread from another slice are copies.
        shape: Rc<[u32]>,
    },
    /// `copy(dst, src)` (src a slice or a string).
    Copy {
        /// Destination.
        dst: Expr,
        /// Source.
        src: Expr,
        /// The element type's copy shape (`copy_shape`).
        shape: Rc<[u32]>,
    },
    /// `len(x)`
    Len(Expr),
    /// `cap(x)`
    Cap(Expr),
    /// `len(p)` / `cap(p)` of a pointer to an array whose expression has a
    /// call or a receive: `p` is evaluated for its effects (never
    /// dereferenced: a nil one is fine), then the value is the constant.
    Then(Expr, Const),
    /// A conversion between strings and slices.
    Convert {
        /// The operand.
        x: Expr,
        /// Which.
        how: Conv,
    },
    /// `x == nil` (`neg`: `!=`) of a slice or map.
    IsNil {
        /// The slice or map.
        x: Expr,
        /// `!=`?
        neg: bool,
    },
    /// The rune at byte `i` of the string `s` (`width`: its width in
    /// bytes instead), as `for range` over a string decodes it.
    DecodeRune {
        /// The string.
        s: Expr,
        /// The byte index.
        i: Expr,
        /// The width instead of the rune?
        width: bool,
    },
    /// The keys of a map, as a slice (a `for range` over a map starts).
    MapKeys(Expr),
    /// Stores `value` in a package-level variable (a hidden one: `log`'s
    /// flags and prefix); no value.
    SetGlobal {
        /// The variable.
        global: u32,
        /// The value.
        value: Expr,
    },
    /// The index of the current activation on the goroutine's stack: a
    /// function with a range-over-func loop whose body defers takes it,
    /// so that the body's defers go to its frame.
    ActIndex,
    /// The run-time error of a range-over-func state (gc's
    /// `panicrangestate`): 0 done, 2 panic, 3 exhausted, 4 missing panic.
    RangeError(Expr),
    /// A copy of a value that holds arrays (an array, or a struct with
    /// array fields), duplicating every array it holds by value.
    CopyArray {
        /// The value.
        x: Expr,
        /// What to duplicate: `checker::composite::copy_shape`'s code.
        shape: Rc<[u32]>,
    },
    /// The value `new` (a copy of the right-hand side) to store over `old`
    /// (the target's current value) so that the arrays it holds are
    /// overwritten in place: Go's arrays are storage, and slices of them,
    /// pointers to their elements and `(*[N]T)(s)` views see an assignment
    /// of the whole array.
    Overwrite {
        /// The target's current value (read after `new`).
        old: Expr,
        /// The value assigned.
        new: Expr,
        /// Where the arrays are: `checker::composite::copy_shape`'s code.
        shape: Rc<[u32]>,
    },
}

/// A place an assignment stores to.
#[derive(Debug)]
pub enum Place {
    /// A variable (or `_`).
    Var(Lhs),
    /// `x[i]`
    Elem {
        /// The slice, array or map.
        x: Expr,
        /// Index or key.
        i: Expr,
        /// What `x` is.
        on: On,
    },
    /// `v.f.g` of a variable holding a struct.
    Field {
        /// The variable.
        var: Var,
        /// Field indices.
        path: Vec<u32>,
    },
    /// `p.f.g` (or `*p`: an empty path) through the pointer `p`.
    Pointee {
        /// The pointer (evaluated before the values).
        p: Expr,
        /// Field indices.
        path: Vec<u32>,
    },
}

/// A statement on composite values, or of control flow.
#[derive(Debug)]
pub enum CompStmt {
    /// Assignment with element targets: the targets' operands are
    /// evaluated first, then the values, then the stores left to right.
    Assign {
        /// Targets.
        targets: Vec<Place>,
        /// Values.
        rhs: Rhs,
    },
    /// `x[i] op= v` (`x` and `i` evaluated once).
    OpAssign {
        /// The element.
        target: Place,
        /// The operator.
        op: Arith,
        /// The operand.
        rhs: Expr,
    },
    /// `x[i] op= v` on an element of a sized integer or float type, or a
    /// bitwise operator on any integer element (`x` and `i` evaluated once;
    /// not on maps, whose missing keys read the element's zero).
    NumOpAssign {
        /// The element.
        target: Place,
        /// The operator.
        op: crate::types::num::NumOp,
        /// The element's kind.
        kind: crate::types::num::NumKind,
        /// The operand.
        rhs: Expr,
    },
    /// `delete(m, k)`
    Delete {
        /// The map.
        m: Expr,
        /// The key.
        k: Expr,
    },
    /// `defer` in a range-over-func loop body: the call goes to the frame
    /// of the activation `act` (the function that has the loop), not the
    /// body's (gc's `deferprocat`).
    DeferTo {
        /// The deferred call.
        call: Call,
        /// The activation index ([`CompExpr::ActIndex`]).
        act: Expr,
    },
    /// A jump target of the function (labels, `switch` clauses, the ends
    /// of labeled loops): numbered per function.
    Label(u32),
    /// `goto` a label of the function (also `break L`, `continue L`, a
    /// `break` out of a `switch`, `fallthrough`).
    Goto(u32),
}

impl CompExpr {
    /// The sub-expressions, in evaluation order (for walks over the tree).
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            CompExpr::Index { x, i, .. } => vec![x, i],
            CompExpr::SliceOf { x, lo, hi, max, .. } => {
                let mut v = vec![x];
                v.extend(lo.iter().chain(hi).chain(max));
                v
            }
            CompExpr::MakeSlice { len, cap, .. } => {
                let mut v = vec![len];
                v.extend(cap.iter());
                v
            }
            CompExpr::MakeMap => Vec::new(),
            CompExpr::Lit { elems, .. } => elems.iter().flat_map(|(k, v)| [k, v]).collect(),
            CompExpr::Append { s, vals, .. } => {
                let mut v = vec![s];
                v.extend(vals.iter());
                v
            }
            CompExpr::Copy { dst, src, .. } => vec![dst, src],
            CompExpr::Len(x) | CompExpr::Cap(x) | CompExpr::Then(x, _) => vec![x],
            CompExpr::DecodeRune { s, i, .. } => vec![s, i],
            CompExpr::MapKeys(x) | CompExpr::RangeError(x) => vec![x],
            CompExpr::ActIndex => Vec::new(),
            CompExpr::SetGlobal { value, .. } => vec![value],
            CompExpr::Overwrite { old, new, .. } => vec![new, old],
            CompExpr::Convert { x, .. }
            | CompExpr::CopyArray { x, .. }
            | CompExpr::IsNil { x, .. } => vec![x],
        }
    }
}

impl Place {
    /// The operands evaluated before the values are stored.
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            Place::Var(_) => Vec::new(),
            Place::Elem { x, i, .. } => vec![x, i],
            Place::Field { .. } => Vec::new(),
            Place::Pointee { p, .. } => vec![p],
        }
    }
}

impl CompStmt {
    /// The expressions of the statement (for walks over the tree), and its
    /// right-hand sides.
    pub fn exprs(&self) -> (Vec<&Expr>, Option<&Rhs>) {
        match self {
            CompStmt::Assign { targets, rhs } => {
                (targets.iter().flat_map(Place::exprs).collect(), Some(rhs))
            }
            CompStmt::OpAssign { target, rhs, .. } | CompStmt::NumOpAssign { target, rhs, .. } => {
                let mut v = target.exprs();
                v.push(rhs);
                (v, None)
            }
            CompStmt::Delete { m, k } => (vec![m, k], None),
            CompStmt::Label(_) | CompStmt::Goto(_) => (Vec::new(), None),
            CompStmt::DeferTo { call, act } => {
                let mut v = vec![act];
                if let Target::Value(f) | Target::ErrorMethod(f) = &call.target {
                    v.push(f);
                }
                match &call.args {
                    Args::List(es) => v.extend(es.iter()),
                    Args::Spread(e) => v.push(e),
                    Args::Unpack(es, e) => {
                        v.extend(es.iter());
                        v.push(e);
                    }
                }
                (v, None)
            }
        }
    }

    /// Nested statement lists (control flow), for walks over the tree.
    pub fn blocks(&self) -> Vec<&[Stmt]> {
        Vec::new()
    }
}

/// Issue 10's statements.
#[derive(Debug)]
pub enum GoStmt {
    /// `go call`: the call runs on a new goroutine.
    Spawn(Call),
    /// `ch <- v`
    Send {
        /// The channel.
        ch: Expr,
        /// The value.
        v: Expr,
    },
    /// `select { cases }`: at most one `default`.
    Select {
        /// The communication cases, in source order.
        cases: Vec<SelectCase>,
        /// The `default` clause's body, if there is one.
        default: Option<Vec<Stmt>>,
        /// The line-table entry of its choice (`code::FaultSite::entry`):
        /// where gc shows a send on a closed channel failing.
        at: u32,
    },
    /// `for v := range ch` / `for range ch`.
    RangeChan {
        /// The channel.
        ch: Expr,
        /// Where each received value goes.
        value: Lhs,
        /// Slots of variables declared by the clause (fresh per iteration).
        per_iter: Vec<u32>,
        /// The body.
        body: Vec<Stmt>,
    },
}

/// One communication case of a `select`.
#[derive(Debug)]
pub struct SelectCase {
    /// The channel.
    pub ch: Expr,
    /// What the case does.
    pub comm: SelectComm,
    /// The case's statements.
    pub body: Vec<Stmt>,
}

/// A `select` case's communication.
#[derive(Debug)]
pub enum SelectComm {
    /// `case ch <- v:`
    Send(Expr),
    /// `case v, ok := <-ch:` (each target optional).
    Recv {
        /// The received value's target.
        value: Lhs,
        /// The `ok` target.
        ok: Lhs,
        /// The element type's zero value.
        zero: Const,
    },
}

/// Issue 10's expressions.
#[derive(Debug, Clone)]
pub enum GoExpr {
    /// `<-ch`; `zero` is the element type's zero value.
    Recv {
        /// The channel.
        ch: Expr,
        /// Received once the channel is closed.
        zero: Const,
    },
    /// `make(chan T, size)`.
    MakeChan {
        /// The buffer size (none: unbuffered).
        size: Option<Expr>,
    },
    /// The `sync` object that the pointer `ptr` points to: made there on
    /// first use (the type's zero value is ready to use, as in Go); a nil
    /// pointer faults.
    SyncAt {
        /// A pointer to the `sync` value (`&mu`, `&s.mu`, or a `*sync.T`).
        ptr: Expr,
        /// Which object.
        kind: SyncKind,
    },
}

/// The `sync` package's types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncKind {
    /// `sync.WaitGroup`
    WaitGroup,
    /// `sync.Mutex`
    Mutex,
    /// `sync.RWMutex`
    RwMutex,
    /// `sync.Once`
    Once,
    /// `atomic.Int32`, `atomic.Int64`, `atomic.Uint32`, `atomic.Uint64`: the
    /// integer itself is the value (its zero value is 0).
    AtomicInt(crate::types::table::IntKind),
    /// `atomic.Bool`
    AtomicBool,
}

impl SyncKind {
    /// The Go type name.
    pub fn name(self) -> &'static str {
        use crate::types::table::IntKind as K;
        match self {
            SyncKind::WaitGroup => "sync.WaitGroup",
            SyncKind::Mutex => "sync.Mutex",
            SyncKind::RwMutex => "sync.RWMutex",
            SyncKind::Once => "sync.Once",
            SyncKind::AtomicInt(K::I32) => "atomic.Int32",
            SyncKind::AtomicInt(K::U32) => "atomic.Uint32",
            SyncKind::AtomicInt(K::U64) => "atomic.Uint64",
            SyncKind::AtomicInt(_) => "atomic.Int64",
            SyncKind::AtomicBool => "atomic.Bool",
        }
    }
}

/// A `sync/atomic` operation on the value a pointer points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtomicOp {
    /// `Add(delta)`: the new value, wrapped to the kind's width.
    Add(crate::types::table::IntKind),
    /// `Load()`
    Load,
    /// `Store(v)`
    Store,
    /// `Swap(v)`: the old value.
    Swap,
    /// `CompareAndSwap(old, new)`: whether it swapped.
    Cas,
}

/// Issue 10's functions and methods (the `sync` methods take the object
/// as their first argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoBuiltin {
    /// `close(ch)`
    Close,
    /// `len(ch)`
    ChanLen,
    /// `cap(ch)`
    ChanCap,
    /// `wg.Add(n)`
    WgAdd,
    /// `wg.Done()`
    WgDone,
    /// `wg.Wait()`
    WgWait,
    /// `mu.Lock()` (also `rw.Lock()`)
    Lock,
    /// `mu.Unlock()` (also `rw.Unlock()`)
    Unlock,
    /// `mu.TryLock()`
    TryLock,
    /// `rw.RLock()`
    RLock,
    /// `rw.RUnlock()`
    RUnlock,
    /// The start of `once.Do(f)`: true if this call runs `f`.
    OnceBegin,
    /// The end of `once.Do(f)`'s run of `f` (deferred: also when it panics).
    OnceFinish,
    /// A new `sync.OnceFunc`/`OnceValue` state.
    OnceNew,
    /// Stores the result of `f` in a `OnceValue` state.
    OnceStore,
    /// The deferred end of a `OnceFunc`/`OnceValue`'s call of `f`: a panic
    /// is kept (and goes on), the `Once` is done either way.
    OnceValueFinish,
    /// The result kept in a `OnceValue` state, or its panic again.
    OnceLoad,
    /// The deferred end of a `wg.Go(f)` goroutine: re-panics a panic of
    /// `f`, else `wg.Done()`.
    WgGoDone,
    /// `time.Sleep(d)`
    Sleep,
    /// `runtime.NumGoroutine()`
    NumGoroutine,
    /// `runtime.Caller(skip)`, with the call's line and column after
    /// `skip` (for the refusal): run by the machine (vm/go/caller.rs).
    Caller,
    /// `runtime.Callers(skip, pcs)`, with the call's line and column.
    Callers,
    /// `runtime.FuncForPC(pc)`, with the call's line and column.
    FuncForPc,
    /// The prelude's `minigo_pc_frame(pc)`: function, file, line.
    PcFrame,
    /// `runtime.CallersFrames(pcs)`: a `*runtime.Frames` over `pcs`.
    CallersFrames,
    /// `runtime.GOMAXPROCS(n)`: the previous setting (`n < 1` only asks;
    /// the run's worker count does not change).
    GoMaxProcs,
    /// `runtime.NumCPU()`
    NumCpu,
    /// `time.Now()`: a monotonic reading in nanoseconds (minigo's
    /// `time.Time` is that reading).
    Now,
    /// `time.Since(t)`: nanoseconds since the reading `t`.
    Since,
    /// `time.After(d)`: a channel that receives the time once `d` passed
    /// (a hidden goroutine sleeps, then sends).
    After,
    /// The send of `time.After`'s hidden goroutine (with a state cell and
    /// a period: of a `time.Timer` or `time.Ticker`, vm/go/timers.rs).
    TimerFire,
    /// Arms a `time.Timer`/`Ticker`: `(ch, d, period)` to its state cell.
    TimerArm,
    /// Stops a `time.Timer`/`Ticker`: `(ch, state)` to whether it stopped
    /// a timer whose value was not received yet.
    TimerStop,
    /// `sync/atomic` (the first argument is the pointer; a slot never
    /// stored holds nil: 0, or false when the flag says the value is a bool).
    Atomic(AtomicOp, bool),
    /// `runtime.SetFinalizer(obj, f)` as the checker lowered it:
    /// `(obj as f's parameter, f, flags, fatal text)` (vm/go/collector.rs).
    SetFinalizer,
    /// `runtime.GC()`, `debug.FreeOSMemory()`: a collection, which queues
    /// the finalizers of the objects nothing else refers to.
    Gc,
    /// The finalizer goroutine's next step: runs the next queued
    /// finalizer, or ends the goroutine when none is left.
    FinNext,
    /// `debug.SetGCPercent(n)`: the previous setting.
    SetGcPercent,
    /// `debug.Stack()`, with the call's line and column: the goroutine's
    /// traceback as gc prints it (vm/go/caller.rs).
    DebugStack,
    /// `debug.PrintStack()`, with the call's line and column: the same,
    /// to stderr.
    DebugPrintStack,
}

/// The flags of a lowered `SetFinalizer` (its third argument).
pub mod finalizer_flags {
    /// The first argument is a pointer: check its value (nil, not at the
    /// start of an allocation) before anything else.
    pub const CHECK_PTR: i64 = 1;
    /// A pointer into an allocation is accepted (gc's tiny allocations:
    /// the element type has no pointers and is smaller than 16 bytes).
    pub const INNER_OK: i64 = 2;
    /// The element type has size zero: gc's `zerobase`, never finalized.
    pub const ZERO_SIZE: i64 = 4;
    /// The finalizer is `nil`: clears the object's finalizer.
    pub const CLEAR: i64 = 8;
}

impl GoBuiltin {
    /// Whether the machine runs it with the goroutine's activations
    /// (`runtime.Caller` and its kin, vm/go/caller.rs).
    ///
    /// ```
    /// use minigo::ir::GoBuiltin;
    /// assert!(GoBuiltin::Caller.walks_stack());
    /// assert!(!GoBuiltin::CallersFrames.walks_stack());
    /// ```
    pub fn walks_stack(self) -> bool {
        matches!(
            self,
            Self::Caller
                | Self::Callers
                | Self::FuncForPc
                | Self::PcFrame
                | Self::DebugStack
                | Self::DebugPrintStack
        )
    }

    /// Whether the goroutine may have to wait in it (`runtime.GC` waits
    /// for the finalizers it queued).
    pub fn blocks(self) -> bool {
        matches!(
            self,
            GoBuiltin::Gc
                | GoBuiltin::WgWait
                | GoBuiltin::Lock
                | GoBuiltin::RLock
                | GoBuiltin::OnceBegin
                | GoBuiltin::Sleep
        )
    }
}

/// The functions of the packages of issue 9 that programs around defer
/// use (rt/pkg.rs runs them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum PkgFn {
    StringsContains,
    StringsContainsRune,
    StringsContainsAny,
    StringsHasPrefix,
    StringsHasSuffix,
    StringsIndex,
    StringsIndexByte,
    StringsIndexRune,
    StringsLastIndex,
    StringsSplit,
    StringsSplitN,
    StringsFields,
    StringsJoin,
    StringsRepeat,
    StringsReplace,
    StringsReplaceAll,
    StringsToUpper,
    StringsToLower,
    StringsTitle,
    StringsTrimSpace,
    StringsTrim,
    StringsTrimLeft,
    StringsTrimRight,
    StringsTrimPrefix,
    StringsTrimSuffix,
    StringsCount,
    StringsEqualFold,
    StringsCut,
    StringsCompare,
    /// `bytes.Compare` (the checker converts each `[]byte` to a string).
    BytesCompare,
    BytesEqual,
    BytesIndex,
    BytesIndexByte,
    BytesLastIndex,
    BytesContains,
    BytesHasPrefix,
    BytesHasSuffix,
    BytesCount,
    SortInts,
    SortStrings,
    SortIntsAreSorted,
    SortStringsAreSorted,
    SortSearchInts,
    SortSearchStrings,
    SlicesSort,
    SlicesContains,
    SlicesIndex,
    SlicesMax,
    SlicesMin,
    SlicesReverse,
    SlicesEqual,
    SlicesClone,
    /// `delete(m, k)` (a builtin; deferrable).
    Delete,
    /// `runtime.KeepAlive(x)`, `LockOSThread`, `UnlockOSThread`: nothing to
    /// do (a goroutine's thread is not observable without cgo or syscalls).
    RuntimeNop,
    /// `runtime.Breakpoint()`: the process stops with SIGTRAP's report.
    RuntimeBreakpoint,
    /// `os.Getenv(key)`: the process environment's value, `""` when unset.
    OsGetenv,
    /// `copy(dst, src)` as the call of a `defer` or `go` statement (in an
    /// expression it is [`CompExpr::Copy`]).
    Copy,
    /// `min(a, ...)` or `max(a, ...)` of values of one ordered type
    /// (rt/minmax.rs).
    MinMax {
        /// `max`?
        max: bool,
        /// How the values order.
        kind: OrdKind,
    },
    /// `clear(x)` of a map, or of a slice with its element's zero value
    /// second.
    Clear,
    ErrorsIs,
    ErrorsUnwrap,
    /// The error and every error it wraps, depth first (`errors.As`'s walk).
    ErrorsChain,
    /// The errors a wrapping error of the run time wraps (`%w`,
    /// `errors.Join`); none for other values.
    ErrorsWrapped,
    /// Writes a string to stderr (`fmt.Fprint*(os.Stderr, ...)`): `(n, nil)`.
    StderrWrite,
    /// A function of `math` on float64s (rt/pkg.rs).
    Math(MathFn),
    /// The builtins `complex`, `real`, `imag` and the functions of
    /// `math/cmplx` (rt/complex.rs).
    Complex(CplxFn),
    /// A function of `unicode/utf8` (rt/utf8.rs).
    Utf8(Utf8Fn),
    /// A top-level function of `math/rand` (rt/rand.rs).
    Rand(RandFn),
    /// A file-system step of `os`'s prelude (rt/os.rs).
    Os(OsFn),
    StrconvParseFloat,
    StrconvItoa,
    StrconvAtoi,
    /// Whether a native strconv error is a range error (else a syntax
    /// error): checker/pkg_strconv.rs wraps it in a `*strconv.NumError`.
    StrconvIsRange,
    /// `strconv.FormatFloat(f, fmt, prec, bitSize)`.
    StrconvFormatFloat,
    /// The unquoting of `strconv.Unquote`: `(value, ok)`.
    StrconvUnquote,
    StrconvQuote,
    StrconvFormatInt,
    StrconvParseInt,
    StrconvParseBool,
    StrconvFormatBool,
    UnicodeIsUpper,
    UnicodeIsLower,
    UnicodeIsDigit,
    UnicodeIsLetter,
    UnicodeIsSpace,
    UnicodeIsPunct,
    UnicodeToUpper,
    UnicodeToLower,
    ErrorsJoin,
    /// `log.Print*`: arguments are the flags, the prefix, then the values.
    LogPrint,
    LogPrintln,
    LogPrintf,
    LogFatal,
    LogFatalln,
    LogFatalf,
    LogPanic,
    LogPanicln,
    LogPanicf,
}

/// The functions of `unicode/utf8` (each on a string or a byte slice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf8Fn {
    /// `RuneCountInString`, `RuneCount`
    RuneCount,
    /// `ValidString`, `Valid`
    Valid,
    /// `DecodeRuneInString`, `DecodeRune`
    Decode,
    /// `DecodeLastRuneInString`, `DecodeLastRune`
    DecodeLast,
    /// `RuneLen`
    RuneLen,
    /// `ValidRune`
    ValidRune,
}

/// How the arguments of `min` and `max` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrdKind {
    /// Signed integers.
    Signed,
    /// Unsigned integers (compared as `u64`).
    Unsigned,
    /// Floating point (NaN wins; `-0` is less than `+0`).
    Float,
    /// Strings, bytewise.
    Str,
}

/// The top-level functions of `math/rand` that minigo runs: Go seeds
/// their source at random (and `Seed` is a no-op since Go 1.24), so any
/// uniform generator gives Go's behaviour. `rand.New` with a seeded
/// source (Go's exact sequence) is not among them.
/// The natives under `os`'s prelude (checker/pkg_os.rs): each reports a
/// failure as the system error's text (`""` when it succeeded), which the
/// prelude wraps in Go's `*fs.PathError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsFn {
    /// `(name, flag, perm) -> (fd, errno)`.
    Open,
    /// `(fd, bytes) -> (n, errno)`; fds 1 and 2 are the program's stdout
    /// and stderr.
    Write,
    /// `(fd, max) -> (bytes, errno)`: at most `max` bytes, none at the end.
    Read,
    /// `(fd, max, offset) -> (bytes, errno)`: up to `max` bytes from
    /// `offset` (fewer only at the end), the file's position unchanged.
    ReadAt,
    /// `(fd, bytes, offset) -> (n, errno)`, the file's position unchanged.
    WriteAt,
    /// `(fd) -> errno`.
    Close,
    /// `(fd) -> errno`.
    Sync,
    /// `(fd, offset, whence) -> (position, errno)`.
    Seek,
    /// `(name) -> errno`: a file or an empty directory.
    Remove,
    /// `(name) -> errno`: a tree; a missing name is no error.
    RemoveAll,
    /// `(name, perm) -> errno`.
    Mkdir,
    /// `(name, perm) -> errno`: with missing parents; an existing
    /// directory is no error.
    MkdirAll,
    /// `(name) -> (size, mode bits, is dir, errno)`.
    Stat,
    /// `() -> dir`: `$TMPDIR`, else `/tmp`.
    TempDir,
    /// `() -> n`: a number for a temporary name (never the same twice).
    Unique,
    /// `os.Getpid()`: the process's id.
    Pid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum RandFn {
    Int,
    Intn,
    Int31,
    Int31n,
    Int63,
    Int63n,
    Uint32,
    Uint64,
    Float32,
    Float64,
    Seed,
}

/// The complex-number builtins and the functions of `math/cmplx` that
/// minigo runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CplxFn {
    /// `complex(re, im)` giving a complex number of this many bits.
    Make(u8),
    /// `real(x)`
    Real,
    /// `imag(x)`
    Imag,
    /// `cmplx.Abs`
    Abs,
    /// `cmplx.Conj`
    Conj,
    /// `cmplx.Inf()`
    Inf,
    /// `cmplx.NaN()`
    NaN,
    /// `cmplx.IsInf`
    IsInf,
    /// `cmplx.IsNaN`
    IsNaN,
}

/// The functions of `math` that minigo runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum MathFn {
    Sqrt,
    Abs,
    Floor,
    Ceil,
    Trunc,
    Round,
    Pow,
    Max,
    Min,
    Mod,
    Inf,
    NaN,
    IsNaN,
    IsInf,
    Log,
    Log2,
    Log10,
    Exp,
    Hypot,
    Copysign,
    Signbit,
    Float32bits,
    Float32frombits,
    Float64bits,
    Float64frombits,
}
