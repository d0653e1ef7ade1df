//! Issue 10's builtins and methods: `close`, `len`/`cap` of a channel,
//! the `sync` methods, `time.Sleep`/`Now`/`Since`, `runtime.NumGoroutine`.

use super::*;

/// Runs one of issue 10's builtins.
pub(in crate::vm) fn go_builtin(
    cx: &mut Cx<'_>,
    b: GoBuiltin,
    args: &[Value],
) -> Result<GoRes, Unwind> {
    use GoBuiltin as B;
    let (sh, gid) = sched(cx)?;
    let q = &sh.queue;
    let done = |v: Value| Ok(GoRes::Done(vec![v]));
    match b {
        B::Close | B::ChanLen | B::ChanCap => chan_builtin(cx, b, args, q),
        B::Sleep => match int(args.first()) {
            d if d <= 0 => Ok(GoRes::Done(Vec::new())),
            d => Ok(GoRes::Sleep(Duration::from_nanos(d as u64))),
        },
        B::Caller | B::Callers | B::FuncForPc | B::PcFrame | B::DebugStack | B::DebugPrintStack => {
            Err(internal(
                cx,
                "a runtime stack walk outside the dispatch loop",
            ))
        }
        B::CallersFrames => done(Value::Ptr {
            obj: Arc::new(crate::rt::value::Obj::new(Box::new([args
                .first()
                .cloned()
                .unwrap_or(Value::Nil)]))),
            at: 0,
        }),
        B::NumGoroutine => done(Value::Int(q.num_goroutine() as i64)),
        B::GoMaxProcs => {
            let n = int(args.first());
            let old = if n >= 1 {
                // GOMAXPROCS(1): Go's one-P order (runnext first) on any
                // number of workers; more: the workers' own order.
                q.set_one_p(n == 1 || sh.workers.load(Ordering::Relaxed) <= 1);
                sh.maxprocs.swap(n as usize, Ordering::Relaxed)
            } else {
                sh.maxprocs.load(Ordering::Relaxed)
            };
            // 0: the setting was left to the environment and not read yet.
            let old = if old == 0 {
                crate::procs_from_env()
            } else {
                old
            };
            done(Value::Int(old as i64))
        }
        B::SetFinalizer => {
            super::collector::set(cx, &sh, args)?;
            Ok(GoRes::Done(Vec::new()))
        }
        B::Gc => Ok(match super::collector::collect(&sh, gid, true) {
            Some(p) => GoRes::Block(p, None),
            None => GoRes::Done(Vec::new()),
        }),
        B::SetGcPercent => done(Value::Int(sh.collector.set_percent(int(args.first())))),
        B::FinNext => Err(internal(cx, "the finalizer goroutine's step outside it")),
        B::NumCpu => done(Value::Int(crate::sched::default_procs() as i64)),
        B::OnceNew => done(Value::Chan(Arc::new(ChanObj::OnceValue(
            Once::new(),
            Mutex::new(OnceResult::default()),
        )))),
        B::Now => done(Value::Int(monotonic())),
        B::Since => done(Value::Int(monotonic() - int(args.first()))),
        B::After => done(after(&sh, int(args.first()))),
        B::Atomic(op, is_bool) => {
            atomic(cx, (op, is_bool), args).map(|v| GoRes::Done(v.into_iter().collect()))
        }
        B::TimerFire if args.len() > 1 => done(Value::Bool(super::timers::fire(args, gid, q))),
        B::TimerArm => done(super::timers::arm(&sh, args)),
        B::TimerStop => done(Value::Bool(super::timers::stop(args, q))),
        B::TimerFire => {
            if let Some(Value::Chan(o)) = args.first() {
                if let ChanObj::Chan(c) = &**o {
                    // The buffer of one is empty: this send never waits.
                    let _ = c.send(Value::Int(monotonic()), gid, q);
                }
            }
            Ok(GoRes::Done(Vec::new()))
        }
        _ => {
            let obj = match args.first() {
                Some(Value::Chan(o)) => o.clone(),
                _ => return Err(internal(cx, "a sync method without its object")),
            };
            sync_builtin(cx, b, &obj, args.get(1), (gid, q))
        }
    }
}

/// `time.After(d)`: a channel of one and a hidden goroutine (not counted by
/// `runtime.NumGoroutine`, as Go's timers are not goroutines) that sleeps
/// `d`, then sends the time on it.
fn after(sh: &Arc<Shared>, d: i64) -> Value {
    let c = Value::Chan(Arc::new(ChanObj::Chan(Chan::new(1))));
    let gid = sh.queue.next_gid();
    let g = G {
        id: gid,
        task: Task::new(&sh.pool),
        m: Machine::new(sh.image.clone()),
        entries: VecDeque::from([
            Entry::Builtin(Builtin::Go(GoBuiltin::Sleep), vec![Value::Int(d)]),
            Entry::Builtin(Builtin::Go(GoBuiltin::TimerFire), vec![c.clone()]),
        ]),
        hidden: true,
    };
    sh.queue.spawn(gid, Box::new(g));
    sh.queue.hide(1);
    c
}

/// A `sync/atomic` operation on what `args[0]` points to, under the lock of
/// that memory (every access through `sync/atomic` takes it). A slot never
/// stored yet holds nil: 0, or false.
fn atomic(
    cx: &mut Cx<'_>,
    (op, is_bool): (AtomicOp, bool),
    args: &[Value],
) -> Result<Option<Value>, Unwind> {
    let (obj, at, path): (_, _, &[u32]) = match args.first() {
        Some(Value::Ptr { obj, at }) => (obj, *at, &[]),
        Some(Value::FieldPtr(fp)) => (&fp.obj, fp.at, &fp.path),
        Some(Value::Nil) => return Err(cx.fault(errors::nil_deref())),
        _ => return Err(internal(cx, "an atomic operation without a pointer")),
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
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Nil);
    let cur = match &*v {
        Value::Nil if is_bool => Value::Bool(false),
        Value::Nil => Value::Int(0),
        cur => cur.clone(),
    };
    Ok(match op {
        AtomicOp::Add(k) => {
            let n = wrap(int(Some(&cur)).wrapping_add(int(args.get(1))), k);
            *v = Value::Int(n);
            Some(Value::Int(n))
        }
        AtomicOp::Load => Some(cur),
        AtomicOp::Store => {
            *v = arg(1);
            None
        }
        AtomicOp::Swap => {
            *v = arg(1);
            Some(cur)
        }
        AtomicOp::Cas => {
            let same = match (&cur, &arg(1)) {
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (a, b) => int(Some(a)) == int(Some(b)),
            };
            if same {
                *v = arg(2);
            }
            Some(Value::Bool(same))
        }
    })
}

/// `n` wrapped to the width and signedness of `k`.
fn wrap(n: i64, k: crate::types::table::IntKind) -> i64 {
    let bits = k.bits();
    if bits >= 64 {
        return n;
    }
    let shift = 64 - bits;
    if k.signed() {
        (n << shift) >> shift
    } else {
        ((n as u64) << shift >> shift) as i64
    }
}

/// The steps of a `sync.OnceFunc`/`OnceValue` function (see
/// `checker/goroutines/sync.rs`).
fn once_value(
    cx: &mut Cx<'_>,
    b: GoBuiltin,
    (once, r): (&Once<AnyG, Value>, &Mutex<OnceResult>),
    arg: Option<&Value>,
    q: &Queue,
) -> Result<GoRes, Unwind> {
    let mut r = r.lock().unwrap_or_else(|p| p.into_inner());
    match b {
        GoBuiltin::OnceStore => {
            r.value = arg.cloned();
            Ok(GoRes::Done(vec![Value::Nil]))
        }
        GoBuiltin::OnceValueFinish => {
            // Go's deferred recover in `g`: a panic of f is kept and
            // panics on (here, and in every later call).
            let p = cx.recover();
            r.panic.clone_from(&p);
            drop(r);
            once.finish(q);
            match p {
                Some(p) => Err(cx.panic(p)),
                None => Ok(GoRes::Done(Vec::new())),
            }
        }
        _ => match r.panic.clone() {
            Some(p) => {
                drop(r);
                Err(cx.panic(p))
            }
            None => Ok(GoRes::Done(vec![r.value.clone().unwrap_or(Value::Nil)])),
        },
    }
}

/// `close`, `len` and `cap` of a channel.
fn chan_builtin(cx: &mut Cx<'_>, b: GoBuiltin, args: &[Value], q: &Queue) -> Result<GoRes, Unwind> {
    let Some(ch) = args.first() else {
        return Err(internal(cx, "a channel builtin without its channel"));
    };
    let c = chan_of(cx, ch)?;
    match (b, c) {
        (GoBuiltin::Close, None) => Err(plain(cx, ChanError::CloseNil.text())),
        (GoBuiltin::Close, Some(c)) => match c.close(q) {
            Ok(()) => Ok(GoRes::Done(Vec::new())),
            Err(e) => Err(plain(cx, e.text())),
        },
        (_, c) => {
            let n = match c {
                None => 0,
                Some(c) if b == GoBuiltin::ChanLen => c.len(),
                Some(c) => c.cap(),
            };
            Ok(GoRes::Done(vec![Value::Int(n as i64)]))
        }
    }
}

/// A method of a `sync` object `o` (`arg`: its argument, `wg.Add`'s delta).
fn sync_builtin(
    cx: &mut Cx<'_>,
    b: GoBuiltin,
    o: &ChanObj,
    arg: Option<&Value>,
    (gid, q): (u64, &Queue),
) -> Result<GoRes, Unwind> {
    use GoBuiltin as B;
    let none = || Ok(GoRes::Done(Vec::new()));
    let parks = |op: Op<AnyG, Value, ()>| match op {
        Op::Done(()) => GoRes::Done(Vec::new()),
        Op::Block(p) => GoRes::Block(p, None),
    };
    match (b, o) {
        (B::WgAdd | B::WgDone | B::WgGoDone, ChanObj::WaitGroup(wg)) => {
            if b == B::WgGoDone {
                // wg.Go's deferred call: a panic of f goes on (re-panicked).
                if let Some(x) = cx.recover() {
                    return Err(cx.panic(x));
                }
            }
            let delta = if b == B::WgAdd { int(arg) } else { -1 };
            match wg.add(delta, q) {
                Ok(()) => none(),
                Err(text) => Err(cx.panic(Value::str(text))),
            }
        }
        (B::WgWait, ChanObj::WaitGroup(wg)) => Ok(parks(wg.wait(gid, q))),
        (B::Lock, ChanObj::Mutex(mu)) => Ok(parks(mu.lock(gid, q))),
        (B::Lock, ChanObj::RwMutex(rw)) => Ok(parks(rw.lock(gid, q))),
        (B::RLock, ChanObj::RwMutex(rw)) => Ok(parks(rw.rlock(gid, q))),
        (B::Unlock | B::RUnlock, ChanObj::Mutex(_) | ChanObj::RwMutex(_)) => {
            let r = match o {
                ChanObj::Mutex(mu) => mu.unlock(q),
                ChanObj::RwMutex(rw) if b == B::Unlock => rw.unlock(q),
                ChanObj::RwMutex(rw) => rw.runlock(q),
                _ => Ok(()),
            };
            match r {
                Ok(()) => none(),
                Err(text) => Err(fatal(cx, text)),
            }
        }
        (B::TryLock, ChanObj::Mutex(mu)) => Ok(GoRes::Done(vec![Value::Bool(mu.try_lock())])),
        (B::TryLock, ChanObj::RwMutex(rw)) => Ok(GoRes::Done(vec![Value::Bool(rw.try_lock())])),
        (B::OnceBegin, ChanObj::Once(once) | ChanObj::OnceValue(once, _)) => {
            Ok(match once.begin(gid) {
                OnceStep::Done => GoRes::Done(vec![Value::Bool(false)]),
                OnceStep::Run => GoRes::Done(vec![Value::Bool(true)]),
                OnceStep::Block(p) => GoRes::Block(p, Some(Value::Bool(false))),
            })
        }
        (B::OnceFinish, ChanObj::Once(once)) => {
            once.finish(q);
            none()
        }
        (B::OnceStore | B::OnceValueFinish | B::OnceLoad, ChanObj::OnceValue(once, r)) => {
            once_value(cx, b, (once, r), arg, q)
        }
        _ => Err(internal(cx, "a sync method on the wrong object")),
    }
}

/// One of issue 10's builtins where the goroutine cannot park (a deferred
/// call or a `go` of one that does not block).
pub(in crate::vm) fn call_now(
    cx: &mut Cx<'_>,
    b: GoBuiltin,
    args: &[Value],
) -> Result<Vec<Value>, Unwind> {
    if b == GoBuiltin::Gc {
        // A collection that cannot wait for its finalizers.
        let (sh, gid) = sched(cx)?;
        super::collector::collect(&sh, gid, false);
        return Ok(Vec::new());
    }
    match go_builtin(cx, b, args)? {
        GoRes::Done(v) => Ok(v),
        GoRes::Block(..) | GoRes::Sleep(_) => {
            Err(internal(cx, "a builtin blocked where it cannot"))
        }
    }
}
