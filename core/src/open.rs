//! Open frames: the open-coded fast path (Go 1.14's open-coded defers).
//!
//! A function whose defers are known statically — at most 8 defer sites,
//! none in a loop — needs no records: each site owns a slot in the frame's
//! own storage, and a bit in `bits` says whether the slot is armed (Go's
//! `deferBits`). Registering stores the closure and then sets the bit; a
//! normal exit tests the bits from the highest down, clears each bit before
//! calling its slot, and calls the closure directly — monomorphised and
//! inlined, no call into the engine, no indirect call, no record. Only when
//! something unusual happens (a deferred call panics, or registers defers of
//! its own) does the exit fall into the engine's shared loop, which then
//! finds the remaining armed slots through [`PendingSlots`] — the way Go's
//! panic path finds open-coded slots through funcdata.
//!
//! All slots of one frame hold one type `C`: an interpreter's deferred-call
//! value, or one closure type in Rust. Frames that need several closure
//! types use the chain, or an enum.

use core::mem::MaybeUninit;
use core::num::NonZeroU64;

use crate::task::{Cx, Deferred, FrameState, Outcome, PendingSlots, Unwind, MAX_DEPTH};
use crate::value::PanicValue;

/// The most slots an open frame may have (Go: 8 bits of `deferBits`).
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Leaf, MAX_OPEN_SLOTS};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let mut t: Task<Vec<usize>, &'static str> = Task::new(&pool);
/// let mut log = Vec::new();
/// let mut cx = t.cx(&mut w, &mut log).unwrap();
/// let site = |i: usize| Leaf(move |log: &mut Vec<usize>| log.push(i));
/// let mut f = cx.enter_open::<_, MAX_OPEN_SLOTS>();
/// for i in 0..MAX_OPEN_SLOTS {
///     f.defer_at(i, site(i)).unwrap();
/// }
/// assert_eq!(f.bits(), u8::MAX); // one bit of deferBits per slot
/// cx.exit_open(f).unwrap();
/// drop(cx);
/// assert_eq!(log, [7, 6, 5, 4, 3, 2, 1, 0]);
/// ```
pub const MAX_OPEN_SLOTS: usize = 8;

/// A frame whose deferred calls live in `N <= 8` inline slots.
///
/// Made by [`Cx::enter_open`], left by [`Cx::exit_open`] or
/// [`Cx::unwind_open`]. Armed slots of an open frame that is dropped without
/// being left are dropped uncalled.
///
/// An open frame is tied to its task and frame generation as a
/// [`Frame`](crate::Frame) is: leaving it through another task's context
/// panics (`deferrt: OpenFrame of another task passed to Cx::exit_open`),
/// and leaving one that is no longer open (abandoned, or adopted by a
/// deferred call that has returned since) does nothing but drop its armed
/// slots uncalled.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<Vec<u8>, &'static str> = Task::new(&pool);
/// let mut log = Vec::new();
/// let mut cx = t.cx(&mut w, &mut log).unwrap();
/// let mut f = cx.enter_open::<fn(&mut Cx<Vec<u8>, &'static str>) -> Outcome, 2>();
/// f.defer::<0>(|cx| { cx.env().push(0); Ok(()) });
/// f.defer::<1>(|cx| { cx.env().push(1); Ok(()) });
/// cx.exit_open(f).unwrap();
/// drop(cx);
/// assert_eq!(log, [1, 0]);
/// ```
#[must_use = "an open frame must be left with Cx::exit_open or Cx::unwind_open"]
pub struct OpenFrame<C, const N: usize> {
    /// The task it belongs to, and its position (generation and depth,
    /// never depth 0: see `Frame`).
    task: NonZeroU64,
    pos: u64,
    /// How many frames leaving it pops: 1 for a frame entered by
    /// `enter_open`, 0 for one adopted by `adopt_open`. Once its stepped
    /// exit has started (`Cx::leave_start_open`), `pos` is [`LEAVING`] and
    /// `pop` holds the position the frame had.
    pop: u64,
    slots: Slots<C, N>,
}

/// `OpenFrame::pos` once the frame's stepped exit has started: never a
/// task's position (its depth, `u32::MAX`, is deeper than any frame), so
/// every token check finds the frame gone and leaving it again does
/// nothing but drop its remaining slots.
const LEAVING: u64 = u64::MAX;

/// The slots of an open or inline frame and their armed bits (Go's
/// `deferBits`). Invariant: slot `i` is initialised iff bit `i` is set.
struct Slots<C, const N: usize> {
    bits: u8,
    slots: [MaybeUninit<C>; N],
}

impl<C, const N: usize> core::fmt::Debug for OpenFrame<C, N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("OpenFrame")
            .field("depth", &(self.pos as u32))
            .field("bits", &format_args!("{:#010b}", self.slots.bits))
            .finish()
    }
}

/// An open-frame slot index at or past `N` was given to
/// [`OpenFrame::defer_at`]; the closure is handed back.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Cx, Outcome, SlotOutOfRange};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// type D = fn(&mut Cx<u32, &'static str>) -> Outcome;
/// let mut t: Task<u32, &'static str> = Task::new(&pool);
/// let mut runs = 0;
/// let mut cx = t.cx(&mut w, &mut runs).unwrap();
/// let mut f = cx.enter_open::<D, 8>();
/// let c: D = |cx| { *cx.env() += 1; Ok(()) };
/// let Err(SlotOutOfRange(back)) = f.defer_at(8, c) else { panic!("slot 8 of 8 was accepted") };
/// assert_eq!(f.bits(), 0); // nothing was armed
/// f.defer_at(7, back).unwrap(); // the closure came back: use it elsewhere
/// cx.exit_open(f).unwrap();
/// drop(cx);
/// assert_eq!(runs, 1);
/// ```
pub struct SlotOutOfRange<C>(pub C);

impl<C> core::fmt::Debug for SlotOutOfRange<C> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("SlotOutOfRange")
    }
}

impl<C, const N: usize> Slots<C, N> {
    const CHECK: () = assert!(N <= MAX_OPEN_SLOTS, "an open frame has at most 8 slots");

    #[inline(always)]
    fn new() -> Self {
        #[allow(clippy::let_unit_value)]
        let () = Self::CHECK;
        Slots {
            bits: 0,
            // SAFETY: an array of MaybeUninit needs no initialisation.
            slots: unsafe { MaybeUninit::uninit().assume_init() },
        }
    }

    #[inline(always)]
    fn arm(&mut self, i: usize, c: C) {
        if self.bits & (1 << i) != 0 {
            // The site ran twice (only possible in a loop, which open frames
            // exclude): the older closure is dropped uncalled.
            self.bits &= !(1 << i);
            // SAFETY: the bit said the slot is initialised; it is cleared.
            unsafe { self.slots[i].assume_init_drop() };
        }
        // Store first, then arm: the slot is initialised whenever its bit is
        // set, whatever happens in between.
        self.slots[i].write(c);
        self.bits |= 1 << i;
    }

    /// Disarms and moves out the highest armed slot.
    #[inline(always)]
    fn take_top(&mut self) -> Option<C> {
        if self.bits == 0 {
            return None;
        }
        let i = 7 - self.bits.leading_zeros() as usize;
        // Clear the bit before the call: a panic inside the deferred call
        // must never find this slot armed again.
        self.bits &= !(1 << i);
        // SAFETY: bit i was set, so slot i is initialised; clearing the bit
        // gives up our claim to it.
        Some(unsafe { self.slots[i].assume_init_read() })
    }

    /// Drops the armed slots uncalled. If one's `Drop` panics, the others
    /// are still dropped (by the guard, while the panic unwinds, as `Vec`'s
    /// `Drop` does), then the panic goes on.
    #[cold]
    #[inline(never)]
    fn drain(&mut self) {
        struct Rest<'s, C, const N: usize>(&'s mut Slots<C, N>);
        impl<C, const N: usize> Drop for Rest<'_, C, N> {
            fn drop(&mut self) {
                self.0.drain();
            }
        }
        let rest = Rest(self);
        while let Some(c) = rest.0.take_top() {
            drop(c);
        }
        core::mem::forget(rest);
    }
}

impl<C, const N: usize> OpenFrame<C, N> {
    #[inline(always)]
    fn new(task: NonZeroU64, pos: u64, pop: u64) -> Self {
        OpenFrame {
            task,
            pos,
            pop,
            slots: Slots::new(),
        }
    }

    /// The frame's depth in its task.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let outer = cx.enter();
    /// let f = cx.enter_open::<fn(&mut Cx<(), &'static str>) -> Outcome, 1>();
    /// assert_eq!((outer.depth(), f.depth(), cx.task().depth()), (1, 2, 2));
    /// cx.exit_open(f).unwrap();
    /// cx.exit(outer).unwrap();
    /// ```
    pub fn depth(&self) -> u32 {
        if self.pos == LEAVING {
            return self.pop as u32;
        }
        self.pos as u32
    }

    /// The task and position the frame's token carries.
    pub(crate) fn token(&self) -> (NonZeroU64, u64) {
        (self.task, self.pos)
    }

    /// Whether it was made by `adopt_open` (leaving it pops no frame).
    pub(crate) fn is_adopted(&self) -> bool {
        self.pos != LEAVING && self.pop == 0
    }

    /// Its stepped exit has started: from now on it only holds slots, and
    /// its token leaves no frame.
    pub(crate) fn mark_leaving(&mut self) {
        if self.pos != LEAVING {
            self.pop = self.pos;
            self.pos = LEAVING;
        }
    }

    /// Disarms and moves out the highest armed slot (for the stepped exit).
    pub(crate) fn take_top(&mut self) -> Option<C> {
        self.slots.take_top()
    }

    /// The armed-slot mask (Go's `deferBits`).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let mut f = cx.enter_open::<fn(&mut Cx<(), &'static str>) -> Outcome, 3>();
    /// assert_eq!(f.bits(), 0);
    /// f.defer::<0>(|_| Ok(()));
    /// f.defer::<2>(|_| Ok(())); // site 1 was not reached (say, inside a false `if`)
    /// assert_eq!(f.bits(), 0b101);
    /// cx.exit_open(f).unwrap();
    /// ```
    pub fn bits(&self) -> u8 {
        self.slots.bits
    }

    /// Arms slot `I` with `c` — the registration of the defer site that
    /// owns slot `I`. An out-of-range `I` is a compile error:
    ///
    /// ```compile_fail
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let mut f = cx.enter_open::<fn(&mut Cx<(), &'static str>) -> Outcome, 2>();
    /// f.defer::<2>(|_| Ok(())); // slot 2 of a 2-slot frame
    /// # cx.exit_open(f).unwrap();
    /// ```
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// type D = fn(&mut Cx<Vec<&'static str>, &'static str>) -> Outcome;
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// // func f(cond bool) { defer log("a"); if cond { defer log("b") }; defer log("c") }
    /// // with cond == false: slots are numbered in source order, and run highest first.
    /// let mut f = cx.enter_open::<D, 3>();
    /// f.defer::<0>(|cx| { cx.env().push("a"); Ok(()) });
    /// f.defer::<2>(|cx| { cx.env().push("c"); Ok(()) });
    /// cx.exit_open(f).unwrap();
    /// drop(cx);
    /// assert_eq!(log, ["c", "a"]);
    /// ```
    #[inline(always)]
    pub fn defer<const I: usize>(&mut self, c: C) {
        const { assert!(I < N, "slot index out of range") };
        self.slots.arm(I, c);
    }

    /// Arms slot `i` (an index chosen at run time, e.g. by an interpreter's
    /// compile pass). `Err` hands `c` back when `i >= N`.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Leaf};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<usize>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let site = |i: usize| Leaf(move |log: &mut Vec<usize>| log.push(i));
    /// let mut f = cx.enter_open::<_, 3>();
    /// for i in [0, 2] { // the slots an interpreter's compile pass gave the defers that ran
    ///     f.defer_at(i, site(i)).unwrap();
    /// }
    /// assert!(f.defer_at(3, site(3)).is_err());
    /// cx.exit_open(f).unwrap();
    /// drop(cx);
    /// assert_eq!(log, [2, 0]);
    /// ```
    #[inline]
    pub fn defer_at(&mut self, i: usize, c: C) -> Result<(), SlotOutOfRange<C>> {
        if i >= N {
            return Err(SlotOutOfRange(c));
        }
        self.slots.arm(i, c);
        Ok(())
    }
}

impl<C, const N: usize> Drop for Slots<C, N> {
    #[inline(always)]
    fn drop(&mut self) {
        // The test inline, the loop out of line: once an exit has taken
        // every slot, the compiler sees `bits == 0` and drops nothing.
        if self.bits != 0 {
            self.drain();
        }
    }
}

/// An inline frame: the open-coded `Leaf` defers of a function that the
/// embedder's compiler treats as inlined into its caller.
///
/// It is not a frame of the task — entering and leaving it touch nothing
/// but its own slots — so a normal exit is exactly the hand-written calls.
/// That is sound for a function about which the embedder knows statically
/// what Go's compiler knows when it inlines:
///
/// 1. its defers are all open-coded `Leaf` calls (the type enforces it:
///    [`Cx::enter_inline`] refuses at compile time a slot type whose
///    [`Deferred::LEAF`](crate::Deferred::LEAF) is false);
/// 2. its body does not call `recover` directly;
/// 3. its body registers no chain defers.
///
/// If 2 or 3 is broken, `recover` and chain defers in the body act for the
/// enclosing frame, exactly as if the body had been written there.
///
/// Like every token, an inline frame is tied to its task: leaving it
/// through another task's context panics (`deferrt: InlineFrame of another
/// task passed to Cx::exit_inline`), which costs one compare on the exit. On the
/// panic path [`Cx::unwind_inline`] runs the armed slots (a `Leaf` call
/// cannot recover) and hands the unwinding on.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Leaf};
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
/// let mut log = Vec::new();
/// let mut cx = t.cx(&mut w, &mut log).unwrap();
/// // func unlock() { mu.Lock(); defer mu.Unlock(); work() }
/// let mut f = cx.enter_inline::<_, 1>();
/// f.defer::<0>(Leaf(|log: &mut Vec<&'static str>| log.push("unlock")));
/// cx.env().push("work");
/// cx.exit_inline(f);
/// assert_eq!(cx.task().depth(), 0); // no frame was entered
/// drop(cx);
/// assert_eq!(log, ["work", "unlock"]);
/// ```
///
/// A slot type that can reach the engine does not compile:
///
/// ```compile_fail
/// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
/// # let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let f = cx.enter_inline::<fn(&mut Cx<(), &'static str>) -> Outcome, 1>();
/// # cx.exit_inline(f);
/// ```
#[must_use = "an inline frame must be left with Cx::exit_inline or Cx::unwind_inline"]
pub struct InlineFrame<C, const N: usize> {
    /// The task it was entered on: its Leaf calls run with that task's
    /// environment only.
    task: NonZeroU64,
    slots: Slots<C, N>,
}

impl<C, const N: usize> core::fmt::Debug for InlineFrame<C, N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("InlineFrame")
            .field("bits", &format_args!("{:#010b}", self.slots.bits))
            .finish()
    }
}

impl<C, const N: usize> InlineFrame<C, N> {
    /// Arms slot `I`, as [`OpenFrame::defer`] (an out-of-range `I` does not
    /// compile).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Leaf};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<u32, &'static str> = Task::new(&pool); let mut n = 0;
    /// # let mut cx = t.cx(&mut w, &mut n).unwrap();
    /// let mut f = cx.enter_inline::<Leaf<fn(&mut u32)>, 2>();
    /// f.defer::<1>(Leaf(|n: &mut u32| *n += 1));
    /// assert_eq!(f.bits(), 0b10);
    /// cx.exit_inline(f);
    /// assert_eq!(*cx.env(), 1);
    /// ```
    #[inline(always)]
    pub fn defer<const I: usize>(&mut self, c: C) {
        const { assert!(I < N, "slot index out of range") };
        self.slots.arm(I, c);
    }

    /// Arms slot `i`, as [`OpenFrame::defer_at`].
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Leaf};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<u32, &'static str> = Task::new(&pool); let mut n = 0;
    /// # let mut cx = t.cx(&mut w, &mut n).unwrap();
    /// let mut f = cx.enter_inline::<Leaf<fn(&mut u32)>, 1>();
    /// assert!(f.defer_at(1, Leaf(|n: &mut u32| *n += 1)).is_err());
    /// cx.exit_inline(f);
    /// ```
    #[inline]
    pub fn defer_at(&mut self, i: usize, c: C) -> Result<(), SlotOutOfRange<C>> {
        if i >= N {
            return Err(SlotOutOfRange(c));
        }
        self.slots.arm(i, c);
        Ok(())
    }

    /// The armed-slot mask.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Leaf};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut e = ();
    /// # let mut cx = t.cx(&mut w, &mut e).unwrap();
    /// let f = cx.enter_inline::<Leaf<fn(&mut ())>, 3>();
    /// assert_eq!(f.bits(), 0);
    /// cx.exit_inline(f);
    /// ```
    pub fn bits(&self) -> u8 {
        self.slots.bits
    }
}

impl<E, P: PanicValue, M, C: Deferred<E, P, M>, const N: usize> PendingSlots<E, P, M>
    for OpenFrame<C, N>
{
    fn run_next(&mut self, cx: &mut Cx<'_, E, P, M>) -> Option<Outcome> {
        let c = self.slots.take_top()?;
        Some(cx.call_in_own_frame(c))
    }
}

impl<E, P: PanicValue, M> Cx<'_, E, P, M> {
    /// Enters an open frame with `N` slots of type `C`.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<u32>, &'static str> = Task::new(&pool);
    /// let mut depths = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut depths).unwrap();
    /// let mut f = cx.enter_open::<fn(&mut Cx<Vec<u32>, &'static str>) -> Outcome, 2>();
    /// assert_eq!(cx.task().depth(), 1);
    /// f.defer::<0>(|cx| { let d = cx.task().depth(); cx.env().push(d); Ok(()) });
    /// assert_eq!(cx.task().pending_records(), 0); // a slot, not a record
    /// cx.exit_open(f).unwrap();
    /// assert_eq!(cx.task().depth(), 0);
    /// drop(cx);
    /// assert_eq!(depths, [2]); // the slot ran in a frame of its own
    /// ```
    #[inline(always)]
    pub fn enter_open<C, const N: usize>(&mut self) -> OpenFrame<C, N> {
        let f = self.enter();
        OpenFrame::new(f.task, f.pos, 1)
    }

    /// Makes the innermost frame — one the engine entered to run a deferred
    /// call — an open frame, without entering a new one.
    ///
    /// An embedder that runs a deferred function's body directly in the
    /// frame the engine made for the call (so that `recover` in the body is
    /// effective, `docs/GO-SEMANTICS.md` rule C2) uses this when that
    /// function's own defers are open-coded. Leaving the returned frame runs its slots and keeps
    /// the depth; the engine leaves the call's frame when the deferred call
    /// returns. The adopted frame's token is good only until then (or, on a
    /// frame entered with [`Cx::enter`], until that frame is left): kept
    /// longer, leaving it does nothing but drop its slots.
    ///
    /// # Panics
    /// With no frame entered (`deferrt: adopt_open with no frame entered`):
    /// a frame of depth 0 would be the chain sentinel's. Past
    /// [`MAX_DEPTH`](crate::MAX_DEPTH): `deferrt: frame depth overflow`.
    ///
    /// ```
    /// use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// type C<'a> = Cx<'a, Vec<String>, &'static str>;
    /// let pool = Pool::new();
    /// let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<String>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     // defer func() { defer log("inner"); log(recover()) }()
    ///     cx.defer(|cx: &mut C<'_>| {
    ///         let mut f = cx.adopt_open::<fn(&mut C<'_>) -> Outcome, 1>();
    ///         f.defer::<0>(|cx| { cx.env().push("inner".into()); Ok(()) });
    ///         let v = cx.recover(); // still the deferred call's own frame
    ///         cx.env().push(format!("{v:?}"));
    ///         cx.exit_open(f)
    ///     });
    ///     Err(cx.panic("boom"))
    /// });
    /// assert_eq!(r, Ok(None));
    /// drop(cx);
    /// assert_eq!(log, ["Some(\"boom\")", "inner"]);
    /// ```
    #[inline(always)]
    pub fn adopt_open<C, const N: usize>(&mut self) -> OpenFrame<C, N> {
        let t = &mut *self.task;
        match t.depth() {
            0 => adopt_outside_frames(),
            d if d > MAX_DEPTH => crate::task::depth_overflow(),
            _ => {
                // A new generation: when the deferred call whose frame this
                // is returns, the engine sees it (the task is not back at the
                // call's position) and makes this frame's token stale, so it
                // cannot be left later from another call of the same depth.
                t.next_epoch();
                OpenFrame::new(t.id, t.pos, 0)
            }
        }
    }

    /// Enters an inline frame (see [`InlineFrame`] for when that is sound):
    /// nothing but the frame's own slots is touched.
    #[inline(always)]
    pub fn enter_inline<C: Deferred<E, P, M>, const N: usize>(&mut self) -> InlineFrame<C, N> {
        const { assert!(C::LEAF, "an inline frame holds Leaf slots only") };
        InlineFrame {
            task: self.task.id,
            slots: Slots::new(),
        }
    }

    /// Leaves an inline frame normally: calls its armed slots from the
    /// highest down, and nothing else.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Leaf};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<Vec<u8>, &'static str> = Task::new(&pool); let mut v = Vec::new();
    /// # let mut cx = t.cx(&mut w, &mut v).unwrap();
    /// let mut f = cx.enter_inline::<Leaf<fn(&mut Vec<u8>)>, 2>();
    /// f.defer::<0>(Leaf(|v: &mut Vec<u8>| v.push(0)));
    /// f.defer::<1>(Leaf(|v: &mut Vec<u8>| v.push(1)));
    /// cx.exit_inline(f);
    /// assert_eq!(*cx.env(), [1, 0]);
    /// ```
    #[inline(always)]
    pub fn exit_inline<C: Deferred<E, P, M>, const N: usize>(
        &mut self,
        mut frame: InlineFrame<C, N>,
    ) {
        if frame.task != self.task.id {
            // Inline panic: the inline frame's exit calls no engine code.
            panic!("deferrt: InlineFrame of another task passed to Cx::exit_inline");
        }
        while let Some(c) = frame.slots.take_top() {
            // A Leaf call: it gets the environment only.
            c.call_leaf(self.env());
        }
    }

    /// Leaves an inline frame whose body is unwinding: runs its armed slots
    /// (a `Leaf` call cannot recover) and hands the unwinding back, to be
    /// propagated to the enclosing frame.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Leaf, Unwind};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool); let mut v = Vec::new();
    /// # let mut cx = t.cx(&mut w, &mut v).unwrap();
    /// let r = cx.call(|cx| -> Result<(), Unwind> {
    ///     cx.defer(|cx| { let p = cx.recover(); cx.env().push(p.unwrap()); Ok(()) });
    ///     // an inlined helper with a Leaf defer panics
    ///     let mut f = cx.enter_inline::<Leaf<fn(&mut Vec<&'static str>)>, 1>();
    ///     f.defer::<0>(Leaf(|v: &mut Vec<&'static str>| v.push("unlock")));
    ///     let u = cx.panic("boom");
    ///     Err(cx.unwind_inline(f, u))
    /// });
    /// assert_eq!(r, Ok(None));
    /// drop(cx);
    /// assert_eq!(v, ["unlock", "boom"]);
    /// ```
    pub fn unwind_inline<C: Deferred<E, P, M>, const N: usize>(
        &mut self,
        frame: InlineFrame<C, N>,
        u: Unwind,
    ) -> Unwind {
        self.task.check_unwind(&u, "unwind_inline");
        if frame.task != self.task.id {
            // Inline panic: the inline frame's exit calls no engine code.
            panic!("deferrt: InlineFrame of another task passed to Cx::unwind_inline");
        }
        self.exit_inline(frame);
        u
    }

    /// Leaves an open frame normally: calls the armed slots from the highest
    /// down, directly. Returns as [`Cx::exit`] does.
    ///
    /// The fast path has no call but the slots' own: everything unusual (a
    /// slot that unwinds or leaves defers of its own, chain records on the
    /// frame, frames left out of order) hands the whole rest of the exit to
    /// one cold function, in tail position.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// type D = fn(&mut Cx<Vec<&'static str>, &'static str>) -> Outcome;
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// // func f() { defer func() { log(recover()) }(); defer func() { panic("late") }() }
    /// let mut f = cx.enter_open::<D, 2>();
    /// f.defer::<0>(|cx| { let v = cx.recover(); cx.env().push(v.unwrap_or("none")); Ok(()) });
    /// f.defer::<1>(|cx| Err(cx.panic("late")));
    /// assert_eq!(cx.exit_open(f), Ok(())); // slot 1 panicked, slot 0 recovered
    /// drop(cx);
    /// assert_eq!(log, ["late"]);
    /// ```
    #[inline(always)]
    pub fn exit_open<C: Deferred<E, P, M>, const N: usize>(
        &mut self,
        mut frame: OpenFrame<C, N>,
    ) -> Outcome {
        if !self.task.is_top(frame.task, frame.pos) {
            return self.exit_open_slow(frame, None);
        }
        let p = frame.pos;
        let d = p as u32;
        if C::LEAF {
            // Leaf slots cannot reach the engine (they get the environment
            // only): nothing to set up or to check around them.
            while let Some(c) = frame.slots.take_top() {
                c.call_leaf(self.env());
            }
            // The frame is empty now: nothing left for its Drop to do.
            let pop = frame.pop;
            core::mem::forget(frame);
            // One check after the slots: chain calls the body registered on
            // this frame run now.
            if self.task.head_depth() == d {
                return self.exit_open_chain_calls(d, pop);
            }
            self.task.pos = p - pop;
            return Ok(());
        } else if frame.slots.bits != 0 {
            // Every slot runs in frame d + 1: set once for the frame.
            self.task.pos = p + 1;
            while let Some(c) = frame.slots.take_top() {
                let r = c.call(&mut self.handed());
                // Back at the position it started at, and the head older
                // than this frame (no records of the call's own, none the
                // body put on this frame): nothing to do. Otherwise the cold
                // path.
                if r.is_err() || self.task.pos != p + 1 || self.task.head_depth() >= d {
                    // The token was checked on entry and a task's id never
                    // changes: reading it again here, off the hot path, lets
                    // the compiler drop the token's copy from it (1 Ir).
                    frame.task = self.task.id;
                    return self.exit_open_slow(frame, Some(r));
                }
            }
        } else if self.task.head_depth() == d {
            // No slot armed, but chain calls registered on this frame.
            return self.exit_open_slow(frame, None);
        }
        self.task.pos = p - frame.pop;
        Ok(())
    }

    /// Runs the chain calls registered on open frame `d` once its slots
    /// have run, and leaves the frame (popping `pop` frames).
    #[cold]
    #[inline(never)]
    fn exit_open_chain_calls(&mut self, d: u32, pop: u64) -> Outcome {
        let r = self.drain_frame(d, false, None);
        self.task.pos -= pop;
        r
    }

    /// The rest of an open frame's exit when anything unusual happened.
    /// `last` is the outcome of the slot call that just returned, if any.
    #[cold]
    #[inline(never)]
    fn exit_open_slow<C: Deferred<E, P, M>, const N: usize>(
        &mut self,
        mut frame: OpenFrame<C, N>,
        last: Option<Outcome>,
    ) -> Outcome {
        let d = frame.depth();
        let unwinding = match last {
            None => {
                if !self.task.is_top(frame.task, frame.pos) {
                    return self.leave_open_out_of_order(&mut frame, None);
                }
                false
            }
            // Finish the call's own frame first (its defers, or its
            // unwinding), then carry on with the rest of this frame.
            Some(r) => {
                let r = self.leave_call_frame(frame.pos + 1, r);
                self.task.pos -= 1; // back to depth d, in this generation
                r.is_err()
            }
        };
        let r = self.drain_frame(d, unwinding, Some(&mut frame));
        self.task.pos -= frame.pop;
        r
    }

    /// Leaves an open frame whose body is unwinding. Returns as
    /// [`Cx::unwind`] does.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// type D = fn(&mut Cx<Vec<&'static str>, &'static str>) -> Outcome;
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let mut f = cx.enter_open::<D, 2>();
    /// f.defer::<0>(|cx| { let v = cx.recover(); cx.env().push(v.unwrap_or("none")); Ok(()) });
    /// f.defer::<1>(|cx| { cx.env().push("cleanup"); Ok(()) });
    /// let u = cx.panic("boom"); // the body panics
    /// assert_eq!(cx.unwind_open(f, u), Ok(())); // slot 0 recovered: f returns normally
    /// drop(cx);
    /// assert_eq!(log, ["cleanup", "boom"]);
    /// ```
    pub fn unwind_open<C: Deferred<E, P, M>, const N: usize>(
        &mut self,
        mut frame: OpenFrame<C, N>,
        u: Unwind,
    ) -> Outcome {
        self.task.check_unwind(&u, "unwind_open");
        if !self.task.is_top(frame.task, frame.pos) {
            return self.leave_open_out_of_order(&mut frame, Some(u));
        }
        let r = self.drain_frame(frame.depth(), true, Some(&mut frame));
        self.task.pos -= frame.pop;
        r
    }

    /// The closure-scoped open frame: enter, run `body`, leave.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// type D = fn(&mut Cx<Vec<&'static str>, &'static str>) -> Outcome;
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let r = cx.call_open::<D, 1, _>(|cx, f| {
    ///     f.defer::<0>(|cx| { cx.env().push("deferred"); Ok(()) });
    ///     cx.env().push("body");
    ///     Ok(42)
    /// });
    /// assert_eq!(r, Ok(Some(42)));
    /// drop(cx);
    /// assert_eq!(log, ["body", "deferred"]);
    /// ```
    #[inline(always)]
    pub fn call_open<C: Deferred<E, P, M>, const N: usize, R>(
        &mut self,
        body: impl FnOnce(&mut Self, &mut OpenFrame<C, N>) -> Result<R, Unwind>,
    ) -> Result<Option<R>, Unwind> {
        let mut f = self.enter_open::<C, N>();
        match body(self, &mut f) {
            Ok(r) => self.exit_open(f).map(|()| Some(r)),
            Err(u) => self.unwind_open(f, u).map(|()| None),
        }
    }

    /// Leaves an open frame whose token is not the innermost frame's by the
    /// fast compare: another task's (panics), no longer open (its slots are
    /// dropped uncalled; `unwinding` is handed back), an outer frame (the
    /// frames entered after it are discarded first), or the innermost one
    /// from an older generation.
    #[cold]
    #[inline(never)]
    fn leave_open_out_of_order<C: Deferred<E, P, M>, const N: usize>(
        &mut self,
        frame: &mut OpenFrame<C, N>,
        unwinding: Option<Unwind>,
    ) -> Outcome {
        let d = frame.depth();
        let op = if unwinding.is_some() {
            "unwind_open"
        } else {
            "exit_open"
        };
        match self
            .task()
            .frame_state(frame.task, frame.pos, "OpenFrame", op)
        {
            // Not open any more (see `Frame`): its slots drop with it.
            FrameState::Gone => return unwinding.map_or(Ok(()), Err),
            // Inner frames were abandoned: discard them, then leave this one
            // through the shared loop.
            FrameState::Outer => self.discard_abandoned(d),
            // The innermost frame, from an older generation: tokens of what
            // this exit leaves, from older generations, go stale with it.
            FrameState::Top => self.task.abandon_below(d - frame.pop as u32),
        }
        let r = self.drain_frame(d, unwinding.is_some(), Some(frame));
        self.task.pos -= frame.pop;
        r
    }
}

/// `adopt_open` with no frame to adopt.
#[cold]
#[inline(never)]
#[track_caller]
fn adopt_outside_frames() -> ! {
    panic!(
        "deferrt: adopt_open with no frame entered (depth 0): it adopts the frame \
         the engine entered for a deferred call"
    )
}
