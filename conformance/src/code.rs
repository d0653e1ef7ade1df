//! The machine's code: register instructions, one [`Proto`] per function,
//! compiled from the checker's tree ([`crate::ir`]) by `crate::compile`.
//! Data only, `Send + Sync`: every worker thread runs the same [`Image`].
//!
//! Registers are numbered from the activation's window base: the function's
//! local slots first (slot `s` is register `s`), temporaries after them. A
//! local that a function literal captures lives in a *cell* instead (shared
//! with the closures that capture it); `cell_of[s]` says which.

use std::sync::Arc;

use crate::ir::{Arith, Builtin, Cmp, Conv, GoBuiltin, On, Var};
use crate::rt::types::{RtType, TypeInfo};
use crate::rt::value::SigName;
use crate::rt::{Str, Value};
use crate::types::num::{NumKind, NumOp};
use crate::types::table::IntKind;

/// A register of the activation's window.
pub type Reg = u32;

/// "No register" where an operand is optional.
pub const NO_REG: Reg = Reg::MAX;

/// What a `defer` statement defers.
#[derive(Debug, Clone, Copy)]
pub enum DeferTarget {
    /// A func value in a register.
    Value(Reg),
    /// A builtin, by its index in [`Proto::builtins`].
    Builtin(u32),
    /// `x.Error()` on the error in a register.
    ErrorText(Reg),
}

/// One instruction. Its operands are named in its formula (`dst = a op b`).
/// `repr(u8)`: the tag is a byte of its own, so the dispatch loop jumps on
/// it directly (without it the compiler stores the nested enums' tags in
/// the same byte and every dispatch remaps them first).
#[derive(Debug)]
#[allow(missing_docs)]
#[repr(u8)]
pub enum Op {
    /// Counts one step against the step budget, and is where a goroutine
    /// can be preempted: at a function's entry. Every taken backward jump
    /// (a loop's, a `goto`'s) counts one too, so every unbounded execution
    /// counts steps again and again (straight-line code between them is
    /// finite).
    Step,
    /// `return` from a function with defer statements: the activation
    /// keeps where it returned (`runtime.Caller` in its deferred calls).
    ReturnLeaving,
    /// `dst = consts[k]`
    Const { dst: Reg, k: u32 },
    /// `dst = src`
    Move { dst: Reg, src: Reg },
    /// `dst = *cell`
    LoadCell { dst: Reg, cell: u32 },
    /// `*cell = src`
    StoreCell { cell: u32, src: Reg },
    /// `cell = new cell holding src` (a declaration of a captured local).
    NewCell { cell: u32, src: Reg },
    /// `cell = new cell holding *cell` (Go 1.22's per-iteration loop variable).
    RenewCell { cell: u32 },
    /// `dst = *captured[cap]`
    LoadCap { dst: Reg, cap: u32 },
    /// The activation no longer refers to `captured[cap]` (its last use
    /// is behind: compile/liveness.rs), when nothing else holds the
    /// closure; otherwise nothing.
    DropCap { cap: u32 },
    /// `*captured[cap] = src`
    StoreCap { cap: u32, src: Reg },
    /// `dst = globals[global]`
    LoadGlobal { dst: Reg, global: u32 },
    /// `globals[global] = src`
    StoreGlobal { global: u32, src: Reg },
    /// `dst =` the top-level function `func`.
    Func { dst: Reg, func: u32 },
    /// `dst =` a closure of the function `lits[lit]` of the image over the
    /// cells its captures name.
    Closure { dst: Reg, lit: u32 },
    /// `dst = -x`
    Neg { dst: Reg, x: Reg },
    /// `dst = !x`
    Not { dst: Reg, x: Reg },
    /// `dst = a op b`
    Arith { op: Arith, dst: Reg, a: Reg, b: Reg },
    /// `dst = a op b`
    Cmp { op: Cmp, dst: Reg, a: Reg, b: Reg },
    /// `dst = a op imm`: [`Op::Arith`] with an integer constant on the
    /// right (`i + 1`); an operand that is not an integer takes
    /// `Op::Arith`'s general path.
    ArithImm {
        op: Arith,
        dst: Reg,
        a: Reg,
        imm: i64,
    },
    /// `dst = a op imm` on integers of kind `kind`: [`TypedOp::Num`] with
    /// an integer constant on the right (`y << 1`, `x & 0xff`).
    NumImm {
        op: NumOp,
        kind: IntKind,
        dst: Reg,
        a: Reg,
        imm: i64,
    },
    /// `if (a cmp b) == when { pc = to }`: a comparison and the branch on
    /// it in one instruction (an `if` or loop condition).
    JumpCmp {
        cmp: CmpKind,
        a: Reg,
        b: Reg,
        when: bool,
        to: u32,
    },
    /// `if (a op imm) == when { pc = to }` with an integer constant on the
    /// right: [`Op::Cmp`]'s comparison (`kind` `None`) or
    /// [`TypedOp::NumCmp`]'s on integers of `kind`.
    JumpCmpImm {
        op: Cmp,
        kind: Option<IntKind>,
        a: Reg,
        imm: i64,
        when: bool,
        to: u32,
    },
    /// `dst = (x == nil) != neg`
    IsNil { dst: Reg, x: Reg, neg: bool },
    /// `dst = any(x)`: a run-time int or string gets a new identity.
    ToIface { dst: Reg, x: Reg },
    /// `dst = x.(T)` with `asserts[ty]`; panics on failure.
    Assert { dst: Reg, x: Reg, ty: u32 },
    /// `dst, dst+1 = x.(T)` (comma-ok) with `asserts[ty]`.
    AssertOk { dst: Reg, x: Reg, ty: u32 },
    /// `pc = to` (backward: a step, as [`Op::Step`])
    Jump { to: u32 },
    /// `if cond { pc = to }`
    JumpIf { cond: Reg, to: u32 },
    /// `if !cond { pc = to }`
    JumpIfNot { cond: Reg, to: u32 },
    /// Calls the func value in `f` with `nargs` arguments from `args`;
    /// up to `nret` results go to `dst..`.
    Call {
        f: Reg,
        args: Reg,
        nargs: u32,
        dst: Reg,
        nret: u32,
    },
    /// [`Op::Call`] of the top-level function `func` (a call whose callee
    /// is known when compiling: no func value is made).
    CallFunc {
        func: u32,
        args: Reg,
        nargs: u32,
        dst: Reg,
        nret: u32,
    },
    /// Calls `builtins[b]` like [`Op::Call`].
    Builtin {
        b: u32,
        args: Reg,
        nargs: u32,
        dst: Reg,
        nret: u32,
    },
    /// `dst = x.Error()`; a nil error panics.
    ErrorText { dst: Reg, x: Reg },
    /// Registers a deferred call (open-coded slot `site`, or the chain).
    Defer {
        site: u32,
        target: DeferTarget,
        args: Reg,
        nargs: u32,
    },
    /// Leaves the function (the result locations are already stored).
    Return,
    /// Issue 10's operations: goroutines, channels, `select`, `sync`,
    /// `time.Sleep` (vm/go.rs runs them).
    Go(GoOp),
    /// Issue 9's structs, pointers, methods and interfaces.
    Typed(TypedOp),
    /// Issue 9's operations on slices, arrays, maps and strings.
    Comp(CompOp),
}

/// The comparison of an [`Op::JumpCmp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpKind {
    /// [`Op::Cmp`]'s: any comparable operands.
    Any(Cmp),
    /// [`TypedOp::NumCmp`]'s: numbers of one kind.
    Num(Cmp, NumKind),
}

// An instruction is five words (the largest, `CompOp::Append`, behind its
// tag byte): code stays small enough to stay in cache.
const _: () = assert!(std::mem::size_of::<Op>() <= 40);

/// An operation of goroutines and their synchronisation.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub enum GoOp {
    /// `go f(args)`: the func value (or builtin) and the arguments are
    /// evaluated here, as for `defer`.
    Spawn {
        target: DeferTarget,
        args: Reg,
        nargs: u32,
    },
    /// `ch <- v`
    Send { ch: Reg, v: Reg },
    /// `dst = <-ch` (`consts[zero]` once the channel is closed); with `ok`,
    /// also `dst+1 = ok`.
    Recv {
        dst: Reg,
        ch: Reg,
        ok: bool,
        zero: u32,
    },
    /// `dst = make(chan T, size)`
    MakeChan { dst: Reg, size: Option<Reg> },
    /// `select` over `n` cases: case `i`'s channel is in `regs + 2i`, its
    /// send value (bit `i` of `sends`) in `regs + 2i + 1`. Then `dst` = the
    /// case that ran (`n`: the default), `dst+1` = the received value (nil
    /// once closed), `dst+2` = ok.
    Select {
        regs: Reg,
        n: u32,
        sends: u64,
        default: bool,
        dst: Reg,
    },
    /// `dst` = the `sync` object the pointer in `ptr` points to, made
    /// there on first use.
    SyncAt {
        dst: Reg,
        ptr: Reg,
        kind: crate::ir::SyncKind,
    },
}

/// An operation on structs, pointers and interfaces (vm/typed.rs runs them).
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub enum TypedOp {
    /// `dst = x.fields[i]`
    Field { dst: Reg, x: Reg, i: u32 },
    /// `dst = *p`
    Load { dst: Reg, p: Reg },
    /// `dst = &` the variable in the activation's cell `cell`.
    AddrCell { dst: Reg, cell: u32 },
    /// `dst = &` the captured variable `cap`.
    AddrCap { dst: Reg, cap: u32 },
    /// `dst = &` the package-level variable `global`.
    AddrGlobal { dst: Reg, global: u32 },
    /// `dst = &p.paths[path]`
    FieldAddr { dst: Reg, p: Reg, path: u32 },
    /// `dst = &x[i]` of a slice or an array.
    ElemAddr { dst: Reg, x: Reg, i: Reg },
    /// `dst =` a new variable holding `x`.
    New { dst: Reg, x: Reg },
    /// `dst = p`, which must not be nil (`&*p`).
    NonNil { dst: Reg, p: Reg },
    /// `dst =` a struct of the `n` values from `first`.
    StructLit { dst: Reg, first: Reg, n: u32 },
    /// `dst = x` in an interface with dynamic type `image.types[ty]`.
    Box { dst: Reg, x: Reg, ty: u32 },
    /// `dst =` the method value of the function in `f` bound to `recv`.
    Bound {
        dst: Reg,
        f: Reg,
        recv: Reg,
        sig: u32,
    },
    /// `x.paths[path] = src` for the struct in register `x`.
    SetField { x: Reg, path: u32, src: Reg },
    /// `p.paths[path] = src` through the pointer in `p`.
    Store { p: Reg, path: u32, src: Reg },
    /// `f, recv =` the method `names[name]` of the interface value `x`'s
    /// dynamic type, and its receiver (a nil interface faults). `direct`:
    /// a call gc devirtualizes (compile/devirt.rs), whose nil `*T` faults
    /// with the plain nil dereference rather than the wrapper's text.
    Method {
        f: Reg,
        recv: Reg,
        x: Reg,
        name: u32,
        direct: bool,
    },
    /// `f, recv =` the `Error` (else `String`) method of `x`'s dynamic type
    /// and its receiver, for `fmt`; `f = nil` if it has neither.
    ShowMethod { f: Reg, recv: Reg, x: Reg },
    /// `x =` the interface value `x` with the text in `text` kept, or the
    /// panic in `text + 1` when that is not nil.
    ShowText { x: Reg, text: Reg },
    /// `dst = a op b` on numbers of kind `kind`.
    Num {
        dst: Reg,
        a: Reg,
        b: Reg,
        op: NumOp,
        kind: NumKind,
    },
    /// `dst = a op b` comparing numbers of kind `kind`.
    NumCmp {
        dst: Reg,
        a: Reg,
        b: Reg,
        op: Cmp,
        kind: NumKind,
    },
    /// `dst = -x` (`neg`) or `^x`.
    NumUnary {
        dst: Reg,
        x: Reg,
        neg: bool,
        kind: NumKind,
    },
    /// `dst = T(x)` between numeric kinds.
    Conv {
        dst: Reg,
        x: Reg,
        from: NumKind,
        to: NumKind,
    },
}

/// An operation on composite values (vm/composite.rs runs them).
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub enum CompOp {
    /// `dst = x[i]`; a missing map key gives `consts[zero]`.
    Index {
        dst: Reg,
        x: Reg,
        i: Reg,
        on: On,
        zero: u32,
    },
    /// `dst, dst+1 = m[k]` (comma-ok); in a `range` loop `at` holds the
    /// key's index in the loop's snapshot of the keys (else [`NO_REG`]).
    MapOk {
        dst: Reg,
        m: Reg,
        k: Reg,
        at: Reg,
        zero: u32,
    },
    /// `x[i] = v`
    SetIndex { x: Reg, i: Reg, v: Reg, on: On },
    /// `dst = x[lo:hi:max]`; `has` bit 0/1/2: lo/hi/max are given.
    SliceOf {
        dst: Reg,
        x: Reg,
        lo: Reg,
        has: u8,
        on: On,
    },
    /// `dst = make([]T, len, cap)` with elements copies of `consts[zero]`
    /// by the copy shape `paths[shape]`.
    MakeSlice {
        dst: Reg,
        len: Reg,
        cap: Option<Reg>,
        zero: u32,
        shape: u32,
    },
    /// `dst = make(map[K]V)`
    MakeMap { dst: Reg },
    /// `dst = append(s, vals[0..n])`, or `append(s, vals[0]...)`.
    Append {
        dst: Reg,
        s: Reg,
        vals: Reg,
        n: u32,
        spread: bool,
        size: u32,
        pointers: bool,
        zero: u32,
        /// The element's copy shape: `paths[shape]`.
        shape: u32,
    },
    /// `dst = copy(to, from)`, elements copied by the shape `paths[shape]`.
    Copy {
        dst: Reg,
        to: Reg,
        from: Reg,
        shape: u32,
    },
    /// `dst = len(x)`
    Len { dst: Reg, x: Reg },
    /// `dst = cap(x)`
    Cap { dst: Reg, x: Reg },
    /// `delete(m, k)`
    Delete { m: Reg, k: Reg },
    /// `dst = T(x)` between strings and slices.
    Convert { dst: Reg, x: Reg, how: Conv },
    /// `dst = ` the rune (or its width) at byte `i` of the string `s`.
    DecodeRune {
        dst: Reg,
        s: Reg,
        i: Reg,
        width: bool,
    },
    /// `dst = ` the keys of the map `m`, as a slice.
    MapKeys { dst: Reg, m: Reg },
    /// The spill buffer (the arguments of a call with `nargs == ALL`) =
    /// `n` values from `first`, then the elements of the slice `x`.
    Unpack { first: Reg, n: u32, x: Reg },
    /// `dst = ` the index of the current activation.
    ActIndex { dst: Reg },
    /// `dst = ` the range-over-func error of the state in `x`.
    RangeError { dst: Reg, x: Reg },
    /// A deferred call registered on the frame of activation `act`.
    DeferTo {
        target: DeferTarget,
        args: Reg,
        nargs: u32,
        act: Reg,
    },
    /// `dst = (x == nil) != neg` of a slice or map.
    IsNil { dst: Reg, x: Reg, neg: bool },
    /// `dst = ` a copy of `x` by the copy shape `paths[shape]`.
    CopyArray { dst: Reg, x: Reg, shape: u32 },
    /// `dst` (a value to assign) with the arrays that the shape
    /// `paths[shape]` names overwritten in place in `old`'s.
    Overwrite { dst: Reg, old: Reg, shape: u32 },
}

/// Where a local slot lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loc {
    /// A register.
    Reg(Reg),
    /// A cell of the activation.
    Cell(u32),
}

/// A type assertion's operands.
#[derive(Debug)]
pub struct AssertTypes {
    /// The asserted type.
    pub to: RtType,
    /// The operand's static type.
    pub src: RtType,
    /// The zero value of `to` (comma-ok failure).
    pub zero: Value,
}

/// A compiled function.
#[derive(Debug)]
pub struct Proto {
    /// Its index in [`Image::protos`] ([`Image::INIT`] for the package-level
    /// initialisation): the dispatch loop finds the running function's
    /// code through the image it holds, with no reference count to take.
    pub index: u32,
    /// Name for diagnostics (`main.f`, `main.f.func1`).
    pub name: Arc<str>,
    /// Its type's name.
    pub sig: SigName,
    /// Whether its defers are open-coded (the checker's decision, gc's rule).
    pub open: bool,
    /// Whether it is a checker-made wrapper ([`crate::ir::FuncCode::wrapper`]):
    /// deferred, it hands its frame to the function it forwards to.
    pub wrapper: bool,
    /// Where each captured variable comes from in the enclosing function.
    pub captures: Vec<Var>,
    /// The instructions.
    pub ops: Vec<Op>,
    /// Constants.
    pub consts: Vec<Value>,
    /// Builtins called or deferred.
    pub builtins: Vec<Builtin>,
    /// Type assertions.
    pub asserts: Vec<AssertTypes>,
    /// Function literals, for [`Op::Closure`]: indices into [`Image::protos`].
    pub lits: Vec<u32>,
    /// Registers used (locals and temporaries).
    pub nregs: u32,
    /// Defer statements (none: the function needs no open-coded slots).
    pub defers: u32,
    /// Cells used.
    pub ncells: u32,
    /// The cell of each local slot that lives in one.
    pub cell_of: Vec<Option<u32>>,
    /// Where each parameter lives (it arrives in its register).
    pub params: Vec<Loc>,
    /// Where each result lives, and its zero value's constant.
    pub results: Vec<(Loc, u32)>,
    /// Field paths of [`TypedOp`]s.
    pub paths: Vec<Box<[u32]>>,
    /// Method names of [`TypedOp::Method`], func type names of
    /// [`TypedOp::Bound`].
    pub names: Vec<Arc<str>>,
    /// The source line of each call: `(first op, end op, line)` (a call's
    /// arguments' calls nest inside its range), and of each expression
    /// that can fail at run time (`ir::Expr::At`: the line has
    /// [`FAULT_LINE`] set). Read only by `runtime.Caller`
    /// (`Proto::line_at`, `Proto::fault_line_at`).
    pub lines: Vec<(u32, u32, u32)>,
}

/// Marks a line of [`Proto::lines`] as an expression's that can fail at
/// run time, not a call's.
pub const FAULT_LINE: u32 = 1 << 31;

/// The bits of a [`Proto::lines`] entry that hold the line; a fault's
/// [`FaultSite`] is above them (`line | site << SITE_SHIFT`). A line past
/// them (a `//line` directive's) is not kept: walks through it refuse.
pub const LINE_MASK: u32 = (1 << SITE_SHIFT) - 1;

/// Where a [`FaultSite`] sits in a line entry.
pub const SITE_SHIFT: u32 = 24;

/// What gc calls at a site that can fail, where the error value alone
/// does not say which of the runtime's functions panicked (a type
/// assertion's operand, a map's key for `mapassign`): the frames a walk
/// shows between `runtime.gopanic` and the failing function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum FaultSite {
    /// The error value says it all (or nothing more is known).
    Plain = 0,
    /// `x.(T)` with `x` of an empty interface type.
    AssertE,
    /// `x.(T)` with `x` of an interface type with methods.
    AssertI,
    /// A store into a map with a 4-byte memory key (`mapassign_fast32`).
    MapFast32,
    /// ... an 8-byte key without pointers (`mapassign_fast64`).
    MapFast64,
    /// ... a pointer key (`mapassign_fast64ptr`).
    MapFast64Ptr,
    /// ... a string key (`mapassign_faststr`).
    MapFastStr,
    /// ... any other key, or a large element (`mapassign`).
    MapSlow,
    /// A send statement (`chansend1`, `chansend`; a `select`'s send
    /// fails in `selectgo`).
    Send,
    /// A `select` of one send and `default` (`selectnbsend`, `chansend`).
    SelectNbSend,
    /// Any other `select` (`selectgo`).
    SelectGo,
}

impl FaultSite {
    const ALL: [FaultSite; 11] = [
        FaultSite::Plain,
        FaultSite::AssertE,
        FaultSite::AssertI,
        FaultSite::MapFast32,
        FaultSite::MapFast64,
        FaultSite::MapFast64Ptr,
        FaultSite::MapFastStr,
        FaultSite::MapSlow,
        FaultSite::Send,
        FaultSite::SelectNbSend,
        FaultSite::SelectGo,
    ];

    /// The entry of [`Proto::lines`] for a fault at `line` (0, kept out of
    /// the table, for a line past [`LINE_MASK`]).
    ///
    /// ```
    /// use minigo::code::FaultSite;
    /// assert_eq!(FaultSite::AssertE.entry(7) & minigo::code::LINE_MASK, 7);
    /// assert_eq!(FaultSite::Plain.entry(1 << 30), 0);
    /// ```
    pub fn entry(self, line: u32) -> u32 {
        if line > LINE_MASK {
            return 0;
        }
        line | (self as u32) << SITE_SHIFT | FAULT_LINE
    }

    fn of_entry(e: u32) -> FaultSite {
        let k = ((e & !FAULT_LINE) >> SITE_SHIFT) as usize;
        Self::ALL.get(k).copied().unwrap_or(FaultSite::Plain)
    }
}

impl Proto {
    /// The line of the innermost call whose code holds the op `pc`, or 0.
    ///
    /// ```
    /// let src = "package main\n\nfunc f() int { return 1 }\n\nfunc g(int) {}\n\nfunc main() {\n\tg(\n\t\tf())\n}\n";
    /// let image = minigo::compile("x.go", src).unwrap();
    /// let main = &image.protos[image.main as usize];
    /// let calls: Vec<u32> = (0..main.ops.len() as u32)
    ///     .filter(|&i| matches!(main.ops[i as usize], minigo::code::Op::CallFunc { .. }))
    ///     .collect();
    /// // f's call is the first op of g's call too: the innermost wins.
    /// assert_eq!(main.line_at(calls[0]), 9);
    /// assert_eq!(main.line_at(calls[1]), 8);
    /// assert_eq!(main.line_at(u32::MAX), 0);
    /// ```
    pub fn line_at(&self, pc: u32) -> u32 {
        self.innermost(pc, 0)
    }

    /// The line of the innermost expression that can fail at run time
    /// (a division, a `select` case's channel) whose code holds the op
    /// `pc`, or 0: where gc shows a function that a run-time error at
    /// `pc` panicked.
    ///
    /// ```
    /// let src = "package main\n\nvar z int\n\nfunc main() {\n\tprintln(1,\n\t\t2/z)\n}\n";
    /// let image = minigo::compile("x.go", src).unwrap();
    /// let main = &image.protos[image.main as usize];
    /// let div = main.ops.iter().position(|op| matches!(op, minigo::code::Op::Arith { .. })).unwrap();
    /// assert_eq!(main.fault_line_at(div as u32), 7);
    /// assert_eq!(main.line_at(div as u32), 6);
    /// ```
    pub fn fault_line_at(&self, pc: u32) -> u32 {
        self.innermost(pc, FAULT_LINE)
    }

    /// Where gc shows a function that a run-time error at the op `pc`
    /// panicked: the line and site of the innermost expression or
    /// statement that can fail whose code holds `pc` — or the innermost
    /// call's line when `pc` is that call's own op (a nil func value, a
    /// nil interface's method). `None` when the failing op is in no range
    /// minigo kept (a walk through it refuses).
    ///
    /// ```
    /// let src = "package main\n\nvar s []int\n\nfunc g(int) {}\n\nfunc main() {\n\tg(s[\n\t\t1])\n}\n";
    /// let image = minigo::compile("x.go", src).unwrap();
    /// let main = &image.protos[image.main as usize];
    /// let at = main.ops.iter().position(|op| matches!(op, minigo::code::Op::Comp(_))).unwrap();
    /// assert_eq!(main.fault_at(at as u32).map(|f| f.0), Some(8));
    /// ```
    pub fn fault_at(&self, pc: u32) -> Option<(u32, FaultSite)> {
        let e = self.innermost_entry(pc, |_| true)?;
        if e & FAULT_LINE != 0 {
            return Some((e & LINE_MASK, FaultSite::of_entry(e)));
        }
        let own = matches!(
            self.ops.get(pc as usize),
            Some(Op::Call { .. } | Op::CallFunc { .. } | Op::Typed(TypedOp::Method { .. }))
        );
        own.then_some((e & LINE_MASK, FaultSite::Plain))
    }

    fn innermost(&self, pc: u32, kind: u32) -> u32 {
        self.innermost_entry(pc, |l| l & FAULT_LINE == kind)
            .map_or(0, |l| l & LINE_MASK)
    }

    fn innermost_entry(&self, pc: u32, keep: impl Fn(u32) -> bool) -> Option<u32> {
        let inner = self
            .lines
            .iter()
            .filter(|&&(start, end, l)| start <= pc && pc < end && keep(l));
        // Nested ranges: the innermost starts last, or at the same op
        // (a callee known statically has no code of its own before its
        // arguments) and ends first.
        inner
            .max_by_key(|&&(start, end, _)| (start, std::cmp::Reverse(end)))
            .map(|&(_, _, l)| l)
    }
}

/// The compiled program: every function (top-level ones first, by the
/// checker's index; literals after), the package-level variable
/// initialisation, and the entry points.
#[derive(Debug)]
pub struct Image {
    /// Every compiled function.
    pub protos: Vec<Arc<Proto>>,
    /// The package-level variable initialisation, as a function.
    pub init: Arc<Proto>,
    /// `init` functions, in source order (indices into `protos`).
    pub inits: Vec<u32>,
    /// The index of `main`.
    pub main: u32,
    /// Number of package-level variables.
    pub nglobals: usize,
    /// Every string constant's data (one allocation per distinct text, gc's
    /// static data: converting one to an interface allocates nothing).
    pub literals: Vec<Str>,
    /// The dynamic types of values converted to interfaces.
    pub types: Vec<Arc<TypeInfo>>,
    /// The function of the runtime's own errors' `Error` method (index
    /// into `protos`).
    pub error_method: u32,
    /// The source file's absolute path (`runtime.Caller`'s file).
    pub file: Str,
    /// The source file's name as given (run-time refusals).
    pub file_name: Arc<str>,
}

// Code is shared by the worker threads.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Image>();
};

impl Image {
    /// [`Proto::index`] of [`Image::init`].
    pub const INIT: u32 = u32::MAX;

    /// The function of index `i` ([`Proto::index`]).
    ///
    /// ```
    /// let img = minigo::compile("x.go", "package main\n\nfunc main() { println(1) }\n").unwrap();
    /// let main = img.proto(img.main).unwrap();
    /// assert_eq!(&*main.name, "main.main");
    /// assert_eq!(main.index, img.main);
    /// assert!(std::ptr::eq(img.proto(minigo::code::Image::INIT).unwrap(), &*img.init));
    /// assert!(img.proto(img.protos.len() as u32).is_none());
    /// ```
    pub fn proto(&self, i: u32) -> Option<&Proto> {
        if i == Image::INIT {
            Some(&self.init)
        } else {
            self.protos.get(i as usize).map(|p| &**p)
        }
    }

    /// Whether running this image can ever start a goroutine other than
    /// `main`: some function holds a `go` statement (`GoOp::Spawn`) or
    /// calls or defers `time.After` or arms a `time.Timer`/`Ticker` (each
    /// timer is a hidden goroutine).
    /// When it cannot, one worker thread runs the whole program.
    ///
    /// ```
    /// let img = minigo::compile("x.go", "package main\n\nfunc main() { println(1) }\n").unwrap();
    /// assert!(!img.starts_goroutines());
    /// let img = minigo::compile("x.go", "package main\n\nfunc main() { go println(1) }\n").unwrap();
    /// assert!(img.starts_goroutines());
    /// ```
    pub fn starts_goroutines(&self) -> bool {
        std::iter::once(&self.init).chain(&self.protos).any(|p| {
            p.ops
                .iter()
                .any(|op| matches!(op, Op::Go(GoOp::Spawn { .. })))
                || p.builtins.iter().any(|b| {
                    matches!(
                        b,
                        Builtin::Go(
                            GoBuiltin::After | GoBuiltin::TimerArm | GoBuiltin::SetFinalizer
                        )
                    )
                })
        })
    }
}
