//! Deferred calls of the machine: evaluated at the `defer` statement into a
//! [`DeferredCall`] value that the core keeps in a record (or an open slot) and
//! hands back, through the stepped exit, when the frame is left.

use std::sync::Arc;

use deferrt_core::{Deferred, Outcome, Sendable, SlotOutOfRange, Unwind};

use super::builtins::{call_builtin, internal};
use super::{Cx, Host, Machine};
use crate::code::{DeferTarget, Proto, Reg};
use crate::compile::ALL;
use crate::ir::Builtin;
use crate::rt::{errors, Closure, FuncVal, Value};

/// What a deferred call calls.
#[derive(Debug)]
pub(super) enum Target {
    Func(Arc<Closure>),
    /// A method through its wrapper: the receiver is followed when the
    /// call runs.
    Wrap(Arc<crate::rt::value::Wrap>),
    NilFunc,
    Builtin(Builtin),
    /// `defer err.Error()`: nothing to do when it runs.
    Nothing,
}

/// A deferred call: function value and arguments evaluated at the `defer`
/// statement.
pub(crate) struct DeferredCall {
    pub(super) target: Target,
    pub(super) args: DeferArgs,
}

// A DeferredCall must fit a record class (else `defer_call` would box it, the
// stepped exit would not recognise it, and the engine would call it).
const _: () = assert!(
    std::mem::size_of::<DeferredCall>()
        <= deferrt_core::CLASS_PAYLOAD[deferrt_core::CLASS_PAYLOAD.len() - 1]
        && std::mem::align_of::<DeferredCall>() <= 16
);

/// Inline room for a deferred call's arguments: up to this many are kept
/// in the core's record itself (no allocation per defer, issue 12).
const INLINE_ARGS: usize = 4;

/// A deferred call's arguments.
pub(super) enum DeferArgs {
    /// Up to [`INLINE_ARGS`], in the record.
    Inline(u8, [Value; INLINE_ARGS]),
    /// More (rare): one allocation.
    Heap(Vec<Value>),
}

impl DeferArgs {
    pub(super) fn from_vec(v: Vec<Value>) -> DeferArgs {
        if v.len() <= INLINE_ARGS {
            let n = v.len() as u8;
            let mut vals: [Value; INLINE_ARGS] = std::array::from_fn(|_| Value::Nil);
            for (slot, x) in vals.iter_mut().zip(v) {
                *slot = x;
            }
            DeferArgs::Inline(n, vals)
        } else {
            DeferArgs::Heap(v)
        }
    }

    pub(super) fn into_vec(self) -> Vec<Value> {
        match self {
            DeferArgs::Inline(n, vals) => vals.into_iter().take(n as usize).collect(),
            DeferArgs::Heap(v) => v,
        }
    }
}

impl Deferred<Host, Value, Sendable> for DeferredCall {
    /// Never used: the machine registers its deferred calls with
    /// `Cx::defer_call` and leaves frames with the stepped exit, which hands
    /// them back instead of calling them.
    fn call(self, cx: &mut Cx<'_>) -> Outcome {
        let _ = (self.target, self.args);
        Err(internal(
            cx,
            "a deferred call of the machine was called by the engine",
        ))
    }
}

/// Runs a deferred call that is not an interpreted function, in the frame
/// the core entered for it.
pub(super) fn run_simple(cx: &mut Cx<'_>, target: Target, args: Vec<Value>) -> Outcome {
    match target {
        Target::Func(..) | Target::Wrap(..) | Target::Nothing => Ok(()),
        Target::NilFunc => Err(cx.fault(errors::nil_deref())),
        // `defer recover()`: a recover() by the function that deferred it,
        // at its exit (GO-SEMANTICS A9, C2).
        Target::Builtin(Builtin::Recover) => {
            cx.recover_wrapped();
            Ok(())
        }
        Target::Builtin(b) => call_builtin(cx, &b, args).map(drop),
    }
}
impl Machine {
    /// `defer`: evaluates what is deferred (a nil func is deferred as is
    /// and panics when it runs; a nil error's `Error` panics now) and the
    /// arguments, and registers the call in the frame's open slot `site` or
    /// on the chain.
    pub(super) fn defer_op(
        &mut self,
        cx: &mut Cx<'_>,
        func: &Proto,
        base: usize,
        (site, target, args, nargs): (u32, DeferTarget, Reg, u32),
    ) -> Result<(), Unwind> {
        let reg = |r: Reg| base + r as usize;
        let target = match target {
            DeferTarget::Value(r) => match &self.regs[reg(r)] {
                Value::Func(FuncVal::Closure(c)) => Target::Func(c.clone()),
                Value::Func(FuncVal::Bound(b)) => {
                    let (c, recv) = (b.0.clone(), b.1.clone());
                    let mut vals = vec![recv];
                    vals.extend(self.take_args(base, args, nargs));
                    let d = DeferredCall {
                        target: Target::Func(c),
                        args: DeferArgs::from_vec(vals),
                    };
                    return self.register(cx, site, d);
                }
                Value::Func(FuncVal::Wrap(w)) => Target::Wrap(w.clone()),
                Value::Func(FuncVal::Nil(_)) => Target::NilFunc,
                _ => return Err(internal(cx, "deferred value is not a func")),
            },
            DeferTarget::Builtin(b) => Target::Builtin(func.builtins[b as usize].clone()),
            DeferTarget::ErrorText(r) => match &self.regs[reg(r)] {
                Value::Err(_) => Target::Nothing,
                _ => return Err(cx.fault(errors::nil_deref())),
            },
        };
        let args = if nargs != ALL && nargs as usize <= INLINE_ARGS {
            let a = reg(args);
            let mut vals: [Value; INLINE_ARGS] = std::array::from_fn(|_| Value::Nil);
            for (i, v) in vals.iter_mut().enumerate().take(nargs as usize) {
                *v = self.regs[a + i].clone();
            }
            DeferArgs::Inline(nargs as u8, vals)
        } else {
            DeferArgs::Heap(self.take_args(base, args, nargs))
        };
        let d = DeferredCall { target, args };
        self.register(cx, site, d)
    }

    /// Registers `d` in the frame's open slot `site` or on the chain.
    fn register(&mut self, cx: &mut Cx<'_>, site: u32, d: DeferredCall) -> Result<(), Unwind> {
        let open = match self.acts.last() {
            Some(a) if a.frame.has_open() => self.opens.last_mut(),
            _ => None,
        };
        match open {
            Some(frame) => {
                if let Err(SlotOutOfRange(d)) = frame.defer_at(site as usize, d) {
                    cx.defer_call(d);
                }
            }
            None => cx.defer_call(d),
        }
        Ok(())
    }
}
