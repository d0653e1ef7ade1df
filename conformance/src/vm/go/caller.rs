//! `runtime.Caller`, `Callers`, `FuncForPC` and `CallersFrames`: the
//! goroutine's activations read as Go's call stack. Each activation's
//! function is its proto's Go name (`main.f`, `main.(*T).M`,
//! `main.main.func1`), its line the line of the call it is in
//! (`Proto::line_at`, a table read only here: the dispatch loop pays
//! nothing). Below `main.main` come gc's `runtime.main` and
//! `runtime.goexit` frames (Go 1.27.3 on amd64: `proc.go:302`,
//! `asm_amd64.s:1264`, under a GOROOT of `/usr/local/go`), below another
//! goroutine's function `runtime.goexit`; `Callers(0, ..)` starts with
//! `runtime.Callers` itself (`extern.go:341`).
//!
//! The exit of a function running a deferred call after a normal return is
//! at gc's line of that exit (`Op::ReturnLeaving` keeps where it returned).
//! Below a deferred call that a panic runs come `runtime.gopanic`, the
//! run-time error's own frames ([`fault_frames`]: from the error value,
//! and where that is not enough from the [`FaultSite`] the checker put in
//! the line table), and every activation the panic unwound, from the one
//! that panicked — at its `panic` call's line, or at the line of the
//! expression or store that failed (`Proto::fault_at`) — to the one whose
//! exit runs the call: gc runs deferred calls on top of the panicking
//! stack (`runtime.Goexit`'s likewise, below its own frame). Generic code
//! is named as gc names it, by its declaration (`main.F[...]`).
//! `debug.Stack` and `debug.PrintStack` print the same walk in gc's
//! traceback format. A walk that would have to name a frame minigo cannot
//! name exactly — a recovered exit (its recovery resumes at a line of gc's
//! choosing), the exit of a function a nested panic or a run-time error
//! whose runtime frames minigo does not know unwinds, the name of a
//! literal inside a literal where gc's inlining budget decides it
//! ([`Machine::gc_name`]: `FuncForPC` and `Callers` refuse it, `Caller`
//! gives its file and line), a package's function or one minigo made up —
//! is refused at run time with a positioned `not supported by minigo`
//! line and exit status 1, as is `FuncForPC` of a pc from `Callers` (gc's
//! are return addresses, which can name an inlined callee).
//!
//! A program counter is made up: `(function + 1) << 24 | from Callers
//! << 23 | line`, the function an index into the image's protos or, past
//! them, into [`RUNTIME`]. No program can rely on gc's addresses.

use super::*;
use crate::code::FaultSite;
use crate::rt::Str;

/// gc's runtime frames minigo shows: function, file (under GOROOT), line.
const RUNTIME: [(&str, &str, u32); 34] = [
    ("runtime.main", "runtime/proc.go", 302),
    ("runtime.goexit", "runtime/asm_amd64.s", 1264),
    ("runtime.Callers", "runtime/extern.go", 341),
    // Below a deferred call that a panic runs; then a run-time error's
    // own frames (`fault_frames`).
    ("runtime.gopanic", "runtime/panic.go", 859),
    ("runtime.panicdivide", "runtime/panic.go", 315),
    ("runtime.panicmem", "runtime/panic.go", 336),
    ("runtime.sigpanic", "runtime/signal_unix.go", 931),
    // Below a deferred call that `runtime.Goexit` runs.
    ("runtime.Goexit", "runtime/panic.go", 694),
    // Index, slice and slice-to-array bounds (gc 1.27 calls one
    // assembly stub for all of them).
    ("runtime.panicBounds64", "runtime/panic.go", 236),
    ("runtime.panicBounds", "runtime/asm_amd64.s", 1622),
    // Type assertions.
    ("runtime.panicdottypeE", "runtime/iface.go", 293),
    ("runtime.panicdottypeI", "runtime/iface.go", 303),
    ("runtime.panicnildottype", "runtime/iface.go", 309),
    ("runtime.getitab", "runtime/iface.go", 102),
    ("runtime.typeAssert", "runtime/iface.go", 492),
    // Stores into a nil map, by `FaultSite`.
    (
        "runtime.mapassign_fast32",
        "internal/runtime/maps/runtime_fast32.go",
        189,
    ),
    (
        "runtime.mapassign_fast64",
        "internal/runtime/maps/runtime_fast64.go",
        184,
    ),
    (
        "runtime.mapassign_fast64ptr",
        "internal/runtime/maps/runtime_fast64.go",
        402,
    ),
    (
        "runtime.mapassign_faststr",
        "internal/runtime/maps/runtime_faststr.go",
        263,
    ),
    ("runtime.mapassign", "internal/runtime/maps/runtime.go", 145),
    // Shifts, `make`, channels.
    ("runtime.panicshift", "runtime/panic.go", 307),
    ("runtime.panicmakeslicelen", "runtime/slice.go", 30),
    ("runtime.makeslice", "runtime/slice.go", 112),
    ("runtime.panicmakeslicecap", "runtime/slice.go", 34),
    ("runtime.makeslice", "runtime/slice.go", 114),
    ("runtime.makechan", "runtime/chan.go", 88),
    ("runtime.chansend", "runtime/chan.go", 226),
    ("runtime.chansend1", "runtime/chan.go", 161),
    ("runtime.closechan", "runtime/chan.go", 416),
    ("runtime.closechan", "runtime/chan.go", 425),
    ("runtime.selectnbsend", "runtime/chan.go", 785),
    ("runtime.selectgo", "runtime/select.go", 542),
    // `runtime/debug.Stack` and `PrintStack`: their own frames.
    ("runtime/debug.Stack", "runtime/debug/stack.go", 26),
    ("runtime/debug.PrintStack", "runtime/debug/stack.go", 18),
];

/// gc's GOROOT as minigo shows it (the official distribution's).
const GOROOT: &str = "/usr/local/go/src/";

/// Indices into [`RUNTIME`].
const GOPANIC: usize = 3;
const PANICDIVIDE: usize = 4;
const PANICMEM: usize = 5;
const SIGPANIC: usize = 6;
const GOEXIT: usize = 7;
const BOUNDS: [usize; 2] = [8, 9];
const DOTTYPE_E: usize = 10;
const DOTTYPE_I: usize = 11;
const NIL_DOTTYPE: usize = 12;
const GETITAB: usize = 13;
const TYPE_ASSERT: usize = 14;
const MAPASSIGN: usize = 15;
const PANICSHIFT: usize = 20;
const MAKESLICE_LEN: [usize; 2] = [21, 22];
const MAKESLICE_CAP: [usize; 2] = [23, 24];
const MAKECHAN: usize = 25;
const CHANSEND: [usize; 2] = [26, 27];
const CLOSE_NIL: usize = 28;
const CLOSE_CLOSED: usize = 29;
const SELECTNBSEND: [usize; 2] = [26, 30];
const SELECTGO: usize = 31;
/// `debug.Stack`'s frame; `debug.PrintStack`'s and its `Stack` below.
pub(in crate::vm) const DEBUG_STACK: usize = 32;
pub(in crate::vm) const DEBUG_PRINT_STACK: [usize; 2] = [32, 33];

/// Marks a pc from `Callers` (a return address in gc).
const FROM_CALLERS: i64 = 1 << 23;

/// Why a walk is refused.
type Refusal = &'static str;

impl Machine {
    /// Runs one of the builtins of [`GoBuiltin::walks_stack`].
    pub(in crate::vm) fn stack_builtin(
        &self,
        cx: &mut Cx<'_>,
        b: GoBuiltin,
        a: &[Value],
    ) -> Result<Vec<Value>, Unwind> {
        match b {
            GoBuiltin::Caller => self.caller(cx, a),
            GoBuiltin::Callers => self.callers(cx, a),
            GoBuiltin::FuncForPc => self.func_for_pc(cx, a),
            GoBuiltin::DebugStack => self.debug_stack(cx, a, false),
            GoBuiltin::DebugPrintStack => self.debug_stack(cx, a, true),
            _ => Ok(self.pc_frame(a)),
        }
    }

    /// `runtime.Caller(skip)`: its four results.
    fn caller(&self, cx: &mut Cx<'_>, a: &[Value]) -> Result<Vec<Value>, Unwind> {
        let (skip, at) = (int_at(a, 0), (int_at(a, 1), int_at(a, 2)));
        match self.walk(cx, skip, 1) {
            Ok(pcs) => Ok(match pcs.first() {
                Some(&pc) => {
                    let (_, file, line) = self.pc_info(pc);
                    vec![Value::Int(pc), file, Value::Int(line), Value::Bool(true)]
                }
                None => vec![
                    Value::Int(0),
                    Value::str(""),
                    Value::Int(0),
                    Value::Bool(false),
                ],
            }),
            Err(why) => Err(self.refuse(cx, "runtime.Caller", why, at)),
        }
    }

    /// `runtime.Callers(skip, pcs)`: fills `pcs`, returns the count.
    fn callers(&self, cx: &mut Cx<'_>, a: &[Value]) -> Result<Vec<Value>, Unwind> {
        let (skip, at) = (int_at(a, 0), (int_at(a, 2), int_at(a, 3)));
        let dst = a.get(1).cloned().unwrap_or(Value::Nil);
        let room = crate::rt::slice::len(&dst).unwrap_or(0);
        let mut pcs = Vec::new();
        if skip <= 0 && room > 0 {
            pcs.push(self.runtime_pc(2));
        }
        let rest = room - pcs.len() as i64;
        match self.walk(cx, (skip - 1).max(0), rest) {
            Ok(more) => pcs.extend(more),
            Err(why) => return Err(self.refuse(cx, "runtime.Callers", why, at)),
        }
        if pcs.iter().any(|&pc| self.nested_literal(pc)) {
            // Its frames are named by `CallersFrames`, where no position
            // is left to refuse at.
            let why = "through a function literal inside a function literal";
            return Err(self.refuse(cx, "runtime.Callers", why, at));
        }
        for (i, &pc) in pcs.iter().enumerate() {
            let v = Value::Int(pc | FROM_CALLERS);
            if crate::rt::slice::set_index(&dst, &Value::Int(i as i64), v).is_err() {
                return Err(internal(cx, "runtime.Callers past its slice"));
            }
        }
        Ok(vec![Value::Int(pcs.len() as i64)])
    }

    /// `debug.Stack()` (`print`: `debug.PrintStack()`, to stderr): the
    /// goroutine's traceback in gc's format — `goroutine N [running]:`,
    /// then per frame its function and, indented, its file, line and an
    /// offset, `runtime.gopanic` shown as `panic`, the runtime's other
    /// unexported functions left out. gc prints the argument words it
    /// finds in registers and on the stack; minigo prints `()` for a
    /// function without parameters and `(...)` (gc's mark for an inlined
    /// call's) otherwise, and a made-up offset. A goroutine other than
    /// main's is refused (gc ends its trace with the `go` statement that
    /// created it).
    fn debug_stack(&self, cx: &mut Cx<'_>, a: &[Value], print: bool) -> Result<Vec<Value>, Unwind> {
        let at = (int_at(a, 0), int_at(a, 1));
        let what = if print {
            "debug.PrintStack"
        } else {
            "debug.Stack"
        };
        let gid = cx.env().go.as_ref().map_or(1, |g| g.gid);
        if gid != 1 {
            return Err(self.refuse(cx, what, "in a goroutine other than main's", at));
        }
        let pcs = match self.walk(cx, 0, 100) {
            Ok(pcs) => pcs,
            Err(why) => return Err(self.refuse(cx, what, why, at)),
        };
        if pcs.iter().any(|&pc| self.nested_literal(pc)) {
            let why = "through a function literal inside a function literal";
            return Err(self.refuse(cx, what, why, at));
        }
        let own: &[usize] = if print {
            &DEBUG_PRINT_STACK
        } else {
            &[DEBUG_STACK]
        };
        let mut out = format!("goroutine {gid} [running]:\n");
        for pc in own.iter().map(|&k| self.runtime_pc(k)).chain(pcs) {
            let (name, file, line) = self.pc_info(pc);
            let (Value::Str(name), Value::Str(file)) = (name, file) else {
                continue;
            };
            let name = name.text();
            let args = match name.as_ref() {
                "runtime.gopanic" => "panic({...})",
                n if n.starts_with("runtime.") && !n[8..].starts_with(char::is_uppercase) => {
                    continue;
                }
                n if self.has_params(pc) => &format!("{n}(...)"),
                n => &format!("{n}()"),
            };
            out += &format!("{args}\n\t{}:{line} +0x1d\n", file.text());
        }
        if print {
            cx.env().err(out.as_bytes());
            return Ok(Vec::new());
        }
        let bytes =
            crate::rt::slice::convert(&Value::str(out.as_str()), crate::ir::Conv::StrToBytes);
        match bytes {
            Ok(b) => Ok(vec![b]),
            Err(_) => Err(internal(cx, "debug.Stack's bytes")),
        }
    }

    /// Whether the function of the made-up `pc` has parameters (its
    /// receiver counts).
    fn has_params(&self, pc: i64) -> bool {
        let f = (pc >> 24) - 1;
        usize::try_from(f)
            .ok()
            .and_then(|f| self.image.protos.get(f))
            .is_some_and(|p| !p.params.is_empty())
    }

    /// `runtime.FuncForPC(pc)`: a `*runtime.Func` (a pointer to its name),
    /// nil for a pc that is none of the program's.
    fn func_for_pc(&self, cx: &mut Cx<'_>, a: &[Value]) -> Result<Vec<Value>, Unwind> {
        let (pc, at) = (int_at(a, 0), (int_at(a, 1), int_at(a, 2)));
        if pc & FROM_CALLERS != 0 {
            let why = "of a pc from runtime.Callers (gc's return addresses)";
            return Err(self.refuse(cx, "runtime.FuncForPC", why, at));
        }
        if self.nested_literal(pc) {
            let why = "of a function literal inside a function literal";
            return Err(self.refuse(cx, "runtime.FuncForPC", why, at));
        }
        let (name, _, _) = self.pc_info(pc);
        Ok(vec![match name {
            Value::Str(s) if !s.0.is_empty() => Value::Ptr {
                obj: Arc::new(crate::rt::value::Obj::new(Box::new([Value::Str(s)]))),
                at: 0,
            },
            _ => Value::Nil,
        }])
    }

    /// A frame of `runtime.Frames.Next`: function, file, line of `pc`.
    fn pc_frame(&self, a: &[Value]) -> Vec<Value> {
        let (name, file, line) = self.pc_info(int_at(a, 0));
        vec![name, file, Value::Int(line)]
    }

    /// Function name, file and line of a made-up pc (empty for others).
    fn pc_info(&self, pc: i64) -> (Value, Value, i64) {
        let line = pc & (FROM_CALLERS - 1);
        let f = (pc >> 24) - 1;
        let n = self.image.protos.len() as i64;
        match (f, usize::try_from(f - n).ok().and_then(|k| RUNTIME.get(k))) {
            (f, _) if (0..n).contains(&f) && line > 0 => (
                Value::Str(Str(Arc::from(
                    self.gc_name(&self.image.protos[f as usize])
                        .unwrap_or_default()
                        .as_bytes(),
                ))),
                Value::Str(self.image.file.clone()),
                line,
            ),
            (_, Some(r)) if line == r.2 as i64 => (
                Value::str(r.0),
                Value::str(format!("{GOROOT}{}", r.1).as_str()),
                line,
            ),
            _ => (Value::str(""), Value::str(""), 0),
        }
    }

    /// Whether `pc` is in a function literal inside a function literal
    /// whose name gc's inlining decides (see [`Machine::gc_name`]): its
    /// file and line are known, its name is not.
    fn nested_literal(&self, pc: i64) -> bool {
        let f = (pc >> 24) - 1;
        usize::try_from(f)
            .ok()
            .and_then(|f| self.image.protos.get(f))
            .is_some_and(|p| self.gc_name(p).is_none())
    }

    /// gc's name of a function: minigo's name, but for a literal inside a
    /// literal. gc names a literal `outer.funcN` when it creates it in a
    /// declared function — which is where the inner literal's code is when
    /// its inliner took every literal around it into that function (a
    /// literal called where it is written, within a cost budget) — and
    /// `outer.N` when it creates it in a closure. A literal with a `defer`,
    /// `go` or `recover` of its own, or one that is deferred or started
    /// where it is written, is never inlined: every literal inside it is
    /// named `outer.N`. `None` where the budget decides.
    fn gc_name(&self, proto: &Proto) -> Option<String> {
        if literal_depth(&proto.name) <= 1 {
            return Some(proto.name.to_string());
        }
        let (outer, n) = self.outer_literal(proto)?;
        let in_closure = self.stays_a_closure(outer);
        in_closure.then(|| Some(format!("{}.{n}", self.gc_name(&self.image.protos[outer])?)))?
    }

    /// The literal (or range-over-func body) `proto` is written in, as an
    /// index into the protos, and `proto`'s number in it.
    fn outer_literal<'a>(&self, proto: &'a Proto) -> Option<(usize, &'a str)> {
        let (outer, n) = proto.name.rsplit_once(".func")?;
        if !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let at = self.image.protos.iter().position(|p| &*p.name == outer)?;
        Some((at, n))
    }

    /// Whether the literal `lit`'s code stays in a closure: it, or a
    /// literal it is written in, is never inlined.
    fn stays_a_closure(&self, lit: usize) -> bool {
        let p = &self.image.protos[lit];
        if literal_depth(&p.name) == 0 || p.name.contains("-range") {
            // (A range-over-func body is passed to its iterator, which
            // gc may inline with it: not known here.)
            return false;
        }
        let never_inlined = p.ops.iter().any(|op| {
            matches!(
                op,
                crate::code::Op::Defer { .. } | crate::code::Op::Go(GoOp::Spawn { .. })
            )
        }) || p.builtins.contains(&Builtin::Recover)
            || self.deferred_or_started(lit as u32);
        never_inlined
            || (literal_depth(&p.name) > 1
                && self
                    .outer_literal(p)
                    .is_some_and(|(outer, _)| self.stays_a_closure(outer)))
    }

    /// Whether the literal `lit` (an index into the protos) is written as
    /// `defer func() {...}()` or `go func() {...}()`: its closure goes
    /// straight to the statement, whose call gc does not inline.
    fn deferred_or_started(&self, lit: u32) -> bool {
        use crate::code::Op;
        self.image.protos.iter().any(|p| {
            p.ops.windows(2).any(|w| match w {
                [Op::Closure { dst, lit: l }, next] if p.lits.get(*l as usize) == Some(&lit) => {
                    let target = match next {
                        Op::Defer { target, .. } => target,
                        Op::Go(GoOp::Spawn { target, .. }) => target,
                        _ => return false,
                    };
                    matches!(target, DeferTarget::Value(r) if r == dst)
                }
                _ => false,
            })
        })
    }

    fn runtime_pc(&self, k: usize) -> i64 {
        ((self.image.protos.len() + k + 1) as i64) << 24 | RUNTIME[k].2 as i64
    }

    /// The pcs of up to `count` frames from the `skip`th (0: the top
    /// activation, at its current call).
    fn walk(&self, cx: &mut Cx<'_>, skip: i64, count: i64) -> Result<Vec<i64>, Refusal> {
        let mut out = Vec::new();
        if skip < 0 || count <= 0 {
            return Ok(out);
        }
        let main = cx.env().go.as_ref().is_none_or(|g| g.gid == 1);
        let (skip, count) = (skip as usize, count as usize);
        let n = self.acts.len();
        let mut k = 0;
        let mut skip_next = false;
        for i in (0..n).rev() {
            if k >= skip + count {
                return Ok(out);
            }
            let act = &self.acts[i];
            if std::mem::take(&mut skip_next) {
                // Its frame was counted as its exit's: its caller is next.
            } else if let Some(pc) = self.act_pc(&act.clo.proto, act.pc)? {
                if k >= skip {
                    out.push(pc);
                }
                k += 1;
            }
            if k < skip + count && act.frame.is_deferred_call() {
                // The next frames are the exit of the activation below.
                let Some(below) = i.checked_sub(1).map(|b| &self.acts[b]) else {
                    return Err("below a deferred call of nothing");
                };
                for pc in self.exit_pcs(cx, below)? {
                    if (skip..skip + count).contains(&k) {
                        out.push(pc);
                    }
                    k += 1;
                }
                skip_next = true;
                continue;
            }
            if i == 0 && k < skip + count && main && &*act.clo.proto.name != "main.main" {
                return Err("below a function other than main.main");
            }
        }
        // Below main.main: runtime.main, runtime.goexit; below another
        // goroutine's function: runtime.goexit (gc elides its `go`
        // statement's wrapper).
        for r in if main { 0..2 } else { 1..2 } {
            if (skip..skip + count).contains(&k) {
                out.push(self.runtime_pc(r));
            }
            k += 1;
        }
        Ok(out)
    }

    /// The pc of an activation at its current call; `None` for a method
    /// wrapper minigo made where gc has one (`(*T).V` of a value method,
    /// `I.M`, the spreading of `f(g())` into a variadic `f`), which gc's
    /// walks elide.
    fn act_pc(&self, proto: &Arc<Proto>, pc: u32) -> Result<Option<i64>, Refusal> {
        if !shown(proto)? {
            return Ok(None);
        }
        let line = proto.line_at(pc.saturating_sub(1));
        if line == 0 {
            return Err("through a call minigo made up");
        }
        self.index_pc(proto, line).map(Some)
    }

    /// The pc of `proto` at `line`.
    fn index_pc(&self, proto: &Arc<Proto>, line: u32) -> Result<i64, Refusal> {
        if i64::from(line) >= FROM_CALLERS {
            // (Only a line directive gives one: the pc has no room.)
            return Err("through a line past 8388607");
        }
        match self.image.protos.iter().position(|p| Arc::ptr_eq(p, proto)) {
            Some(f) => Ok(((f + 1) as i64) << 24 | line as i64),
            None => Err("through a function minigo made up"),
        }
    }

    /// The pcs of an activation whose exit is running a deferred call.
    /// After a return: gc's line of that exit (`Proto::lines` has it at the
    /// return op: the `return` statement's line in an open-coded frame,
    /// the closing brace's in a chain frame). While a panic unwinds it:
    /// the panic's frames ([`Machine::panic_pcs`]). An exit that recovered
    /// from a panic and goes on (gc resumes it at a line of its choosing)
    /// is refused.
    fn exit_pcs(&self, cx: &mut Cx<'_>, act: &super::super::Act) -> Result<Vec<i64>, Refusal> {
        if act.leaving.is_none_or(|l| l.is_unwinding()) {
            return self.panic_pcs(cx, act);
        }
        if act.pc & super::super::UNWOUND != 0 {
            return Err("through the exit of a recovered function");
        }
        self.exit_pc(act).map(|pc| vec![pc])
    }

    /// The frames gc shows below a deferred call that a panic runs:
    /// `runtime.gopanic` (`runtime.Goexit` for a `Goexit`), a run-time
    /// error's own frames, then the
    /// activations the panic unwound, from the one that panicked (at the
    /// line of its `panic` call, or of the expression that failed) to the
    /// one whose exit runs the call. Refused: a panic (or `Goexit`) while
    /// another is in flight (gc's stack then holds the older one's frames,
    /// which minigo has left), a run-time error minigo does not know gc's
    /// frames of, a failing expression whose line minigo did not keep.
    fn panic_pcs(&self, cx: &mut Cx<'_>, act: &super::super::Act) -> Result<Vec<i64>, Refusal> {
        use deferrt_core::Unwinding;
        let alone = cx.task().panics_in_flight() == 1;
        let (top, started_by, kind) = match cx.task().unwinding() {
            Some(Unwinding::Panic(v)) if alone => (GOPANIC, Builtin::Panic, Ok(Some(v))),
            Some(Unwinding::Goexit) if alone => (GOEXIT, Builtin::Goexit, Ok(None)),
            _ => return Err("through the exit of a function a nested panic unwinds"),
        };
        let chain = act.unwound.iter().map(|(c, pc)| (c, *pc));
        let chain: Vec<_> = chain.chain([(&act.clo, act.pc)]).collect();
        let mut out = vec![self.runtime_pc(top)];
        for (i, (clo, pc)) in chain.into_iter().enumerate() {
            if !shown(&clo.proto)? {
                if i == 0 {
                    return Err("through a wrapper minigo made that panicked");
                }
                continue;
            }
            let pc = pc & !super::super::UNWOUND;
            let origin = i == 0 && !is_call_of(&clo.proto, pc, &started_by);
            if origin && started_by == Builtin::Goexit {
                return Err(
                    "through the exit of a function runtime.Goexit unwinds from a deferred call",
                );
            }
            let line = if origin {
                let (line, site) = clo.proto.fault_at(pc.saturating_sub(1)).unzip();
                let frames = fault_frames(kind?, site.unwrap_or(FaultSite::Plain))?;
                out.extend(frames.iter().map(|&k| self.runtime_pc(k)));
                line.unwrap_or(0)
            } else {
                clo.proto.line_at(pc.saturating_sub(1))
            };
            if line == 0 {
                return Err("through a function panicking at a line minigo did not keep");
            }
            out.push(self.index_pc(&clo.proto, line)?);
        }
        Ok(out)
    }

    /// The pc of an activation whose exit is running a deferred call after
    /// a normal return.
    fn exit_pc(&self, act: &super::super::Act) -> Result<i64, Refusal> {
        if act.pc as usize & super::super::RETURNED == 0 {
            return Err("through the exit that runs a deferred call");
        }
        let returned = (act.pc as usize & !super::super::RETURNED) as u32;
        self.act_pc(&act.clo.proto, returned)?
            .ok_or("through the exit of a wrapper")
    }

    /// Prints the refusal of `what` at `at` (line, column) and ends the run.
    fn refuse(&self, cx: &mut Cx<'_>, what: &str, why: Refusal, at: (i64, i64)) -> Unwind {
        let file = &self.image.file_name;
        let text = format!(
            "{file}:{}:{}: {what} {why} is not supported by minigo\n",
            at.0, at.1
        );
        cx.env().err(text.as_bytes());
        halt(cx, Halt::Exit(1))
    }
}

/// Whether a walk shows `proto`'s activations (`false`: a method wrapper
/// minigo made where gc has one — `(*T).V` of a value method, `I.M`, the
/// spreading of `f(g())` into a variadic `f` — which gc's walks elide);
/// refused where minigo cannot name it as gc does.
fn shown(proto: &Proto) -> Result<bool, Refusal> {
    // gc names generic code by its declaration, every type argument list
    // elided: `main.F[...]`, `main.(*G[...]).M`, `main.F[...].func1`.
    let elided = proto
        .name
        .match_indices('[')
        .all(|(i, _)| proto.name[i..].starts_with("[...]"));
    if !proto.name.starts_with("main.") || !elided {
        return Err("through a package's function");
    }
    if proto.name.contains(".minigo-wrap") {
        return Ok(false);
    }
    if proto.name.contains("minigo-") {
        return Err("through a function minigo made up");
    }
    Ok(true)
}

/// Whether the op before `pc` is a call of the builtin `b` (`panic`,
/// `runtime.Goexit`).
fn is_call_of(proto: &Proto, pc: u32, b: &Builtin) -> bool {
    let op = pc.checked_sub(1).and_then(|at| proto.ops.get(at as usize));
    matches!(op, Some(crate::code::Op::Builtin { b: at, .. })
        if proto.builtins.get(*at as usize) == Some(b))
}

/// gc's frames of the run-time error `v` (none for a `Goexit`), failing
/// at a site of kind `site`, between `runtime.gopanic` and the function
/// that failed.
fn fault_frames(v: Option<&Value>, site: FaultSite) -> Result<Vec<usize>, Refusal> {
    use crate::rt::errors::ErrKind;
    let Some(Value::Err(e)) = v else {
        return Ok(Vec::new());
    };
    let text = e.text.text();
    let text = text.strip_prefix("runtime error: ").unwrap_or(&text);
    Ok(match (e.kind, site) {
        (ErrKind::Divide, _) => vec![PANICDIVIDE],
        (ErrKind::NilDeref, _) => vec![PANICMEM, SIGPANIC],
        (ErrKind::Bounds, _) => BOUNDS.to_vec(),
        (ErrKind::TypeAssert, _) if text.contains(": missing method ") => {
            vec![GETITAB, TYPE_ASSERT]
        }
        (ErrKind::TypeAssert, _) if text.starts_with("interface conversion: interface is nil") => {
            vec![NIL_DOTTYPE]
        }
        (ErrKind::TypeAssert, FaultSite::AssertE) => vec![DOTTYPE_E],
        (ErrKind::TypeAssert, FaultSite::AssertI) => vec![DOTTYPE_E, DOTTYPE_I],
        (
            _,
            s @ (FaultSite::MapFast32
            | FaultSite::MapFast64
            | FaultSite::MapFast64Ptr
            | FaultSite::MapFastStr
            | FaultSite::MapSlow),
        ) if text == "assignment to entry in nil map" => {
            vec![MAPASSIGN + s as usize - FaultSite::MapFast32 as usize]
        }
        (_, FaultSite::Send) if text == "send on closed channel" => CHANSEND.to_vec(),
        (_, FaultSite::SelectNbSend) if text == "send on closed channel" => SELECTNBSEND.to_vec(),
        (_, FaultSite::SelectGo) if text == "send on closed channel" => vec![SELECTGO],
        _ => match text {
            "negative shift amount" => vec![PANICSHIFT],
            "makeslice: len out of range" => MAKESLICE_LEN.to_vec(),
            "makeslice: cap out of range" => MAKESLICE_CAP.to_vec(),
            "makechan: size out of range" => vec![MAKECHAN],
            "close of nil channel" => vec![CLOSE_NIL],
            "close of closed channel" => vec![CLOSE_CLOSED],
            _ => return Err("through a function a run-time error of this kind unwinds"),
        },
    })
}

fn int_at(a: &[Value], i: usize) -> i64 {
    match a.get(i) {
        Some(Value::Int(v)) => *v,
        _ => 0,
    }
}

/// How many function literals (`.funcN`) and range-over-func bodies
/// (`-rangeN`) deep a proto's name is.
fn literal_depth(name: &str) -> usize {
    let ends_digits = |rest: &str| {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0
            && rest[digits..]
                .chars()
                .next()
                .is_none_or(|c| c == '.' || c == '-')
    };
    let funcs = name
        .match_indices(".func")
        .filter(|(i, m)| ends_digits(&name[i + m.len()..]));
    let ranges = name
        .match_indices("-range")
        .filter(|(i, m)| ends_digits(&name[i + m.len()..]));
    funcs.count() + ranges.count()
}
