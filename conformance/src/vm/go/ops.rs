//! The machine's goroutine instructions: `go`, send, receive, `select`,
//! `make(chan)`, the `sync` objects' addresses; parking and resuming.

use super::*;

impl Machine {
    /// Runs a goroutine operation; `Some` when the goroutine stops here.
    pub(in crate::vm) fn go_op(
        &mut self,
        cx: &mut Cx<'_>,
        op: GoOp,
        func: &Proto,
        base: usize,
    ) -> Result<Option<Flow>, Unwind> {
        let r = |x: Reg| base + x as usize;
        match op {
            GoOp::Spawn {
                target,
                args,
                nargs,
            } => self
                .spawn(cx, func, base, (target, args, nargs))
                .map(|()| None),
            GoOp::Send { ch, v } => {
                let (chv, v) = (self.regs[r(ch)].clone(), self.regs[r(v)].clone());
                self.send(cx, &chv, v)
            }
            GoOp::Recv { dst, ch, ok, zero } => {
                let chv = self.regs[r(ch)].clone();
                let zero = func.consts[zero as usize].clone();
                self.recv(cx, &chv, r(dst), ok.then(|| r(dst) + 1), zero)
            }
            GoOp::MakeChan { dst, size } => {
                let n = size.map_or(0, |s| int(Some(&self.regs[r(s)])));
                if n < 0 {
                    return Err(plain(cx, "makechan: size out of range"));
                }
                self.regs[r(dst)] = Value::Chan(Arc::new(ChanObj::Chan(Chan::new(n as usize))));
                Ok(None)
            }
            GoOp::Select {
                regs,
                n,
                sends,
                default,
                dst,
            } => self.select(cx, (r(regs), n, sends, default, r(dst))),
            GoOp::SyncAt { dst, ptr, kind } => {
                let p = self.regs[r(ptr)].clone();
                self.regs[r(dst)] = self.sync_at(cx, &p, kind)?;
                Ok(None)
            }
        }
    }

    /// `ch <- v`: parks if no receiver or room is there (for good on a nil
    /// channel).
    fn send(&mut self, cx: &mut Cx<'_>, ch: &Value, v: Value) -> Result<Option<Flow>, Unwind> {
        let (sh, gid) = sched(cx)?;
        let Some(c) = chan_of(cx, ch)? else {
            return Ok(self.park(forever(gid, "chan send (nil chan)"), Wait::Ready));
        };
        match c.send(v, gid, &sh.queue) {
            Err(e) => Err(plain(cx, e.text())),
            Ok(Op::Done(())) => Ok(None),
            Ok(Op::Block(p)) => Ok(self.park(p, Wait::Send)),
        }
    }

    /// `regs[dst] = <-ch` (and `regs[ok]`); parks if nothing is there.
    fn recv(
        &mut self,
        cx: &mut Cx<'_>,
        ch: &Value,
        dst: usize,
        ok: Option<usize>,
        zero: Value,
    ) -> Result<Option<Flow>, Unwind> {
        let (sh, gid) = sched(cx)?;
        let Some(c) = chan_of(cx, ch)? else {
            return Ok(self.park(forever(gid, "chan receive (nil chan)"), Wait::Ready));
        };
        match c.recv(gid, &sh.queue) {
            Op::Done(v) => {
                self.received(dst, ok, v, zero);
                Ok(None)
            }
            Op::Block(p) => Ok(self.park(p, Wait::Recv { dst, ok, zero })),
        }
    }

    /// Notes where the parked operation's result goes; the flow that stops.
    pub(super) fn park(&mut self, p: Slot, w: Wait) -> Option<Flow> {
        self.wait = Some(w);
        Some(Flow::Block(p))
    }

    /// Stores a received value (`None`: closed, the zero value, not ok).
    pub(super) fn received(
        &mut self,
        dst: usize,
        ok: Option<usize>,
        v: Option<Value>,
        zero: Value,
    ) {
        let got = v.is_some();
        self.regs[dst] = v.unwrap_or(zero);
        if let Some(ok) = ok {
            self.regs[ok] = Value::Bool(got);
        }
    }

    /// `select` (see [`GoOp::Select`]).
    pub(super) fn select(
        &mut self,
        cx: &mut Cx<'_>,
        (regs, n, sends, default, dst): (usize, u32, u64, bool, usize),
    ) -> Result<Option<Flow>, Unwind> {
        let (sh, gid) = sched(cx)?;
        let vals: Vec<Value> = self.regs[regs..regs + 2 * n as usize].to_vec();
        let mut cases = Vec::with_capacity(n as usize);
        for i in 0..n as usize {
            let c = chan_of(cx, &vals[2 * i])?;
            cases.push(if sends & (1 << i) != 0 {
                Case::Send(c, vals[2 * i + 1].clone())
            } else {
                Case::Recv(c)
            });
        }
        let Some(go) = cx.env().go.as_mut() else {
            return Err(internal(cx, "select outside the scheduler"));
        };
        match select(cases, default, &mut go.rng, gid, &sh.queue) {
            Err((_, e)) => Err(plain(cx, e.text())),
            Ok(Op::Block(p)) => Ok(self.park(p, Wait::Select(dst))),
            Ok(Op::Done(s)) => {
                self.selected(dst, s, n);
                Ok(None)
            }
        }
    }

    pub(super) fn selected(&mut self, dst: usize, s: Selected<Value>, n: u32) {
        let (case, v, ok) = match s {
            Selected::Recv { case, val } => {
                let ok = val.is_some();
                (case as i64, val.unwrap_or(Value::Nil), ok)
            }
            Selected::Sent { case } => (case as i64, Value::Nil, false),
            Selected::Default => (i64::from(n), Value::Nil, false),
        };
        self.regs[dst] = Value::Int(case);
        self.regs[dst + 1] = v;
        self.regs[dst + 2] = Value::Bool(ok);
    }

    /// The `sync` object `p` points to, made there on first use (under
    /// the lock of the memory it is in, so two goroutines that use a zero
    /// `sync` value for the first time at once get the same object).
    pub(super) fn sync_at(
        &mut self,
        cx: &mut Cx<'_>,
        p: &Value,
        kind: SyncKind,
    ) -> Result<Value, Unwind> {
        let (obj, at, path): (_, _, &[u32]) = match p {
            Value::Ptr { obj, at } => (obj, *at, &[]),
            Value::FieldPtr(fp) => (&fp.obj, fp.at, &fp.path),
            Value::Nil => return Err(cx.fault(errors::nil_deref())),
            _ => {
                return Err(internal(
                    cx,
                    "a sync method on a value that is not a pointer",
                ))
            }
        };
        let mut slots = obj.lock();
        let Some(mut v) = slots.get_mut(at as usize) else {
            return Err(internal(cx, "a pointer past its object"));
        };
        for &i in path {
            v = match v {
                Value::Struct(fs) => match Arc::make_mut(fs).get_mut(i as usize) {
                    Some(f) => f,
                    None => return Err(internal(cx, "no such field")),
                },
                _ => return Err(internal(cx, "a field of a value that is not a struct")),
            };
        }
        if !matches!(v, Value::Chan(_)) {
            *v = Value::Chan(Arc::new(match kind {
                SyncKind::WaitGroup => ChanObj::WaitGroup(WaitGroup::new()),
                SyncKind::Mutex => ChanObj::Mutex(GoMutex::new()),
                SyncKind::RwMutex => ChanObj::RwMutex(GoRwMutex::new()),
                SyncKind::Once => ChanObj::Once(Once::new()),
                // (Atomic values are plain integers: never reached.)
                SyncKind::AtomicInt(_) | SyncKind::AtomicBool => ChanObj::Once(Once::new()),
            }));
        }
        Ok(v.clone())
    }

    /// A builtin of issue 10 called directly: may park the goroutine.
    pub(in crate::vm) fn go_builtin_op(
        &mut self,
        cx: &mut Cx<'_>,
        b: GoBuiltin,
        base: usize,
        (args, nargs, dst, nret): (Reg, u32, Reg, u32),
    ) -> Result<Option<Flow>, Unwind> {
        let args = self.take_args(base, args, nargs);
        match go_builtin(cx, b, &args)? {
            GoRes::Done(vals) => {
                self.put_results(base, dst, nret, vals);
                Ok(None)
            }
            GoRes::Block(p, v) => {
                let w = match v {
                    Some(v) if nret > 0 => Wait::Store(base + dst as usize, v),
                    _ => Wait::Ready,
                };
                Ok(self.park(p, w))
            }
            GoRes::Sleep(d) => Ok(Some(Flow::Sleep(d))),
        }
    }

    /// A deferred builtin of issue 10 that may park, run by the exit of the
    /// top activation in `frame`: `Some` when the goroutine stops (the frame
    /// is left when it resumes).
    pub(in crate::vm) fn deferred_go_builtin(
        &mut self,
        cx: &mut Cx<'_>,
        b: GoBuiltin,
        args: Vec<Value>,
        frame: Frame,
    ) -> Option<Stop> {
        let r = match go_builtin(cx, b, &args) {
            Ok(GoRes::Done(_)) => Ok(()),
            Ok(GoRes::Block(p, _)) => {
                self.wait = Some(Wait::Deferred(frame));
                return Some(Stop::Block(p));
            }
            Ok(GoRes::Sleep(d)) => {
                // Resumed by the timer, with no wake-up value.
                self.wait = Some(Wait::Deferred(frame));
                return Some(Stop::Sleep(d));
            }
            Err(u) => Err(u),
        };
        let r = cx.leave(frame, r);
        self.resume_leaving(cx, r);
        None
    }

    /// `go f(args)`: a new goroutine, runnable at once.
    pub(super) fn spawn(
        &mut self,
        cx: &mut Cx<'_>,
        func: &Proto,
        base: usize,
        (target, args, nargs): (DeferTarget, Reg, u32),
    ) -> Result<(), Unwind> {
        let entry = match target {
            // The func value is moved out of its register (a temporary of
            // the `go` statement, read by nothing after it), so that the new
            // goroutine's activation is the closure's only holder from the
            // start: its dead captures can then be dropped (`DropCap`) however
            // far the spawning goroutine has got on another worker.
            DeferTarget::Value(r) => {
                match &std::mem::replace(&mut self.regs[base + r as usize], Value::Nil) {
                    Value::Func(FuncVal::Closure(c)) => {
                        Entry::Func(c.clone(), self.take_args(base, args, nargs))
                    }
                    Value::Func(FuncVal::Bound(b)) => {
                        let (c, recv) = (b.0.clone(), b.1.clone());
                        let mut all = self.take_args(base, args, nargs);
                        all.insert(0, recv);
                        Entry::Func(c, all)
                    }
                    Value::Func(FuncVal::Wrap(w)) => {
                        Entry::Wrap(w.clone(), self.take_args(base, args, nargs))
                    }
                    Value::Func(FuncVal::Nil(_)) => return Err(fatal(cx, "go of nil func value")),
                    _ => return Err(internal(cx, "go of a value that is not a func")),
                }
            }
            DeferTarget::Builtin(b) => Entry::Builtin(
                func.builtins[b as usize].clone(),
                self.take_args(base, args, nargs),
            ),
            DeferTarget::ErrorText(r) => match &self.regs[base + r as usize] {
                Value::Err(_) => Entry::Nothing,
                _ => return Err(cx.fault(errors::nil_deref())),
            },
        };
        let (shared, _) = sched(cx)?;
        let gid = shared.queue.next_gid();
        let g = G {
            id: gid,
            task: Task::new(&shared.pool),
            m: Machine::new(shared.image.clone()),
            entries: VecDeque::from([entry]),
            hidden: false,
        };
        shared.queue.spawn(gid, Box::new(g));
        Ok(())
    }

    /// Stores the result of the operation the goroutine parked in (`Err`:
    /// the operation panics now, e.g. a send on a channel closed meanwhile).
    pub(super) fn resume(
        &mut self,
        cx: &mut Cx<'_>,
        wake: Option<Wake<Value>>,
    ) -> Result<(), Unwind> {
        let wake = wake.unwrap_or(Wake {
            case: 0,
            what: Woken::Ready,
        });
        match (self.wait.take(), wake.what) {
            (None | Some(Wait::Ready), _) => Ok(()),
            (Some(Wait::Store(at, v)), _) => {
                self.regs[at] = v;
                Ok(())
            }
            (Some(Wait::Send), Woken::SendClosed) => Err(plain(cx, ChanError::SendClosed.text())),
            (Some(Wait::Send), _) => Ok(()),
            (Some(Wait::Recv { dst, ok, zero }), Woken::Recv(v)) => {
                self.received(dst, ok, v, zero);
                Ok(())
            }
            (Some(Wait::Select(dst)), Woken::SendClosed) => {
                let _ = dst;
                Err(plain(cx, ChanError::SendClosed.text()))
            }
            (Some(Wait::Select(dst)), what) => {
                let s = match what {
                    Woken::Recv(val) => Selected::Recv {
                        case: wake.case,
                        val,
                    },
                    _ => Selected::Sent { case: wake.case },
                };
                self.selected(dst, s, 0);
                Ok(())
            }
            (Some(Wait::Deferred(frame)), _) => {
                let r = cx.leave(frame, Ok(()));
                self.resume_leaving(cx, r);
                Ok(())
            }
            (Some(Wait::Recv { .. }), _) => Err(internal(cx, "a receive woken without a value")),
        }
    }

    /// The deferred builtin the top activation's exit was running returned
    /// `r`: its exit goes on.
    pub(super) fn resume_leaving(&mut self, cx: &mut Cx<'_>, r: deferrt_core::Outcome) {
        if let Some(act) = self.acts.last_mut() {
            if let Some(mut l) = act.leaving {
                cx.leave_resume(&mut l, r);
                act.leaving = Some(l);
            }
        }
    }
}
