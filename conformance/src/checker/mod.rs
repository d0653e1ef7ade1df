//! The checker: resolves names, checks types, reports Go's compile errors
//! (the first one, with its position) and lowers the syntax tree to
//! [`crate::ir`].

mod builtins_minmax;
pub(crate) mod composite;
mod consts;
mod errors_as;
pub(crate) mod expr;
pub(crate) mod flow;
mod generics;
pub(crate) mod goroutines;
mod packages;
mod pkg_context;
mod pkg_flag;
mod pkg_scan;
mod pkg_strconv;
mod pkg_values;
mod prelude;
mod prelude_time;
mod prelude_types;
mod sorting;
pub(crate) mod stmt;
mod typedecl;
mod typeexpr;
pub(crate) mod unsupported;

use crate::fastmap::FastMap;
use std::rc::Rc;

use crate::ast::{self, Decl};
use crate::ir::{self, DeferTier, FuncCode, Lhs, Program, Var};
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::{FuncType, Type};
use crate::value::{FuncVal, Value};
pub(crate) use expr::num_kind;
pub(crate) use typeexpr::{outside_universe, universe_type};
use unsupported::{refuse, Construct};

/// Checks `file` and lowers it.
pub fn check(file: &ast::File) -> PResult<Program> {
    let mut c = Checker::default();
    c.program(file)
}

/// [`check`] of `file`, the syntax of `src`: the package preludes that a
/// program can reach only by naming one of their types or functions
/// (`fmt.Stringer`, `runtime.PanicNilError`, `runtime.FuncForPC`) are left
/// out when `src` never spells that name, which spares every such run
/// compiling them (the result is the same: nothing else reaches them).
///
/// ```
/// let src = "package main\n\nimport \"runtime\"\n\nfunc main() { runtime.Gosched() }\n";
/// let file = minigo::parser::parse(src).unwrap();
/// let all = minigo::checker::check(&file).unwrap();
/// let used = minigo::checker::check_source(&file, src).unwrap();
/// // Without `PanicNilError`'s two methods, `Func.Name` and `Frames.Next`.
/// assert_eq!(used.funcs.len(), all.funcs.len() - 4);
/// ```
pub fn check_source(file: &ast::File, src: &str) -> PResult<Program> {
    check_source_leaking(file, src, false)
}

/// [`check_source`]; with `leak`, the checker's own tables are not freed
/// (`Options::leak_program`).
pub(crate) fn check_source_leaking(file: &ast::File, src: &str, leak: bool) -> PResult<Program> {
    let mut c = Checker {
        unnamed_preludes: prelude::unnamed_in(file, src),
        lang: crate::buildtag::file_lang(src)?,
        ..Checker::default()
    };
    let prog = c.program(file);
    if leak {
        std::mem::forget(c);
    }
    prog
}

/// What a name means.
#[derive(Debug, Clone)]
enum Binding {
    /// A local variable of function context `level`.
    Local {
        level: usize,
        slot: u32,
        ty: Type,
        id: usize,
    },
    /// A package-level variable.
    Global { idx: u32, ty: Type },
    /// A top-level function.
    Func { idx: u32, ty: Rc<FuncType> },
    /// A constant.
    Const { value: Value, ty: Type },
    /// A declared type.
    Type(Type),
    /// A generic function or type (`checker/generics`), by its index.
    Generic(usize),
}

/// One function being checked.
#[derive(Debug, Default)]
struct FnCtx {
    nslots: u32,
    captures: Vec<Var>,
    capmap: FastMap<(usize, u32), u32>,
    results: Vec<Type>,
    result_slots: Vec<u32>,
    named_results: bool,
    defers: u32,
    /// The first defer statement inside a loop, if any.
    defer_in_loop: Option<Pos>,
    /// For each defer statement, by site number: whether it is in a loop.
    site_in_loop: Vec<bool>,
    returns: u32,
    loops: u32,
    /// Where each defer statement is, by site number.
    defer_pos: Vec<Pos>,
    /// Labels, jump targets, and what `break` leaves (checker/flow).
    flow: flow::FlowCtx,
    /// The range-over-func loop whose body this context is.
    range_body: Option<flow::rangefunc::RangeBody>,
}

impl FnCtx {
    /// Why defer statement `site` goes on the core's chain, or `None` when
    /// the function's defers are open-coded. gc's rule
    /// (cmd/compile/internal/ssagen): open-coded when at most 8 defer
    /// statements, none in a loop, and returns x defers <= 15; the reason
    /// names what forced the chain.
    fn chain_reason(&self, site: usize) -> Option<String> {
        if self.defers > 8 {
            Some(format!(
                "the function has {} defer statements, more than 8",
                self.defers
            ))
        } else if let Some(lp) = self.defer_in_loop {
            if self.site_in_loop.get(site).copied().unwrap_or(false) {
                Some("this defer statement is in a loop".to_string())
            } else {
                Some(format!(
                    "the function has a defer statement in a loop at {lp}"
                ))
            }
        } else if self.returns * self.defers > 15 {
            Some(format!(
                "the function has {} return statements x {} defer statements > 15",
                self.returns, self.defers
            ))
        } else {
            None
        }
    }
}

#[derive(Debug)]
struct LocalInfo {
    name: Rc<str>,
    pos: Pos,
    used: bool,
}

#[derive(Debug)]
struct Import {
    pos: Pos,
    path: Rc<str>,
    used: bool,
}

#[derive(Default)]
struct Checker {
    /// Innermost last; `scopes[0]` is the package scope.
    scopes: Vec<(FastMap<Rc<str>, Binding>, usize)>,
    fns: Vec<FnCtx>,
    locals: Vec<LocalInfo>,
    imports: FastMap<Rc<str>, Import>,
    func_types: Vec<Rc<FuncType>>,
    lit_count: u32,
    /// Go's names of the function literals and range-over-func bodies
    /// being checked, innermost last: (name, literals so far, range
    /// bodies so far) — gc's `main.f.func1`, `main.f-range1`,
    /// `main.f.func1.func1`.
    go_names: Vec<(Rc<str>, u32, u32)>,
    /// `init` functions named so far.
    inits_named: u32,
    /// The names given, by enclosing name and closing brace: a literal
    /// checked twice (a lowering that looks at an argument first) keeps
    /// its name and counts once.
    go_named: FastMap<(Rc<str>, Pos), Rc<str>>,
    cur_name: Rc<str>,
    strings: FastMap<Rc<[u8]>, Rc<[u8]>>,
    /// Every defer statement's tier, in the order functions finish.
    tiers: Vec<DeferTier>,
    /// Some call of `runtime.Caller`, `Callers`, `FuncForPC` or
    /// `CallersFrames` (`Program::walks_stack`).
    walks_stack: bool,
    /// Some call of `runtime.SetFinalizer` (`Program::finalizers`).
    pub(crate) finalizers: bool,
    /// What gc calls when a store of the statement being checked fails:
    /// set by the first map element target (its `mapassign` variant).
    pub(crate) store_site: Option<crate::code::FaultSite>,
    /// The value of `iota` inside a const spec.
    iota: Option<i64>,
    /// The hidden package variables of `log`: its flags and prefix.
    log_vars: Option<(u32, u32)>,
    /// `io.EOF` and `io.ErrUnexpectedEOF`, package variables.
    io_vars: Option<(u32, u32)>,
    /// `os.Args`, a package variable.
    os_args: Option<u32>,
    /// Declared types so far (their identities).
    ntypes: u32,
    /// The next call checked is the call of a `defer` or `go` statement
    /// (cleared by the call): it must stay a direct call of its function.
    deferred_call: bool,
    /// `runtime.Error`, once used.
    runtime_error: Option<Type>,
    /// `fmt.Stringer`, once used.
    fmt_stringer: Option<Type>,
    /// `strings.Builder` of the prelude (checker/prelude.rs).
    strings_builder: Option<Type>,
    /// The types of the packages' preludes, by `pkg.T`.
    pkg_types: FastMap<String, Type>,
    /// The globals of `strconv.ErrSyntax` and `ErrRange`.
    strconv_vars: Option<(u32, u32)>,
    /// The global of `context.Canceled` (checker/pkg_context.rs).
    context_canceled: Option<u32>,
    /// Packages whose prelude the source never names (`check_source`).
    unnamed_preludes: Vec<&'static str>,
    /// Generic declarations and their instances.
    generics: generics::Generics,
    /// Whether a constraint is being resolved (where interfaces with type
    /// terms are allowed).
    in_constraint: bool,
    /// The file's language version, from its `//go:build` line
    /// (`buildtag.rs`): below go1.22, loop variables are per loop.
    lang: crate::buildtag::FileLang,
}

impl Checker {
    /// The language version of the source at `pos`: the file's, or the
    /// module's for minigo's own Go (the preludes, from `SNIPPET_LINE`),
    /// which stands for packages with go.mod files of their own.
    pub(crate) fn lang_at(&self, pos: Pos) -> crate::buildtag::FileLang {
        if pos.line >= crate::parser::SNIPPET_LINE {
            crate::buildtag::FileLang::default()
        } else {
            self.lang
        }
    }

    /// Whether a loop at `pos` has a variable per iteration (go1.22's
    /// rule), not one per loop.
    pub(crate) fn per_iteration_vars(&self, pos: Pos) -> bool {
        self.lang_at(pos).allows(22)
    }

    /// gc's error for a feature of go1.`minor` used at `pos` in a file of
    /// an older language version: `WHAT requires go1.N or later (file
    /// declares //go:build go1.M)`.
    pub(crate) fn require_lang(
        &self,
        pos: Pos,
        minor: u32,
        what: impl FnOnce() -> String,
    ) -> PResult<()> {
        let lang = self.lang_at(pos);
        if lang.allows(minor) {
            return Ok(());
        }
        err(
            pos,
            format!("{} requires go1.{minor} or later {}", what(), lang.why()),
        )
    }
}

fn err<T>(pos: Pos, msg: impl Into<String>) -> PResult<T> {
    Err(SyntaxError::new(pos, msg))
}

/// The zero value of a type.
pub(crate) fn zero(t: &Type) -> Value {
    match t {
        Type::Int => Value::Int(0),
        Type::Str => Value::str(""),
        Type::Bool => Value::Bool(false),
        Type::Func(ft) => Value::Func(FuncVal::Nil(ft.clone())),
        Type::Byte | Type::Rune | Type::IntK(_) => Value::Int(0),
        Type::Float(_) => Value::Float(0.0),
        Type::Complex(_) => Value::Complex(0.0, 0.0),
        Type::Named(_) => zero(&t.underlying()),
        Type::Struct(fs) => Value::Struct(fs.iter().map(|f| zero(&f.ty)).collect()),
        t => composite::comp_zero(t).unwrap_or(Value::Nil),
    }
}

const PACKAGES: &[&str] = &[
    "fmt",
    "os",
    "runtime",
    "runtime/debug",
    "errors",
    "iter",
    "strings",
    "bytes",
    "sort",
    "slices",
    "log",
    "io",
    "math",
    "math/rand",
    "math/cmplx",
    "strconv",
    "unicode",
    "unicode/utf8",
    "sync",
    "sync/atomic",
    "time",
    "maps",
    "cmp",
    "context",
    "container/heap",
    "container/ring",
    "flag",
];

impl Checker {
    fn program(&mut self, file: &ast::File) -> PResult<Program> {
        for imp in &file.imports {
            // `_ "path"` only runs the package's initialisation (none that
            // a program sees here); other names are refused unless the
            // parser read them as the package's own (parser/import_names.rs).
            let blank = imp.name.as_ref().is_some_and(|(n, _)| &**n == "_");
            if imp.name.is_some() && !blank {
                return refuse(imp.pos, Construct::ImportNames);
            }
            let (path, pos) = (&imp.path, &imp.path_pos);
            if !PACKAGES.contains(&&**path) {
                let mut e = SyntaxError::unsupported(*pos, &format!("imports of package `{path}`"));
                e.msg.push_str(&format!(
                    " (the supported packages: {})",
                    PACKAGES.join(", ")
                ));
                return Err(e);
            }
            if blank {
                continue;
            }
            // A package is named by its path's last element.
            let name: std::rc::Rc<str> = path.rsplit('/').next().unwrap_or(path).into();
            if self.imports.contains_key(&name) {
                return err(*pos, format!("{name} redeclared in this block"));
            }
            self.imports.insert(
                name,
                Import {
                    pos: *pos,
                    path: path.clone(),
                    used: false,
                },
            );
        }
        self.scopes.push((FastMap::default(), usize::MAX));
        let with_prelude = self.with_prelude(file)?;
        let file = with_prelude.as_ref().unwrap_or(file);
        let (funcs, inits, mut nglobals) = self.declare_package(file)?;
        let log_init = self.log_globals(&mut nglobals);
        let Some(Binding::Func { idx: main, ty }) = self.scopes[0].0.get("main").cloned() else {
            return err(
                Pos { line: 1, col: 1 },
                "function main is undeclared in the main package",
            );
        };
        if !ty.params.is_empty() || !ty.results.is_empty() {
            return err(
                self.func_pos(file, "main"),
                "func main must have no arguments and no return values",
            );
        }
        let first_local = self.locals.len();
        let mut init = self.global_inits(file)?;
        init.splice(0..0, log_init);
        self.check_unused(first_local)?;
        let mut codes = Vec::new();
        for (decl, idx) in funcs {
            codes.push((idx, self.func_or_prelude_decl(decl)?));
        }
        codes.extend(self.instance_bodies()?);
        codes.sort_by_key(|(i, _)| *i);
        self.check_imports_used()?;
        Ok(Program {
            nglobals,
            init,
            funcs: codes.into_iter().map(|(_, c)| c).collect(),
            inits,
            main,
            literals: self.strings.values().cloned().collect(),
            tiers: std::mem::take(&mut self.tiers),
            file: Rc::from(""),
            walks_stack: self.walks_stack,
            finalizers: self.finalizers,
            file_name: Rc::from(""),
        })
    }

    fn func_pos(&self, file: &ast::File, name: &str) -> Pos {
        file.decls
            .iter()
            .find_map(|d| match d {
                Decl::Func(f) if &*f.name == name => Some(f.pos),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Enters every package-level name; returns the functions to check.
    #[allow(clippy::type_complexity)]
    fn declare_package<'f>(
        &mut self,
        file: &'f ast::File,
    ) -> PResult<(Vec<(&'f ast::FuncDecl, u32)>, Vec<u32>, usize)> {
        let mut funcs = Vec::new();
        let mut inits = Vec::new();
        let mut nglobals = 0u32;
        self.generics.later = Some(Vec::new());
        let early = self.declare_types(file)?;
        for d in &file.decls {
            match d {
                Decl::Const(c) if early.contains(&(c as *const ast::ConstSpec)) => {}
                Decl::Const(c) => {
                    for (name, pos, value, ty) in self.const_spec(c)? {
                        if &*name != "_" {
                            self.declare_pkg_name(&name, pos, Binding::Const { value, ty })?;
                        }
                    }
                }
                Decl::Type(_) => {}
                // Methods with type parameters: `generics/methods.rs`.
                Decl::Func(f) if f.recv.is_some() && !f.tparams.is_empty() => {}
                Decl::Func(f) if self.is_generic_method(f) => {}
                Decl::Func(f) if !f.tparams.is_empty() && f.recv.is_none() => {
                    self.declare_generic_func(f)?;
                }
                Decl::Func(f) if f.recv.is_some() => {
                    let idx = self.declare_method(f)?;
                    funcs.push((f, idx));
                }
                Decl::Func(f) => {
                    let ty = Rc::new(self.signature(&f.sig)?);
                    let idx = self.func_types.len() as u32;
                    self.func_types.push(ty.clone());
                    funcs.push((f, idx));
                    if &*f.name == "init" {
                        if !ty.params.is_empty() || !ty.results.is_empty() {
                            return err(
                                f.pos,
                                "func init must have no arguments and no return values",
                            );
                        }
                        inits.push(idx);
                        continue;
                    }
                    if &*f.name == "_" {
                        continue;
                    }
                    self.declare_pkg_name(&f.name, f.pos, Binding::Func { idx, ty })?;
                }
                Decl::Var(v) => {
                    // Types are settled when the initialisers are checked;
                    // declare names now so functions can refer to them.
                    for (name, pos) in &v.names {
                        let ty = match &v.ty {
                            Some(t) => self.type_expr(t)?,
                            None => Type::Nil, // patched in global_inits
                        };
                        let idx = nglobals;
                        nglobals += 1;
                        if &**name != "_" {
                            self.declare_pkg_name(name, *pos, Binding::Global { idx, ty })?;
                        }
                    }
                }
            }
        }
        self.late_constraint_checks()?;
        Ok((funcs, inits, nglobals as usize))
    }

    fn declare_pkg_name(&mut self, name: &Rc<str>, pos: Pos, b: Binding) -> PResult<()> {
        if self.scopes[0].0.contains_key(name) {
            return err(pos, format!("{name} redeclared in this block"));
        }
        if self.imports.contains_key(name) {
            return err(
                pos,
                format!("{name} already declared through import of package"),
            );
        }
        self.scopes[0].0.insert(name.clone(), b);
        Ok(())
    }

    /// Checks the package-level variable initialisers, in Go's order of
    /// initialisation ([`init_order`]).
    fn global_inits(&mut self, file: &ast::File) -> PResult<Vec<ir::Stmt>> {
        let specs: Vec<&ast::VarSpec> = file
            .decls
            .iter()
            .filter_map(|d| match d {
                Decl::Var(v) => Some(v),
                _ => None,
            })
            .collect();
        // Each spec's first global slot (slots are numbered in source order).
        let mut first = Vec::new();
        let mut n = 0u32;
        for v in &specs {
            first.push(n);
            n += v.names.len() as u32;
        }
        let mut out = Vec::new();
        // gc compiles the initialisers into `main.init`, in their order:
        // their literals are `main.init.func1`, ... in that order.
        self.cur_name = "main.init".into();
        self.lit_count = 0;
        self.go_names = vec![(self.cur_name.clone(), 0, 0)];
        for k in init_order(file, &specs) {
            let v = specs[k];
            let declared = match &v.ty {
                Some(t) => Some(self.type_expr(t)?),
                None => None,
            };
            let (rhs, types) = self.var_values(v, declared.as_ref())?;
            let mut lhs = Vec::new();
            for (idx, ((name, _), ty)) in (first[k]..).zip(v.names.iter().zip(types)) {
                if &**name == "_" {
                    lhs.push(Lhs::Blank);
                } else {
                    if let Some(Binding::Global { ty: t, .. }) = self.scopes[0].0.get_mut(name) {
                        *t = ty;
                    }
                    lhs.push(Lhs::Set(Var::Global(idx)));
                }
            }
            out.push(ir::Stmt::Assign { lhs, rhs });
        }
        Ok(out)
    }

    fn func_decl(&mut self, f: &ast::FuncDecl) -> PResult<Rc<FuncCode>> {
        self.cur_name = match &f.recv {
            Some(r) => self.method_name(r, &f.name),
            // gc's `main.init.0`, `main.init.1`, in source order.
            None if &*f.name == "init" => {
                self.inits_named += 1;
                format!("main.init.{}", self.inits_named - 1).into()
            }
            None => format!("main.{}", f.name).into(),
        };
        self.lit_count = 0;
        self.go_names = vec![(self.cur_name.clone(), 0, 0)];
        let first_local = self.locals.len();
        let Some(body) = &f.body else {
            return err(f.pos, format!("missing function body for {}", f.name));
        };
        let sig = match &f.recv {
            // A method is a function whose first parameter is the receiver.
            Some(r) => {
                let mut sig = f.sig.clone();
                sig.params.insert(0, r.clone());
                sig
            }
            None => f.sig.clone(),
        };
        let code = self.function(&sig, body, self.cur_name.clone())?;
        self.check_unused(first_local)?;
        Ok(code)
    }

    fn check_unused(&mut self, from: usize) -> PResult<()> {
        let first = self.locals[from..]
            .iter()
            .filter(|l| !l.used && &*l.name != "_")
            .min_by_key(|l| l.pos);
        if let Some(l) = first {
            return err(l.pos, format!("declared and not used: {}", l.name));
        }
        self.locals.truncate(from);
        Ok(())
    }

    /// Checks a function of the program or of a package's prelude (written
    /// from [`crate::parser::SNIPPET_LINE`] on).
    fn func_or_prelude_decl(&mut self, decl: &ast::FuncDecl) -> PResult<Rc<FuncCode>> {
        if decl.pos.line < crate::parser::SNIPPET_LINE {
            return self.func_decl(decl);
        }
        self.not_using_imports(|c| c.func_decl(decl))
    }

    /// Runs `f` on a package's prelude: what it names of its package
    /// (`context.Canceled` in `context`'s) is no use of the program's
    /// import.
    fn not_using_imports<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let used: Vec<bool> = self.imports.values().map(|i| i.used).collect();
        let r = f(self);
        for (i, u) in self.imports.values_mut().zip(used) {
            i.used = u;
        }
        r
    }

    fn check_imports_used(&self) -> PResult<()> {
        let first = self
            .imports
            .iter()
            .filter(|(name, i)| !i.used && !self.named_in_unchecked_generic(name))
            .map(|(_, i)| i)
            .min_by_key(|i| i.pos);
        if let Some(i) = first {
            return err(i.pos, format!("\"{}\" imported and not used", i.path));
        }
        Ok(())
    }

    /// Checks a function body (of a declaration or a literal) in a new
    /// function context.
    fn function(
        &mut self,
        sig: &ast::Signature,
        body: &ast::Block,
        name: Rc<str>,
    ) -> PResult<Rc<FuncCode>> {
        let ft = Rc::new(self.signature(sig)?);
        let level = self.fns.len();
        self.fns.push(FnCtx {
            results: ft.results.clone(),
            named_results: sig.results.iter().any(|p| p.name.is_some()),
            ..FnCtx::default()
        });
        self.scopes.push((FastMap::default(), level));
        let mut copies = Vec::new();
        for (p, ty) in sig.params.iter().zip(&ft.params) {
            let slot = self.new_slot();
            if let Some((n, pos)) = &p.name {
                self.bind_local(n, *pos, slot, ty.clone(), true)?;
                // A parameter (a receiver too, however the method is
                // called) holding arrays gets its own copy of them.
                if crate::checker::composite::copy_shape(ty).is_some() && &**n != "_" {
                    let load = crate::ir::Expr::Load(Var::Local(slot));
                    copies.push(crate::ir::Stmt::Assign {
                        lhs: vec![crate::ir::Lhs::Set(Var::Local(slot))],
                        rhs: crate::ir::Rhs::List(vec![composite::fresh(load, ty)]),
                    });
                }
            }
        }
        let mut results = Vec::new();
        for (p, ty) in sig.results.iter().zip(&ft.results) {
            let slot = self.new_slot();
            if let Some((n, pos)) = &p.name {
                self.bind_local(n, *pos, slot, ty.clone(), true)?;
            }
            // A result holding arrays starts as its own copy of the zero
            // template: an assignment to it writes into that storage.
            if crate::checker::composite::copy_shape(ty).is_some() {
                let load = crate::ir::Expr::Load(Var::Local(slot));
                copies.push(crate::ir::Stmt::Assign {
                    lhs: vec![crate::ir::Lhs::Set(Var::Local(slot))],
                    rhs: crate::ir::Rhs::List(vec![composite::fresh(load, ty)]),
                });
            }
            results.push((slot, zero(ty)));
        }
        self.fns[level].result_slots = results.iter().map(|(s, _)| *s).collect();
        let mut stmts = self.block_stmts(&body.stmts)?;
        if !copies.is_empty() {
            copies.append(&mut stmts);
            stmts = copies;
        }
        self.check_labels()?;
        if !ft.results.is_empty() && !stmt::terminates_block(&body.stmts) {
            return err(body.end, "missing return");
        }
        self.scopes.pop();
        let ctx = self.fns.pop().unwrap_or_default();
        let open = ctx.chain_reason(0).is_none();
        for (site, pos) in ctx.defer_pos.iter().enumerate() {
            self.tiers.push(DeferTier {
                pos: *pos,
                func: name.clone(),
                site: site as u32,
                chain_reason: ctx.chain_reason(site),
            });
        }
        Ok(Rc::new(FuncCode {
            name,
            sig: ft.clone(),
            nparams: ft.params.len(),
            results,
            nslots: ctx.nslots as usize,
            captures: ctx.captures,
            body: stmts,
            open,
            end_line: crate::checker::stmt::control::own_line(body.end),
            wrapper: false,
        }))
    }

    fn new_slot(&mut self) -> u32 {
        let f = self.fns.last_mut();
        match f {
            Some(f) => {
                f.nslots += 1;
                f.nslots - 1
            }
            None => 0,
        }
    }

    /// Binds `name` in the innermost scope to a new local slot.
    fn bind_local(
        &mut self,
        name: &Rc<str>,
        pos: Pos,
        slot: u32,
        ty: Type,
        used: bool,
    ) -> PResult<()> {
        if &**name == "_" {
            return Ok(());
        }
        let level = self.fns.len().saturating_sub(1);
        let id = self.locals.len();
        self.locals.push(LocalInfo {
            name: name.clone(),
            pos,
            used,
        });
        let Some(scope) = self.scopes.last_mut() else {
            return err(pos, "internal error: no scope");
        };
        if scope.0.contains_key(name) {
            return err(pos, format!("{name} redeclared in this block"));
        }
        scope.0.insert(
            name.clone(),
            Binding::Local {
                level,
                slot,
                ty,
                id,
            },
        );
        Ok(())
    }

    fn lookup(&self, name: &str) -> Option<&Binding> {
        self.scopes.iter().rev().find_map(|(m, _)| m.get(name))
    }

    /// Whether `name` is declared in the innermost scope.
    fn in_current_scope(&self, name: &str) -> Option<&Binding> {
        self.scopes.last().and_then(|(m, _)| m.get(name))
    }

    /// The variable reference for a binding, from the current function,
    /// adding captures along the chain of enclosing literals.
    fn var_ref(&mut self, b: &Binding) -> Option<(Var, Type)> {
        match b {
            Binding::Global { idx, ty } => Some((Var::Global(*idx), ty.clone())),
            Binding::Func { .. }
            | Binding::Const { .. }
            | Binding::Type(_)
            | Binding::Generic(_) => None,
            Binding::Local {
                level, slot, ty, ..
            } => {
                let cur = self.fns.len().checked_sub(1)?;
                if *level == cur {
                    Some((Var::Local(*slot), ty.clone()))
                } else {
                    let i = self.capture(cur, (*level, *slot));
                    Some((Var::Capture(i), ty.clone()))
                }
            }
        }
    }

    fn capture(&mut self, at: usize, key: (usize, u32)) -> u32 {
        if let Some(&i) = self.fns[at].capmap.get(&key) {
            return i;
        }
        let src = if key.0 + 1 >= at {
            Var::Local(key.1)
        } else {
            Var::Capture(self.capture(at - 1, key))
        };
        let f = &mut self.fns[at];
        let i = f.captures.len() as u32;
        f.captures.push(src);
        f.capmap.insert(key, i);
        i
    }

    fn mark_used(&mut self, b: &Binding) {
        if let Binding::Local { id, .. } = b {
            if let Some(l) = self.locals.get_mut(*id) {
                l.used = true;
            }
        }
    }
}

/// The order of the package-level `var` specs' initialisation (indices into
/// `specs`, which are in source order), Go's: repeatedly the earliest spec whose
/// references — direct, or through the functions and methods it calls, at
/// any depth — name no variable still uninitialised (a cycle, which Go
/// rejects, falls back to source order). References are found by name (a
/// local that shadows a package-level name counts too).
fn init_order(file: &ast::File, specs: &[&ast::VarSpec]) -> Vec<usize> {
    let mut var_spec: FastMap<&str, usize> = FastMap::default();
    for (k, v) in specs.iter().enumerate() {
        for (n, _) in &v.names {
            var_spec.insert(n, k);
        }
    }
    // Functions by name; methods by method name (any receiver type).
    let mut funcs: FastMap<&str, Vec<&[ast::Ref]>> = FastMap::default();
    let mut methods: FastMap<&str, Vec<&[ast::Ref]>> = FastMap::default();
    for d in &file.decls {
        if let Decl::Func(f) = d {
            let table = if f.recv.is_some() {
                &mut methods
            } else {
                &mut funcs
            };
            table.entry(&f.name).or_default().push(&f.refs);
        }
    }
    let deps: Vec<Vec<usize>> = specs
        .iter()
        .map(|v| {
            let mut seen_fn: std::collections::HashSet<(&str, bool)> = Default::default();
            let mut out = Vec::new();
            let mut todo: Vec<&[ast::Ref]> = vec![&v.refs];
            while let Some(refs) = todo.pop() {
                for (n, selected) in refs {
                    if !*selected {
                        if let Some(&k) = var_spec.get(&**n) {
                            out.push(k);
                        }
                    }
                    let table = if *selected { &methods } else { &funcs };
                    if let Some(bodies) = table.get(&**n) {
                        if seen_fn.insert((n, *selected)) {
                            todo.extend(bodies.iter().copied());
                        }
                    }
                }
            }
            out
        })
        .collect();
    let mut done = vec![false; specs.len()];
    let mut order = Vec::new();
    while order.len() < specs.len() {
        let ready = (0..specs.len())
            .find(|&k| !done[k] && deps[k].iter().all(|&d| d == k || done[d]))
            .or_else(|| (0..specs.len()).find(|&k| !done[k]));
        let Some(k) = ready else { break };
        done[k] = true;
        order.push(k);
    }
    order
}
