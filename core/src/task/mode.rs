//! Task modes: [`Local`] and [`Sendable`], and [`Admit`], which says which
//! closures a task of each mode accepts.

/// Marker for tasks that stay on one thread: deferred closures need not be
/// `Send`, and the task is not `Send`.
///
/// ```
/// use std::{cell::Cell, rc::Rc};
/// use deferrt_core::{Pool, Worker, Task, Local};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let ran = Rc::new(Cell::new(false)); // not Send: fine for a Local task
/// let mut t: Task<(), &'static str, Local> = Task::new(&pool); // Local is the default
/// let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let flag = Rc::clone(&ran);
/// cx.call(|cx| { cx.defer(move |_| { flag.set(true); Ok(()) }); Ok(()) }).unwrap();
/// assert!(ran.get());
/// ```
#[derive(Debug)]
pub enum Local {}

/// Marker for tasks that may move between threads (a work-stealing
/// scheduler's goroutines): deferred closures and panic values must be
/// `Send`, and then so is the task.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Sendable};
/// let pool = Pool::new();
/// let mut t: Task<Vec<String>, &'static str, Sendable> = Task::new(&pool);
/// let mut log = Vec::new();
/// // On this thread: enter a frame, defer, then park the task (drop the context).
/// let mut here = Worker::new(&pool);
/// let mut cx = t.cx(&mut here, &mut log).unwrap();
/// let frame = cx.enter();
/// let from = format!("{:?}", std::thread::current().id());
/// cx.defer(move |cx| {
///     let now = format!("{:?}", std::thread::current().id());
///     cx.env().push(format!("deferred on {from}, run on another: {}", from != now));
///     Ok(())
/// });
/// drop(cx);
/// // On another thread, with that thread's worker: leave the frame.
/// let pool2 = pool.clone();
/// let (t, log) = std::thread::spawn(move || {
///     let mut there = Worker::new(&pool2);
///     let mut cx = t.cx(&mut there, &mut log).unwrap();
///     cx.exit(frame).unwrap();
///     drop(cx);
///     (t, log)
/// })
/// .join()
/// .unwrap();
/// assert!(log[0].ends_with("run on another: true"));
/// assert_eq!((t.depth(), t.pending_records()), (0, 0));
/// ```
#[derive(Debug)]
pub enum Sendable {}

/// Which closures a task of mode `M` accepts: every closure for [`Local`],
/// `Send` closures for [`Sendable`].
///
/// ```
/// use std::rc::Rc;
/// use deferrt_core::{Admit, Cx, Outcome, Pool, Worker, Task, Local, Sendable};
/// // A helper generic over the mode carries `Cx::defer`'s bound.
/// fn defer_in<M, F>(cx: &mut Cx<u32, &'static str, M>, f: F)
/// where
///     F: FnOnce(&mut Cx<u32, &'static str, M>) -> Outcome + Admit<M> + 'static,
/// {
///     cx.defer(f)
/// }
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let mut n = 0;
/// let mut local: Task<u32, &'static str, Local> = Task::new(&pool);
/// let mut cx = local.cx(&mut w, &mut n).unwrap();
/// let rc = Rc::new(1); // not Send
/// cx.call(|cx| { defer_in(cx, move |cx| { *cx.env() += *rc; Ok(()) }); Ok(()) }).unwrap();
/// drop(cx);
/// let mut sendable: Task<u32, &'static str, Sendable> = Task::new(&pool);
/// let mut cx = sendable.cx(&mut w, &mut n).unwrap();
/// cx.call(|cx| { defer_in(cx, |cx| { *cx.env() += 10; Ok(()) }); Ok(()) }).unwrap();
/// drop(cx);
/// assert_eq!(n, 11);
/// ```
///
/// A `Sendable` task refuses a closure that is not `Send`:
///
/// ```compile_fail
/// use deferrt_core::{Pool, Worker, Task, Sendable};
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<(), &'static str, Sendable> = Task::new(&pool);
/// let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let rc = std::rc::Rc::new(1);
/// let f = cx.enter();
/// cx.defer(move |_| { drop(rc); Ok(()) }); // error: `Rc` is not `Send`
/// cx.exit(f).unwrap();
/// ```
pub trait Admit<M> {}
impl<F> Admit<Local> for F {}
impl<F: Send> Admit<Sendable> for F {}
