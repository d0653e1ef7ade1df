//! Running issue 9's operations on structs, pointers and interfaces.

use std::sync::Arc;

use deferrt_core::Unwind;

use super::builtins::{internal, raise};
use super::{Cx, Machine};
use crate::code::{Proto, TypedOp};
use crate::rt::iface::{self, boxed};
use crate::rt::num;
use crate::rt::value::Wrap;
use crate::rt::{Closure, FuncVal, Obj, Trap, Value};

impl Machine {
    /// Runs one [`TypedOp`] of the activation whose window starts at `base`.
    pub(super) fn typed_op(
        &mut self,
        cx: &mut Cx<'_>,
        op: TypedOp,
        func: &Proto,
        clo: &Closure,
        (base, cbase): (usize, usize),
    ) -> Result<(), Unwind> {
        let r = |x: u32| base + x as usize;
        let v = match op {
            TypedOp::Field { dst, x, i } => (dst, iface::field(&self.regs[r(x)], i)),
            TypedOp::Load { dst, p } => (dst, iface::load(&self.regs[r(p)])),
            TypedOp::AddrCell { dst, cell } => (dst, Ok(ptr(self.cell(cx, cbase, cell)?))),
            TypedOp::AddrCap { dst, cap } => match clo.captured.get(cap as usize) {
                Some(c) => (dst, Ok(ptr(c.clone()))),
                None => return Err(internal(cx, "capture out of range")),
            },
            TypedOp::AddrGlobal { dst, global } => match cx.env().globals.get(global as usize) {
                Some(c) => (dst, Ok(ptr(c.clone()))),
                None => return Err(internal(cx, "global out of range")),
            },
            TypedOp::NonNil { dst, p } => (dst, iface::non_nil(&self.regs[r(p)])),
            TypedOp::FieldAddr { dst, p, path } => (
                dst,
                iface::field_addr(&self.regs[r(p)], &func.paths[path as usize]),
            ),
            TypedOp::ElemAddr { dst, x, i } => {
                (dst, iface::elem_addr(&self.regs[r(x)], &self.regs[r(i)]))
            }
            TypedOp::New { dst, x } => {
                let v = std::mem::replace(&mut self.regs[r(x)], Value::Nil);
                (dst, Ok(ptr(Arc::new(Obj::new(Box::new([v]))))))
            }
            TypedOp::StructLit { dst, first, n } => {
                let fs = self.regs[r(first)..r(first) + n as usize].to_vec();
                (dst, Ok(Value::Struct(Arc::new(fs))))
            }
            TypedOp::Box { dst, x, ty } => match self.image.types.get(ty as usize) {
                Some(t) => (dst, Ok(boxed(t, self.regs[r(x)].clone()))),
                None => return Err(internal(cx, "type out of range")),
            },
            TypedOp::Bound { dst, f, recv, sig } => match &self.regs[r(f)] {
                Value::Func(FuncVal::Closure(c)) => {
                    let sig = Arc::new(func.names[sig as usize].to_string());
                    let b = (c.clone(), self.regs[r(recv)].clone(), sig);
                    (dst, Ok(Value::Func(FuncVal::Bound(Arc::new(b)))))
                }
                // `i.M` with the receiver behind a pointer: followed when
                // the method value is called.
                Value::Func(FuncVal::Wrap(w)) => {
                    let w = Wrap {
                        clo: w.clo.clone(),
                        path: w.path.clone(),
                        ptr_recv: w.ptr_recv,
                        nil_text: w.nil_text.clone(),
                        recv: Some(self.regs[r(recv)].clone()),
                        sig: Arc::new(func.names[sig as usize].to_string()),
                    };
                    (dst, Ok(Value::Func(FuncVal::Wrap(Arc::new(w)))))
                }
                _ => return Err(internal(cx, "method value of a non-function")),
            },
            TypedOp::SetField { x, path, src } => {
                let v = self.regs[r(src)].clone();
                let res = iface::set_path(&mut self.regs[r(x)], &func.paths[path as usize], v);
                return res.map_err(|t| raise(cx, t));
            }
            TypedOp::Store { p, path, src } => {
                let v = self.regs[r(src)].clone();
                let res = iface::store(&self.regs[r(p)], &func.paths[path as usize], v);
                return res.map_err(|t| raise(cx, t));
            }
            TypedOp::Method {
                f,
                recv,
                x,
                name,
                direct,
            } => {
                let name = &func.names[name as usize];
                return self.method_op(cx, (r(f), r(recv)), r(x), name, direct);
            }
            TypedOp::ShowMethod { f, recv, x } => {
                let name = iface::show_method(&self.regs[r(x)]);
                self.regs[r(f)] = Value::Nil;
                return match name {
                    Some(n) => self.method_op(cx, (r(f), r(recv)), r(x), n, false),
                    None => Ok(()),
                };
            }
            TypedOp::Num {
                dst,
                a,
                b,
                op,
                kind,
            } => (
                dst,
                num::arith(op, kind, &self.regs[r(a)], &self.regs[r(b)]),
            ),
            TypedOp::NumCmp {
                dst,
                a,
                b,
                op,
                kind,
            } => {
                let c = num::compare(op, kind, &self.regs[r(a)], &self.regs[r(b)]);
                (dst, c.map(Value::Bool))
            }
            TypedOp::NumUnary { dst, x, neg, kind } => {
                (dst, num::unary(neg, kind, &self.regs[r(x)]))
            }
            TypedOp::Conv { dst, x, from, to } => (dst, num::convert(&self.regs[r(x)], from, to)),
            TypedOp::ShowText { x, text } => {
                let caught = &self.regs[r(text) + 1];
                if !matches!(caught, Value::Nil) {
                    let v = iface::with_panic(&self.regs[r(x)], caught);
                    self.regs[r(x)] = v;
                    return Ok(());
                }
                let t = match &self.regs[r(text)] {
                    Value::Str(s) => s.clone(),
                    _ => return Err(internal(cx, "a method's text is not a string")),
                };
                let v = iface::with_text(&self.regs[r(x)], t);
                (x, Ok(v))
            }
        };
        match v {
            (dst, Ok(v)) => {
                self.regs[r(dst)] = v;
                Ok(())
            }
            (_, Err(t)) => Err(raise(cx, t)),
        }
    }

    /// The method `name` of the interface value in register `x`: its
    /// function to register `f`, the receiver to `recv`.
    fn method_op(
        &mut self,
        cx: &mut Cx<'_>,
        (f, recv): (usize, usize),
        x: usize,
        name: &str,
        direct: bool,
    ) -> Result<(), Unwind> {
        let (func, rv, deferred) = match &self.regs[x] {
            // The runtime's own errors: its compiled `Error` method.
            Value::Err(_) if name == "Error" => {
                (self.image.error_method, self.regs[x].clone(), None)
            }
            v => iface::method_ref(v, name).map_err(|t| raise(cx, t))?,
        };
        let Some(c) = cx.env().funcs.get(func as usize).cloned() else {
            return Err(raise(cx, Trap::Bug("method function out of range")));
        };
        self.regs[f] = match deferred {
            None => Value::Func(FuncVal::Closure(c)),
            Some((path, ptr_recv, nil_text)) => Value::Func(FuncVal::Wrap(Arc::new(Wrap {
                sig: Arc::new(c.proto.sig.to_string()),
                clo: c,
                path,
                ptr_recv,
                // Devirtualized, the call dereferences the pointer itself.
                nil_text: nil_text.filter(|_| !direct),
                recv: None,
            }))),
        };
        self.regs[recv] = rv;
        Ok(())
    }
}

fn ptr(obj: Arc<Obj>) -> Value {
    Value::Ptr { obj, at: 0 }
}
