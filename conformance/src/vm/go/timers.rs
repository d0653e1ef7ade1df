//! `time.Timer` and `time.Ticker` (Go 1.23's channel timers): each arm
//! is a hidden goroutine that sleeps, then puts the time in the channel's
//! one-slot buffer — a ticker's arms again — unless the timer's state cell
//! says it was stopped. The cell holds 0 while armed, 1 once stopped, 2
//! once a timer's value is in the buffer. `Stop` takes a value that no one
//! received back out of the buffer, so no stale value is ever received
//! after it, and reports `true` then, as Go 1.23 does.

use super::*;

const ARMED: i64 = 0;
const STOPPED: i64 = 1;
const FIRED: i64 = 2;

/// Swaps the state cell `v` (a pointer to an int slot) to `new` under
/// the cell's lock, if it holds `old` (any value when `old` is `None`);
/// the value it held.
fn swap_state(v: Option<&Value>, old: Option<i64>, new: i64) -> Option<i64> {
    let Some(Value::Ptr { obj, at }) = v else {
        return None;
    };
    let mut slots = obj.lock();
    let slot = slots.get_mut(*at as usize)?;
    let was = match slot {
        Value::Int(n) => *n,
        _ => ARMED,
    };
    if old.is_none_or(|o| o == was) {
        *slot = Value::Int(new);
    }
    Some(was)
}

/// `TimerArm(ch, d, period)`: a new state cell and the hidden goroutine
/// that fires into `ch` after `d`.
pub(super) fn arm(sh: &Arc<Shared>, args: &[Value]) -> Value {
    let ch = args.first().cloned().unwrap_or(Value::Nil);
    let (d, period) = (int(args.get(1)), int(args.get(2)));
    let state = Value::Ptr {
        obj: Arc::new(crate::rt::Obj::new(Box::new([Value::Int(ARMED)]))),
        at: 0,
    };
    spawn_fire(sh, d, vec![ch, state.clone(), Value::Int(period)]);
    state
}

fn spawn_fire(sh: &Arc<Shared>, d: i64, fire_args: Vec<Value>) {
    let gid = sh.queue.next_gid();
    let g = G {
        id: gid,
        task: Task::new(&sh.pool),
        m: Machine::new(sh.image.clone()),
        entries: fire_entries(d, fire_args),
        hidden: true,
    };
    sh.queue.spawn(gid, Box::new(g));
    sh.queue.hide(1);
}

fn fire_entries(d: i64, fire_args: Vec<Value>) -> VecDeque<Entry> {
    VecDeque::from([
        Entry::Builtin(Builtin::Go(GoBuiltin::Sleep), vec![Value::Int(d)]),
        Entry::Builtin(Builtin::Go(GoBuiltin::TimerFire), fire_args),
    ])
}

/// The fire of a timer or ticker with a state cell: puts the time in the
/// buffer if it is armed and the buffer is free (a ticker drops a tick no
/// one took); whether a ticker must arm again.
pub(super) fn fire(args: &[Value], gid: u64, q: &Queue) -> bool {
    let ticker = int(args.get(2)) > 0;
    let now = if ticker {
        swap_state(args.get(1), None, ARMED)
    } else {
        swap_state(args.get(1), Some(ARMED), FIRED)
    };
    if now != Some(ARMED) {
        return false;
    }
    if let Some(Value::Chan(o)) = args.first() {
        if let ChanObj::Chan(c) = &**o {
            // Only this goroutine sends: a free slot stays free.
            if c.len() < c.cap() {
                let _ = c.send(Value::Int(monotonic()), gid, q);
            }
        }
    }
    ticker
}

/// After a ticker's fire: the entries of its next period.
pub(super) fn rearm(args: &[Value]) -> VecDeque<Entry> {
    fire_entries(int(args.get(2)), args.to_vec())
}

/// `TimerStop(ch, state)`: stops the timer; true if its value had not been
/// received (taking it back out of the buffer if it was there).
/// A ticker's tick that no one took is dropped the same way.
pub(super) fn stop(args: &[Value], q: &Queue) -> bool {
    let was = swap_state(args.get(1), None, STOPPED);
    let taken = match args.first() {
        Some(Value::Chan(o)) => match &**o {
            ChanObj::Chan(c) if was != Some(STOPPED) => c.poll_recv(q).is_some(),
            _ => false,
        },
        _ => false,
    };
    match was {
        Some(ARMED) => true,
        Some(FIRED) => taken,
        _ => false,
    }
}
