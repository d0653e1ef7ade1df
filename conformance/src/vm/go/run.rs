//! The workers' side: running a goroutine's machine until it stops, its
//! end (Go's crash report, Goexit, exit), and a whole program's run.

use super::*;

/// What one worker thread runs goroutines with.
struct Runner {
    worker: Worker,
    host: Host,
}

type SStop = sched::Stop<AnyG, Value>;

impl sched::Runner<AnyG, Value> for Runner {
    fn run(
        &mut self,
        _: &mut sched::WorkerCx<'_, AnyG, Value>,
        gid: u64,
        g: &mut AnyG,
        wake: Option<Wake<Value>>,
    ) -> SStop {
        if let Some(go) = self.host.go.as_mut() {
            go.gid = gid;
        }
        match g.downcast_mut::<G>() {
            Some(g) => run_g(g, &mut self.worker, &mut self.host, wake),
            None => {
                self.host
                    .err(b"minigo: internal error: a goroutine of another machine\n");
                SStop::Exit(2)
            }
        }
    }
}

/// Statements a goroutine's wait (a blocking operation, a sleep, a timer)
/// counts toward [`crate::Options::step_budget`]. Without it a program that
/// waits forever in a loop (`for range time.Tick(d) {}`) would never
/// exhaust the budget that stops one that spins: it runs a few statements
/// per wait.
const WAIT_STEPS: u64 = 1000;

/// Runs goroutine `g` until it stops.
fn run_g(g: &mut G, worker: &mut Worker, host: &mut Host, wake: Option<Wake<Value>>) -> SStop {
    let fing = host
        .go
        .as_ref()
        .filter(|go| go.shared.collector.is_fing(g.id))
        .map(|go| go.shared.clone());
    if let Some(sh) = &fing {
        super::collector::fing_waits(sh, g.id, None);
    }
    let r = drive(g, worker, host, wake);
    if let Some(sh) = &fing {
        // A finalizer blocks: `runtime.GC` callers waiting for the queue
        // to empty go on (the slot is not handed to the scheduler yet, so
        // the finalizer goroutine cannot have resumed).
        match &r {
            Ok(SStop::Blocked(p)) => super::collector::fing_waits(sh, g.id, Some(Some(p.clone()))),
            Ok(SStop::Sleep(_) | SStop::Timer(..)) => {
                super::collector::fing_waits(sh, g.id, Some(None))
            }
            _ => {}
        }
    }
    match r {
        Ok(stop @ (SStop::Blocked(_) | SStop::Sleep(_) | SStop::Timer(..))) => {
            if host.count_steps(WAIT_STEPS) {
                host.halt_outside(Halt::Budget);
                return SStop::Exit(2);
            }
            stop
        }
        Ok(stop) => stop,
        Err(r) => ended(g, worker, host, r),
    }
}

/// Runs `g`'s machine: `Ok` when it stops to wait or yield, `Err` with its
/// outcome when it has nothing left to run.
fn drive(
    g: &mut G,
    worker: &mut Worker,
    host: &mut Host,
    wake: Option<Wake<Value>>,
) -> Result<SStop, deferrt_core::Outcome> {
    let Ok(mut cx) = g.task.cx(worker, host) else {
        host.err(b"minigo: internal error: worker and task pools differ\n");
        return Ok(SStop::Exit(2));
    };
    // A goroutine that parked or slept resumes its operation first (a
    // sleep's timer brings no wake-up value).
    if wake.is_some() || g.m.wait.is_some() {
        if let Err(u) = g.m.resume(&mut cx, wake) {
            g.m.begin_leave(&mut cx, Err(u)).map_err(Err)?;
        }
    }
    loop {
        if g.m.acts.is_empty() {
            match g.entries.pop_front() {
                None => {
                    // Finished: its stack chunk goes to this worker's cache
                    // (the task keeps it otherwise, until it is dropped).
                    cx.release_stack();
                    return Err(Ok(()));
                }
                Some(Entry::Func(clo, args)) => {
                    g.m.regs.clear();
                    let n = args.len();
                    g.m.regs.extend(args);
                    g.m.push(&mut cx, clo, Args::Regs(0, n), 0, 0)
                        .map_err(Err)?;
                }
                Some(Entry::Builtin(Builtin::Go(GoBuiltin::FinNext), _)) => {
                    let (sh, _) = sched(&mut cx).map_err(Err)?;
                    let more = super::collector::next(&mut cx, &sh).map_err(Err)?;
                    g.entries.extend(more);
                    continue;
                }
                Some(Entry::Builtin(Builtin::Go(b), args)) => {
                    match go_builtin(&mut cx, b, &args).map_err(Err)? {
                        // A ticker's fire arms its next period.
                        GoRes::Done(v)
                            if b == GoBuiltin::TimerFire
                                && matches!(v.first(), Some(Value::Bool(true))) =>
                        {
                            g.entries.extend(super::timers::rearm(&args));
                            continue;
                        }
                        GoRes::Done(_) => continue,
                        GoRes::Block(p, _) => {
                            g.m.wait = Some(Wait::Ready);
                            return Ok(SStop::Blocked(p));
                        }
                        GoRes::Sleep(d) => return Ok(sleep(g, d)),
                    }
                }
                Some(Entry::Builtin(b, args)) => {
                    call_builtin(&mut cx, &b, args).map_err(Err)?;
                    continue;
                }
                // gc's wrapper runs in the new goroutine: a nil `*T`
                // panics here, in it.
                Some(Entry::Wrap(w, mut args)) => {
                    super::super::wrap_vals(&mut cx, &w, &mut args).map_err(Err)?;
                    g.m.regs.clear();
                    let n = args.len();
                    g.m.regs.extend(args);
                    g.m.push(&mut cx, w.clo.clone(), Args::Regs(0, n), 0, 0)
                        .map_err(Err)?;
                }
                Some(Entry::Nothing) => continue,
            }
        }
        match g.m.run(&mut cx, 0) {
            Stop::Yield => return Ok(SStop::Yield),
            Stop::Block(p) => return Ok(SStop::Blocked(p)),
            Stop::Sleep(d) => return Ok(SStop::Sleep(d)),
            Stop::Done(Ok(())) => {
                g.m.regs.clear();
                g.m.spill.clear();
            }
            Stop::Done(Err(u)) => return Err(Err(u)),
        }
    }
}

/// `g` sleeps `d`; `time.After`'s hidden goroutine, whose next entry sends
/// on its channel, is a timer that counts only while a goroutine waits on
/// that channel (Go 1.23's channel timers).
fn sleep(g: &G, d: Duration) -> SStop {
    if g.hidden {
        if let Some(Entry::Builtin(Builtin::Go(GoBuiltin::TimerFire), args)) = g.entries.front() {
            if let Some(Value::Chan(o)) = args.first() {
                let o = o.clone();
                return SStop::Timer(
                    d,
                    Box::new(move || match &*o {
                        ChanObj::Chan(c) => c.has_receiver(),
                        _ => true,
                    }),
                );
            }
        }
    }
    SStop::Sleep(d)
}

/// Goroutine `g` ended with `r`: what the scheduler does next. A panic's
/// report is printed here, after Go's `preprintpanics` ran the values'
/// `Error`/`String` methods (as machine calls on this goroutine).
fn ended(g: &mut G, worker: &mut Worker, host: &mut Host, r: deferrt_core::Outcome) -> SStop {
    if let Some(h) = host.halted {
        return SStop::Exit(match h {
            Halt::Exit(n) => n,
            Halt::StackOverflow | Halt::Budget => 2,
        });
    }
    let main = g.id == 1;
    let finished = |g: &G, host: &Host| {
        if let Some(go) = host.go.as_ref() {
            go.shared
                .discarded
                .fetch_add(g.task.discarded_calls(), Ordering::Relaxed);
        }
    };
    match r {
        Ok(()) if main => {
            if let Some(go) = host.go.as_ref() {
                go.shared.over.store(true, Ordering::Release);
            }
            SStop::Exit(0)
        }
        Ok(()) => {
            finished(g, host);
            if g.hidden {
                if let Some(go) = host.go.as_ref() {
                    go.shared.queue.hide(-1);
                }
            }
            SStop::Done
        }
        Err(_) => match g.task.unwinding() {
            Some(Unwinding::Panic(_)) => {
                g.preprint(std::slice::from_mut(worker), &mut 0, host);
                let text = g.task.crash_report().goroutine(g.id).to_string();
                if host.go.as_ref().is_none_or(|go| go.shared.claim_over()) {
                    host.err_always(text.as_bytes());
                }
                SStop::Exit(2)
            }
            Some(Unwinding::Goexit) => {
                finished(g, host);
                if main {
                    SStop::MainGoexit
                } else {
                    SStop::Done
                }
            }
            None => {
                host.err(b"minigo: internal error: unwinding without a panic\n");
                SStop::Exit(2)
            }
        },
    }
}

/// Runs the package initialisation, the `init` functions and `main` on the
/// main goroutine, and every goroutine they start, on `s.procs` workers
/// (on one when the program cannot start a goroutine: a second worker would
/// only wait; `runtime.GOMAXPROCS` still answers the setting).
pub(crate) fn execute(
    image: Image,
    s: &Settings,
    out: Box<dyn std::io::Write + Send>,
    err: Box<dyn std::io::Write + Send>,
) -> RunStatus {
    let image = Arc::new(image);
    if s.leak_code {
        std::mem::forget(Arc::clone(&image));
    }
    let mut host = Host::new(&image, s, out, err);
    let pool = Pool::new();
    let shared = Arc::new(Shared {
        queue: Queue::new(),
        pool: pool.clone(),
        image: image.clone(),
        discarded: AtomicU64::new(0),
        halt: Mutex::new(None),
        over: AtomicBool::new(false),
        maxprocs: std::sync::atomic::AtomicUsize::new(s.procs.unwrap_or(0)),
        workers: std::sync::atomic::AtomicUsize::new(1),
        collector: Default::default(),
    });
    let main = main_goroutine(&image, &host, &pool);
    let gid = shared.queue.next_gid();
    shared.queue.spawn(gid, Box::new(main));
    let template = &host;
    let procs = if image.starts_goroutines() {
        s.procs.unwrap_or_else(crate::procs_from_env)
    } else {
        1
    };
    // One worker schedules as Go's one P does (runnext first).
    shared.queue.set_one_p(procs <= 1);
    shared
        .workers
        .store(procs, std::sync::atomic::Ordering::Relaxed);
    let end = sched::run(&shared.queue, procs, s.seed, Some(s.stack_size), |w| {
        let mut h = template.fork();
        h.go = Some(GoCx {
            shared: shared.clone(),
            gid: 0,
            rng: Rng::new(s.seed ^ (u64::from(w) << 32)),
            slice: SLICE,
        });
        Runner {
            worker: Worker::new(&pool),
            host: h,
        }
    });
    if let Some(p) = end.panic {
        std::panic::resume_unwind(p);
    }
    let status = status(&mut host, &shared, end.outcome);
    if s.stats {
        stats(&mut host, &shared, end.left, &end.runners, procs);
    }
    host.flush();
    status
}

/// The main goroutine: the package initialisation, the `init` functions
/// and `main`, one after the other.
fn main_goroutine(image: &Arc<Image>, host: &Host, pool: &Arc<Pool>) -> G {
    let mut main = G::new(image.clone(), Task::new(pool));
    let init = Arc::new(Closure {
        proto: image.init.clone(),
        captured: Vec::new(),
    });
    main.entries.push_back(Entry::Func(init, Vec::new()));
    for &i in image.inits.iter().chain(std::iter::once(&image.main)) {
        if let Some(c) = host.funcs.get(i as usize) {
            main.entries.push_back(Entry::Func(c.clone(), Vec::new()));
        }
    }
    main
}

/// The run's status; Go's last words for a deadlock.
fn status(host: &mut Host, shared: &Shared, outcome: End) -> RunStatus {
    let halt = *shared.halt.lock().unwrap_or_else(|p| p.into_inner());
    match (halt, outcome) {
        (Some(Halt::Exit(n)), _) => RunStatus::Exit(n),
        (Some(Halt::StackOverflow), _) => RunStatus::Exit(2),
        (Some(Halt::Budget), _) => RunStatus::BudgetExhausted,
        (None, End::Exit(n)) => RunStatus::Exit(n),
        (None, End::Deadlock { first }) => {
            let mut text = String::from("fatal error: all goroutines are asleep - deadlock!\n\n");
            if let Some((gid, why)) = first {
                text.push_str(&format!("goroutine {gid} [{why}]:\n"));
            }
            host.err_always(text.as_bytes());
            RunStatus::Exit(2)
        }
        (None, End::NoGoroutines) => {
            host.err_always(errors::GOEXIT_DEADLOCK.as_bytes());
            RunStatus::Exit(2)
        }
        (None, End::Panicked) => RunStatus::Exit(2),
    }
}

/// `--stats`: goroutines started, migrations, and the record pool's
/// accounting once every goroutine is gone (each record carved is in the
/// central pool or a worker's cache: none lost, none run twice).
fn stats(host: &mut Host, shared: &Shared, left: Vec<AnyG>, runners: &[Runner], procs: usize) {
    let mut discarded = shared.discarded.load(Ordering::Relaxed);
    for g in &left {
        if let Some(g) = g.downcast_ref::<G>() {
            discarded += g.task.discarded_calls() + g.task.pending_records() as u64;
        }
    }
    drop(left);
    let cached: usize = runners.iter().map(|r| r.worker.cached()).sum();
    let p = shared.pool.stats();
    host.err_always(
        format!(
            "minigo: stats: goroutines {}, migrations {}, workers {procs}, records carved {}, \
             in the central pool {}, in worker caches {cached}, discarded calls {discarded}\n",
            shared.queue.started(),
            shared.queue.migrations(),
            p.carved,
            p.central_free
        )
        .as_bytes(),
    );
}
