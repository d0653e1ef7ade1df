//! Runs issue 9's operations on slices, arrays, maps and strings
//! ([`CompOp`]); the work is in `rt::slice` and `rt::map`, failures are
//! raised as Go's run-time errors.

use deferrt_core::Unwind;

use super::builtins::{internal, raise};
use super::defer::{DeferArgs, DeferredCall, Target};
use super::CoreFrame;
use super::{Cx, Machine};
use crate::code::{CompOp, DeferTarget, Proto, Reg};
use crate::ir::On;
use crate::rt::slice::{self, Elem};
use crate::rt::{errors, map, FuncVal, Trap, Value};

impl Machine {
    /// Runs one composite operation of the top activation.
    pub(super) fn comp_op(
        &mut self,
        cx: &mut Cx<'_>,
        op: CompOp,
        func: &Proto,
        base: usize,
    ) -> Result<(), Unwind> {
        match op {
            CompOp::DeferTo {
                target,
                args,
                nargs,
                act,
            } => return self.defer_to(cx, func, base, (target, args, nargs, act)),
            CompOp::Unpack { first, n, x } => {
                let mut vals: Vec<Value> =
                    (0..n).map(|k| self.reg(base, first + k).clone()).collect();
                vals.extend(slice::elems(self.reg(base, x)));
                self.spill = vals;
                return Ok(());
            }
            CompOp::ActIndex { dst } => {
                let k = self.acts.len().saturating_sub(1) as i64;
                self.set(base, dst, Value::Int(k));
                return Ok(());
            }
            _ => {}
        }
        match self.comp(op, func, base) {
            Ok(()) => Ok(()),
            Err(t) => Err(raise(cx, t)),
        }
    }

    fn reg(&self, base: usize, r: Reg) -> &Value {
        &self.regs[base + r as usize]
    }

    fn set(&mut self, base: usize, r: Reg, v: Value) {
        self.regs[base + r as usize] = v;
    }

    fn comp(&mut self, op: CompOp, func: &Proto, base: usize) -> Result<(), Trap> {
        match op {
            CompOp::Index {
                dst,
                x,
                i,
                on,
                zero,
            } => {
                let v = if on == On::Map {
                    map::get(self.reg(base, x), self.reg(base, i))?
                        .unwrap_or_else(|| func.consts[zero as usize].clone())
                } else {
                    slice::index(self.reg(base, x), self.reg(base, i))?
                };
                self.set(base, dst, v);
            }
            CompOp::MapOk {
                dst,
                m,
                k,
                at,
                zero,
            } => {
                let (m, k) = (self.reg(base, m), self.reg(base, k));
                let got = if at == crate::code::NO_REG {
                    map::get(m, k)?
                } else {
                    map::get_ranged(m, k, self.reg(base, at))?
                };
                let ok = got.is_some();
                let v = got.unwrap_or_else(|| func.consts[zero as usize].clone());
                self.set(base, dst, v);
                self.set(base, dst + 1, Value::Bool(ok));
            }
            CompOp::SetIndex { x, i, v, on } => {
                let val = self.reg(base, v).clone();
                if on == On::Map {
                    let k = self.reg(base, i).clone();
                    map::set(self.reg(base, x), k, val)?;
                } else {
                    slice::set_index(self.reg(base, x), self.reg(base, i), val)?;
                }
            }
            CompOp::SliceOf {
                dst,
                x,
                lo,
                has,
                on,
            } => {
                let get = |k: u32| (has & (1 << k) != 0).then(|| self.reg(base, lo + k));
                let v = slice::slice_of(self.reg(base, x), get(0), get(1), get(2), on)?;
                self.set(base, dst, v);
            }
            _ => return self.comp_make(op, func, base),
        }
        Ok(())
    }

    fn comp_make(&mut self, op: CompOp, func: &Proto, base: usize) -> Result<(), Trap> {
        let int = |v: &Value| match v {
            Value::Int(n) => Ok(*n),
            _ => Err(Trap::Bug("size is not an integer")),
        };
        match op {
            CompOp::MakeSlice {
                dst,
                len,
                cap,
                zero,
                shape,
            } => {
                let n = int(self.reg(base, len))?;
                let c = cap.map(|c| int(self.reg(base, c))).transpose()?;
                let shape = func.paths.get(shape as usize).map_or(&[][..], |s| &s[..]);
                let v = slice::make(n, c, &func.consts[zero as usize], shape)?;
                self.set(base, dst, v);
            }
            CompOp::MakeMap { dst } => self.set(base, dst, map::new_map()),
            CompOp::Append {
                dst,
                s,
                vals,
                n,
                spread,
                size,
                pointers,
                zero,
                shape,
            } => {
                let shape = func.paths.get(shape as usize).map_or(&[][..], |s| &s[..]);
                let items: Vec<Value> = if spread {
                    let items = slice::elems(self.reg(base, vals));
                    items
                        .iter()
                        .map(|v| slice::copy_shaped(v, shape).0)
                        .collect()
                } else {
                    (0..n).map(|k| self.reg(base, vals + k).clone()).collect()
                };
                let e = Elem { size, pointers };
                let fill = &func.consts[zero as usize];
                let v = slice::append(self.reg(base, s), items, e, fill, shape)?;
                self.set(base, dst, v);
            }
            _ => return self.comp_misc(op, func, base),
        }
        Ok(())
    }

    fn comp_misc(&mut self, op: CompOp, func: &Proto, base: usize) -> Result<(), Trap> {
        match op {
            CompOp::Copy {
                dst,
                to,
                from,
                shape,
            } => {
                let shape = func.paths.get(shape as usize).map_or(&[][..], |s| &s[..]);
                let n = slice::copy(self.reg(base, to), self.reg(base, from), shape)?;
                self.set(base, dst, Value::Int(n));
            }
            CompOp::Len { dst, x } => {
                let n = slice::len(self.reg(base, x))?;
                self.set(base, dst, Value::Int(n));
            }
            CompOp::Cap { dst, x } => {
                let n = slice::cap(self.reg(base, x))?;
                self.set(base, dst, Value::Int(n));
            }
            CompOp::Delete { m, k } => map::delete(self.reg(base, m), self.reg(base, k))?,
            CompOp::Convert { dst, x, how } => {
                let v = slice::convert(self.reg(base, x), how)?;
                self.set(base, dst, v);
            }
            CompOp::DecodeRune { dst, s, i, width } => {
                let (Value::Str(st), Value::Int(k)) = (self.reg(base, s), self.reg(base, i)) else {
                    return Err(Trap::Bug("decoding a rune of a non-string"));
                };
                let (r, w) = slice::decode_rune(st.as_bytes(), *k as usize);
                let v = if width { w as i64 } else { r };
                self.set(base, dst, Value::Int(v));
            }
            CompOp::RangeError { dst, x } => {
                let text = match self.reg(base, x) {
                    Value::Int(0) => "range function continued iteration after function for loop body returned false",
                    Value::Int(2) => "range function continued iteration after loop body panic",
                    Value::Int(3) => "range function continued iteration after whole loop exit",
                    _ => "range function recovered a loop body panic and did not resume panicking",
                };
                let v = crate::rt::errors::error(
                    crate::rt::errors::ErrKind::Str,
                    format!("runtime error: {text}"),
                );
                self.set(base, dst, v);
            }
            CompOp::MapKeys { dst, m } => {
                let keys = match self.reg(base, m) {
                    Value::Map(o) => o.keys(),
                    _ => Vec::new(),
                };
                let n = keys.len() as u32;
                let v = Value::Slice {
                    obj: std::sync::Arc::new(crate::rt::Obj::new(keys.into_boxed_slice())),
                    off: 0,
                    len: n,
                    cap: n,
                };
                self.set(base, dst, v);
            }
            CompOp::IsNil { dst, x, neg } => {
                let v = self.reg(base, x);
                let nil = slice::is_nil_slice(v) || map::is_nil_map(v) || matches!(v, Value::Nil);
                self.set(base, dst, Value::Bool(nil != neg));
            }
            CompOp::CopyArray { dst, x, shape } => {
                let shape = func.paths.get(shape as usize).map_or(&[][..], |s| &s[..]);
                let v = slice::copy_shaped(self.reg(base, x), shape).0;
                self.set(base, dst, v);
            }
            CompOp::Overwrite { dst, old, shape } => {
                let shape = func.paths.get(shape as usize).map_or(&[][..], |s| &s[..]);
                let v = slice::overwrite(self.reg(base, old), self.reg(base, dst), shape).0;
                self.set(base, dst, v);
            }
            _ => return Err(Trap::Bug("not a composite operation")),
        }
        Ok(())
    }
}

impl Machine {
    /// `defer` in a range-over-func loop body: the call is registered on
    /// the frame of activation `act` (`Cx::defer_call_to`), so it runs when
    /// that function leaves, LIFO with its other defers.
    fn defer_to(
        &mut self,
        cx: &mut Cx<'_>,
        func: &Proto,
        base: usize,
        (target, args, nargs, act): (DeferTarget, Reg, u32, Reg),
    ) -> Result<(), Unwind> {
        let reg = |r: Reg| base + r as usize;
        let target = match target {
            DeferTarget::Value(r) => match &self.regs[reg(r)] {
                Value::Func(FuncVal::Closure(c)) => Target::Func(c.clone()),
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
        let args = DeferArgs::Heap(self.take_args(base, args, nargs));
        let k = match self.regs[reg(act)] {
            Value::Int(k) => k as usize,
            _ => return Err(internal(cx, "activation index is not an int")),
        };
        let at = match self.acts.get(k).map(|a| &a.frame) {
            Some(
                CoreFrame::Chain(Some(f)) | CoreFrame::Call(Some(f)) | CoreFrame::CallOpen(Some(f)),
            ) => f.id(),
            _ => {
                return Err(internal(
                    cx,
                    "range-over-func defer into a frame without a token",
                ))
            }
        };
        cx.defer_call_to(at, DeferredCall { target, args });
        Ok(())
    }
}
