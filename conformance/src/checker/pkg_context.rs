//! Package `context`, the part that cancellation code uses: `Context`,
//! `CancelFunc`, `Background`, `TODO`, `WithCancel`, `WithValue` and
//! `Canceled`, written in Go over minigo's channels (a prelude compiled
//! with the program when it imports `context`) as Go's own
//! implementation works:
//!
//! * a `*cancelCtx` has its `done` channel, closed once by the first
//!   cancel (later cancels do nothing), and the set of its cancelable
//!   children; a cancel sets `Err` to `Canceled`, closes `done`, cancels
//!   the children with the same error (before the cancel returns), and
//!   unregisters the context from its parent;
//! * a new cancelable child of a parent that is done is canceled at once
//!   with the parent's error; of a parent whose `Value(cancel key)` is a
//!   `*cancelCtx` with the same `Done` channel, registered there (so a
//!   parent's cancel reaches it before returning, through any
//!   `WithValue` or user type embedding a `Context`); of any other parent
//!   that can be done, watched by a goroutine, as Go does;
//! * each context's lock is a one-slot channel (the prelude cannot rely
//!   on the program importing `sync`).
//!
//! No context here has a deadline (`Deadline` says `ok` false; its
//! `time.Time` is minigo's, an `int`). Not here: `WithTimeout`,
//! `WithDeadline`, `AfterFunc`, `Cause`, `DeadlineExceeded` and the
//! `WithCancelCause` family: uses of them are refused. `String` of a
//! context over a parent or value that is not a `fmt.Stringer` names it
//! `context` where Go prints its type's name.

use super::Checker;
use crate::ast::Expr as AExpr;
use crate::ir::{Args, Builtin, Call, Const, Expr, Lhs, Rhs, Stmt, Target, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// The types of `context` and the functions behind its package
/// functions, in Go.
pub(super) const CONTEXT: &str = "package main
type Context interface {
	Deadline() (deadline int, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}
type CancelFunc func()
type backgroundCtx struct{}
func (backgroundCtx) Deadline() (deadline int, ok bool) {
	return
}
func (backgroundCtx) Done() <-chan struct{} {
	return nil
}
func (backgroundCtx) Err() error {
	return nil
}
func (backgroundCtx) Value(key any) any {
	return nil
}
func (backgroundCtx) String() string {
	return \"context.Background\"
}
type todoCtx struct{}
func (todoCtx) Deadline() (deadline int, ok bool) {
	return
}
func (todoCtx) Done() <-chan struct{} {
	return nil
}
func (todoCtx) Err() error {
	return nil
}
func (todoCtx) Value(key any) any {
	return nil
}
func (todoCtx) String() string {
	return \"context.TODO\"
}
type cancelCtxKey struct{}
type cancelCtx struct {
	parent   context.Context
	lock     chan struct{}
	done     chan struct{}
	err      error
	children map[*context.cancelCtx]bool
}
func (c *cancelCtx) Deadline() (deadline int, ok bool) {
	return c.parent.Deadline()
}
func (c *cancelCtx) Done() <-chan struct{} {
	return c.done
}
func (c *cancelCtx) Err() error {
	c.lock <- struct{}{}
	err := c.err
	<-c.lock
	return err
}
func (c *cancelCtx) Value(key any) any {
	if key == any(context.cancelCtxKey{}) {
		return c
	}
	return c.parent.Value(key)
}
func (c *cancelCtx) String() string {
	return minigo_context_name(c.parent) + \".WithCancel\"
}
func (c *cancelCtx) cancel(remove bool, err error) {
	c.lock <- struct{}{}
	if c.err != nil {
		<-c.lock
		return
	}
	c.err = err
	close(c.done)
	for child := range c.children {
		child.cancel(false, err)
	}
	c.children = nil
	<-c.lock
	if remove {
		if p, ok := minigo_context_parentCancel(c.parent); ok {
			p.lock <- struct{}{}
			delete(p.children, c)
			<-p.lock
		}
	}
}
type valueCtx struct {
	parent   context.Context
	key, val any
}
func (c *valueCtx) Deadline() (deadline int, ok bool) {
	return c.parent.Deadline()
}
func (c *valueCtx) Done() <-chan struct{} {
	return c.parent.Done()
}
func (c *valueCtx) Err() error {
	return c.parent.Err()
}
func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.parent.Value(key)
}
func (c *valueCtx) String() string {
	return minigo_context_name(c.parent) + \".WithValue(\" + minigo_context_name(c.key) + \", \" + minigo_context_name(c.val) + \")\"
}
func minigo_context_name(v any) string {
	switch s := v.(type) {
	case interface{ String() string }:
		return s.String()
	case string:
		return s
	case nil:
		return \"<nil>\"
	}
	return minigo_native_fmt_typeName(v)
}
func minigo_context_Background() context.Context {
	return context.backgroundCtx{}
}
func minigo_context_TODO() context.Context {
	return context.todoCtx{}
}
func minigo_context_WithCancel(parent context.Context) (context.Context, context.CancelFunc) {
	if parent == nil {
		panic(\"cannot create context from nil parent\")
	}
	c := &context.cancelCtx{parent: parent, lock: make(chan struct{}, 1), done: make(chan struct{})}
	minigo_context_propagate(parent, c)
	return c, func() { c.cancel(true, context.Canceled) }
}
func minigo_context_WithValue(parent context.Context, key, val any) context.Context {
	if parent == nil {
		panic(\"cannot create context from nil parent\")
	}
	if key == nil {
		panic(\"nil key\")
	}
	return &context.valueCtx{parent, key, val}
}
func minigo_context_parentCancel(parent context.Context) (*context.cancelCtx, bool) {
	done := parent.Done()
	if done == nil {
		return nil, false
	}
	p, ok := parent.Value(context.cancelCtxKey{}).(*context.cancelCtx)
	if !ok || p.done != done {
		return nil, false
	}
	return p, true
}
func minigo_context_propagate(parent context.Context, child *context.cancelCtx) {
	done := parent.Done()
	if done == nil {
		return
	}
	select {
	case <-done:
		child.cancel(false, parent.Err())
		return
	default:
	}
	if p, ok := minigo_context_parentCancel(parent); ok {
		p.lock <- struct{}{}
		if p.err != nil {
			err := p.err
			<-p.lock
			child.cancel(false, err)
			return
		}
		if p.children == nil {
			p.children = map[*context.cancelCtx]bool{}
		}
		p.children[child] = true
		<-p.lock
		return
	}
	go func() {
		select {
		case <-done:
			child.cancel(false, parent.Err())
		case <-child.done:
		}
	}()
}
";

impl Checker {
    /// Allocates `context.Canceled` when the program imports `context`;
    /// its initialisation.
    pub(crate) fn context_globals(&mut self, nglobals: &mut usize) -> Vec<Stmt> {
        if !self.imports.contains_key("context") {
            return Vec::new();
        }
        let canceled = *nglobals as u32;
        *nglobals += 1;
        self.context_canceled = Some(canceled);
        let new = Expr::Call(Box::new(Call {
            line: 0,
            target: Target::Builtin(Builtin::ErrorsNew),
            args: Args::List(vec![Expr::Const(Const::str("context canceled"))]),
        }));
        vec![Stmt::Assign {
            lhs: vec![Lhs::Set(Var::Global(canceled))],
            rhs: Rhs::List(vec![new]),
        }]
    }

    /// `context.Canceled`.
    pub(crate) fn context_var(&mut self, name: &str) -> Option<(Expr, Type)> {
        let g = self.context_canceled.filter(|_| name == "Canceled")?;
        self.mark_import("context");
        Some((Expr::Load(Var::Global(g)), Type::Error))
    }

    /// `context.Background()`, `TODO`, `WithCancel`, `WithValue`: calls of
    /// the prelude's functions; `None` for other names.
    pub(crate) fn context_call(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let src = format!("package main\nvar _ = minigo_context_{name}(a)\n");
        match name {
            "Background" | "TODO" | "WithValue" => Some(self.template_call(&src, args, pos)),
            "WithCancel" => Some(self.template_tuple_call(&src, args, pos)),
            _ => None,
        }
    }

    /// `minigo_native_fmt_typeName(v)`: `fmt.Sprintf("%T", v)` for the
    /// preludes (which cannot count on the program importing `fmt`).
    pub(crate) fn type_name_call(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let Args::List(mut a) = self.args(&[Type::Any], args, pos, "typeName")? else {
            return super::err(pos, "internal error: typeName");
        };
        a.insert(0, Expr::Const(Const::str("%T")));
        let call = Call {
            line: 0,
            target: Target::Builtin(Builtin::FmtSprintf),
            args: Args::List(a),
        };
        Ok((Expr::Call(Box::new(call)), Type::Str))
    }
}
