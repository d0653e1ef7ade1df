//! The crash report Go prints for an unrecovered panic (`printpanics` and
//! `preprintpanics` in `runtime/panic.go`), up to `goroutine 1 [running]:`.
//!
//! ```text
//! panic: first [recovered]          <- oldest panic still on the stack
//! <TAB>panic: second               <- each newer one on a tab-led line
//! [signal SIGSEGV: ...]             <- only after an uncleared fault (Cx::fault)
//!                                   <- an empty line
//! goroutine 1 [running]:
//! ```
//!
//! Rules, each from Go 1.27's `printpanics`:
//! * values print with `Display`; every `\n` inside a value is followed by
//!   a tab (`printindented`);
//! * a panic recovered but still on the stack is marked ` [recovered]`;
//! * when a newer panic carries the same value as the one before it
//!   ([`PanicValue::same_value`]), the older line is marked
//!   ` [recovered, repanicked]` (or left unmarked if it was never
//!   recovered) and the newer line is not printed;
//! * a Goexit entry prints nothing, and the line after it has no tab.

use core::fmt::{self, Display, Write};

use alloc::vec::Vec;

use crate::value::PanicValue;

pub(crate) struct Line<'a, P> {
    pub(crate) value: Option<&'a P>,
    pub(crate) recovered: bool,
}

/// A task's crash report; `Display` writes it. Made by
/// [`Task::crash_report`](crate::Task::crash_report).
///
/// ```
/// use deferrt_core::{Pool, Worker, Task};
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<(), &'static str> = Task::new(&pool);
/// let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let r = cx.call(|cx| -> Result<(), _> {
///     cx.defer(|cx| { cx.recover(); Err(cx.panic("second")) });
///     Err(cx.panic("first"))
/// });
/// assert!(r.is_err());
/// drop(cx);
/// assert_eq!(
///     t.crash_report().to_string(),
///     "panic: first [recovered]\n\tpanic: second\n\ngoroutine 1 [running]:\n"
/// );
/// ```
pub struct CrashReport<'a, P> {
    lines: Vec<Line<'a, P>>,
    /// The task's uncleared fault (Go's `gp.sig`), whose signal line follows
    /// the chain.
    fault: Option<&'a P>,
    goroutine: u64,
}

impl<'a, P> CrashReport<'a, P> {
    pub(crate) fn new(lines: impl Iterator<Item = Line<'a, P>>, fault: Option<&'a P>) -> Self {
        CrashReport {
            lines: lines.collect(),
            fault,
            goroutine: 1,
        }
    }

    /// Sets the goroutine number of the last line (default 1).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> { Err(cx.panic("boom")) });
    /// assert!(r.is_err());
    /// drop(cx);
    /// let report = t.crash_report().goroutine(7).to_string();
    /// assert_eq!(report, "panic: boom\n\ngoroutine 7 [running]:\n");
    /// ```
    pub fn goroutine(mut self, id: u64) -> Self {
        self.goroutine = id;
        self
    }
}

impl<P: PanicValue + Display> CrashReport<'_, P> {
    /// Only the panic chain, without the signal line and the goroutine line.
    ///
    /// ```
    /// use core::fmt;
    /// use deferrt_core::{PanicValue, Pool, Worker, Task};
    /// #[derive(Clone)]
    /// struct NilDeref;
    /// impl fmt::Display for NilDeref {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         f.write_str("runtime error: invalid memory address or nil pointer dereference")
    ///     }
    /// }
    /// impl PanicValue for NilDeref {
    ///     fn signal(&self) -> Option<&str> {
    ///         Some("[signal SIGSEGV: segmentation violation]")
    ///     }
    /// }
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<(), NilDeref> = Task::new(&pool);
    /// let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> { Err(cx.fault(NilDeref)) });
    /// assert!(r.is_err());
    /// drop(cx);
    /// let report = t.crash_report();
    /// let chain = report.chain().to_string();
    /// let want = "panic: runtime error: invalid memory address or nil pointer dereference\n";
    /// assert_eq!(chain, want);
    /// assert!(report.to_string().contains("\n[signal SIGSEGV"));
    /// assert!(!chain.contains("signal") && !chain.contains("goroutine"));
    /// ```
    pub fn chain(&self) -> impl Display + '_ {
        Chain(self)
    }

    fn write_chain(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.lines.len();
        // Go's preprintpanics: an entry whose next newer entry has the same
        // value is "repanicked"; the newer entry is then not printed.
        let repanicked: Vec<bool> = (0..n)
            .map(|i| match (self.lines[i].value, self.lines.get(i + 1)) {
                (Some(a), Some(Line { value: Some(b), .. })) => b.same_value(a),
                _ => false,
            })
            .collect();
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 {
                if repanicked[i - 1] {
                    continue;
                }
                if self.lines[i - 1].value.is_some() {
                    f.write_char('\t')?;
                }
            }
            let Some(v) = line.value else { continue }; // Goexit prints nothing
            f.write_str("panic: ")?;
            write!(Indented(f), "{v}")?;
            if line.recovered && repanicked[i] {
                f.write_str(" [recovered, repanicked]")?;
            } else if line.recovered {
                f.write_str(" [recovered]")?;
            }
            f.write_char('\n')?;
        }
        Ok(())
    }
}

struct Chain<'r, 'a, P>(&'r CrashReport<'a, P>);

impl<P: PanicValue + Display> Display for Chain<'_, '_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_chain(f)
    }
}

impl<P: PanicValue + Display> Display for CrashReport<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_chain(f)?;
        // Go's dopanic_m prints the line whenever gp.sig is set: by the
        // newest fault, until a recovery left no panic on the goroutine.
        if let Some(s) = self.fault.and_then(|v| v.signal()) {
            writeln!(f, "{s}")?;
        }
        write!(f, "\ngoroutine {} [running]:\n", self.goroutine)
    }
}

/// Go's `printindented`: a tab after every newline.
struct Indented<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl Write for Indented<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut parts = s.split('\n');
        if let Some(first) = parts.next() {
            self.0.write_str(first)?;
        }
        for p in parts {
            self.0.write_str("\n\t")?;
            self.0.write_str(p)?;
        }
        Ok(())
    }
}
