//! `#[deferrt::func]`: the compiler step of Go's `defer` for Rust functions.
//!
//! Use it through the `deferrt` crate, which re-exports it and documents the
//! syntax (`deferrt::func`, `deferrt::defer!`). This crate only rewrites the
//! function: each `defer!` statement becomes a registration, and the body
//! runs inside a Go frame — an open frame (slots in the function's own stack
//! frame, no record) when the function has at most 8 `defer!` statements,
//! none in a loop or closure, and few returns (gc's rules), else the chain;
//! and no frame at all (the inline tier) when such a function provably
//! cannot reach the engine (see `inline_candidate` for the rule).

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::parse::{Parse, ParseStream, Parser};
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{
    Block, Expr, ExprMacro, Ident, ItemFn, Macro, MacroDelimiter, ReturnType, Stmt, StmtMacro,
    Token, Type,
};

/// Go's open-coded defer limit (`deferBits` is 8 bits).
const MAX_OPEN: usize = 8;
/// gc gives up open-coding when `returns * defers` exceeds this.
const MAX_RETURNS_TIMES_DEFERS: usize = 15;

/// Marks a function as a Go function: `defer!` statements in its body run
/// when it returns or panics. See the `deferrt` crate for the syntax.
#[proc_macro_attribute]
pub fn func(attr: TokenStream, item: TokenStream) -> TokenStream {
    match expand(attr.into(), item.into()) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tier {
    Auto,
    Open,
    Chain,
}

struct Args {
    result: Option<Ident>,
    tier: Tier,
    tier_span: Span,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Args {
            result: None,
            tier: Tier::Auto,
            tier_span: Span::call_site(),
        };
        while !input.is_empty() {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "result" => {
                    if args.result.is_some() {
                        return Err(syn::Error::new(key.span(), "`result` given twice"));
                    }
                    args.result = Some(input.parse()?);
                }
                "tier" => {
                    let v: Ident = input.parse()?;
                    args.tier_span = v.span();
                    args.tier = match v.to_string().as_str() {
                        "auto" => Tier::Auto,
                        "open" => Tier::Open,
                        "chain" => Tier::Chain,
                        _ => {
                            return Err(syn::Error::new(
                                v.span(),
                                "`tier` is `auto`, `open` or `chain`",
                            ))
                        }
                    };
                }
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        "unknown argument: #[deferrt::func] takes `result = name` and `tier = auto|open|chain`",
                    ))
                }
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(args)
    }
}

fn is_defer(mac: &Macro) -> bool {
    mac.path.segments.last().is_some_and(|s| s.ident == "defer")
}

/// What the analysis found out about one `defer!` site.
struct Site {
    span: Span,
    /// The macro's path as written (`defer`, `deferrt::defer`).
    path: syn::Path,
    /// Why this site cannot have an open-coded slot, if it cannot.
    not_open: Option<&'static str>,
}

/// First pass: the `defer!` sites of the body (not those nested in a
/// `defer!` body, which belong to the deferred call's own frame) and the
/// return points.
#[derive(Default)]
struct Survey {
    sites: Vec<Site>,
    returns: usize,
    loops: usize,
    closures: usize,
    /// A call of the function form `defer(closure)` / `deferrt::defer(...)`
    /// in the body: its closure may recover, so the function catches.
    function_form: bool,
}

impl<'ast> Visit<'ast> for Survey {
    fn visit_item(&mut self, _: &'ast syn::Item) {
        // Nested items are functions of their own.
    }
    fn visit_expr_closure(&mut self, e: &'ast syn::ExprClosure) {
        self.closures += 1;
        syn::visit::visit_expr_closure(self, e);
        self.closures -= 1;
    }
    fn visit_expr_async(&mut self, e: &'ast syn::ExprAsync) {
        self.closures += 1;
        syn::visit::visit_expr_async(self, e);
        self.closures -= 1;
    }
    fn visit_expr_loop(&mut self, e: &'ast syn::ExprLoop) {
        self.loops += 1;
        syn::visit::visit_expr_loop(self, e);
        self.loops -= 1;
    }
    fn visit_expr_while(&mut self, e: &'ast syn::ExprWhile) {
        self.loops += 1;
        syn::visit::visit_expr_while(self, e);
        self.loops -= 1;
    }
    fn visit_expr_for_loop(&mut self, e: &'ast syn::ExprForLoop) {
        // The iterated expression is evaluated once, outside the loop.
        self.visit_expr(&e.expr);
        self.loops += 1;
        self.visit_pat(&e.pat);
        self.visit_block(&e.body);
        self.loops -= 1;
    }
    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if let Expr::Path(p) = &*c.func {
            if p.path.segments.last().is_some_and(|s| s.ident == "defer") {
                self.function_form = true;
            }
        }
        syn::visit::visit_expr_call(self, c);
    }
    fn visit_expr_return(&mut self, e: &'ast syn::ExprReturn) {
        if self.closures == 0 {
            self.returns += 1;
        }
        syn::visit::visit_expr_return(self, e);
    }
    fn visit_expr_try(&mut self, e: &'ast syn::ExprTry) {
        if self.closures == 0 {
            self.returns += 1;
        }
        syn::visit::visit_expr_try(self, e);
    }
    fn visit_macro(&mut self, mac: &'ast Macro) {
        if is_defer(mac) {
            let not_open = if self.loops > 0 {
                Some("a defer! inside a loop")
            } else if self.closures > 0 {
                Some("a defer! inside a closure or async block")
            } else {
                None
            };
            self.sites.push(Site {
                span: mac.span(),
                path: mac.path.clone(),
                not_open,
            });
        }
    }
}

/// How a `defer!` is registered.
#[derive(Clone, Copy)]
enum Reg {
    /// `::deferrt::defer(closure)`.
    Chain,
    /// Slot `i` of the function's open frame.
    Open(usize),
}

/// A local variable of the expansion (the frame, the adoption flag), named
/// with the attribute's own span wherever it is used: the `defer!` sites
/// carry the user's spans, which in a `macro_rules!` that passes the body in
/// (`$body:block`) are of another hygiene context than the expansion's
/// bindings, and would not see them.
fn generated(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Second pass: rewrites every `defer!` into its registration.
struct Rewrite<'a> {
    /// The function's own sites (not those nested in a deferred call).
    top: bool,
    /// The function does not catch and is on the chain (`func_chain_landing`,
    /// whose body gets `__deferrt_adopted`): its own blocks outside closures
    /// are quiet (see `defer_block_quiet`).
    quiet: bool,
    /// Inside a closure or async block of the body.
    in_closure: usize,
    /// `None`: every site goes to the chain (chain tier, or inside a
    /// deferred call's body).
    open: bool,
    next_slot: usize,
    result: Option<&'a Ident>,
    errors: Vec<syn::Error>,
    /// A deferred call of this frame may call `recover` directly: a call
    /// form (its function may), or a block with a `recover()` of its own.
    may_recover: bool,
}

impl Rewrite<'_> {
    fn registration(&mut self, mac: &Macro) -> Expr {
        let reg = if self.open {
            let i = self.next_slot;
            self.next_slot += 1;
            Reg::Open(i)
        } else {
            Reg::Chain
        };
        match self.deferred_call(mac, reg) {
            Ok(e) => e,
            Err(e) => {
                self.errors.push(e);
                syn::parse_quote!(())
            }
        }
    }

    /// The closure a `defer!` registers, with what it evaluates at the
    /// statement, and its registration.
    fn deferred_call(&mut self, mac: &Macro, reg: Reg) -> syn::Result<Expr> {
        let span = mac.span();
        if mac.tokens.is_empty() {
            return Err(syn::Error::new(
                span,
                "defer! needs a call, `defer!(f(a, b))`, or a block, `defer! { ... }`",
            ));
        }
        // `adopt`: the deferred function is called directly (Go's
        // `defer f(a, b)`); else a block, whose own `recover()` calls are the
        // only direct ones (Go's `defer func() { ... }()`).
        let (prelude, body, adopt) = match &mac.delimiter {
            MacroDelimiter::Brace(_) => {
                let stmts = Block::parse_within.parse2(mac.tokens.clone())?;
                let mut block = Block {
                    brace_token: Default::default(),
                    stmts,
                };
                self.nested(&mut block);
                let mut direct = DirectRecover(0);
                direct.visit_block_mut(&mut block);
                self.may_recover |= direct.0 > 0;
                let clone = match self.result {
                    Some(r) if mentions(&block.to_token_stream(), r) => {
                        quote_spanned!(span=> let #r = ::core::clone::Clone::clone(&#r);)
                    }
                    _ => quote!(),
                };
                let stmts = &block.stmts;
                (clone, quote_spanned!(span=> { #(#stmts)* }), false)
            }
            _ => {
                let mut e: Expr = syn::parse2(mac.tokens.clone())?;
                self.nested_expr(&mut e);
                let (pre, body, adopt) = call_form(e)?;
                self.may_recover |= adopt;
                (pre, body, adopt)
            }
        };
        let closure = quote_spanned!(span=> move || {
            #[allow(clippy::let_unit_value, clippy::diverging_sub_expression, unreachable_code)]
            let _ = #body;
        });
        let reg = match (reg, adopt) {
            (Reg::Chain, true) => quote_spanned!(span=> ::deferrt::__private::defer_call(#closure)),
            // The function's own blocks are quiet when it does not catch;
            // blocks nested in a deferred call are the call's, and one in a
            // closure may run anywhere.
            (Reg::Chain, false) if self.top && self.quiet && self.in_closure == 0 => {
                let adopted = generated("__deferrt_adopted");
                quote_spanned!(span=>
                    ::deferrt::__private::defer_block_quiet(#adopted, #closure)
                )
            }
            (Reg::Chain, false) => {
                quote_spanned!(span=> ::deferrt::__private::defer_block(#closure))
            }
            (Reg::Open(i), adopt) => {
                let variant = format_ident!("S{}", i);
                let make = if adopt { quote!(call) } else { quote!(block) };
                let frame = generated("__deferrt_frame");
                quote_spanned!(span=>
                    #frame.defer::<#i>(::deferrt::__private::OpenSlot::#make(
                        __DeferrtSlot::#variant(#closure)
                    ))
                )
            }
        };
        if prelude.is_empty() {
            return Ok(syn::parse_quote_spanned!(span=> #reg));
        }
        Ok(syn::parse_quote_spanned!(span=> { #prelude #reg }))
    }

    /// `defer!` inside a deferred call's body belongs to that call's frame:
    /// always the chain.
    fn nested(&mut self, block: &mut Block) {
        let mut inner = Rewrite {
            top: false,
            quiet: false,
            in_closure: 0,
            open: false,
            next_slot: 0,
            result: self.result,
            errors: Vec::new(),
            may_recover: false,
        };
        inner.visit_block_mut(block);
        self.errors.append(&mut inner.errors);
    }

    fn nested_expr(&mut self, e: &mut Expr) {
        let mut inner = Rewrite {
            top: false,
            quiet: false,
            in_closure: 0,
            open: false,
            next_slot: 0,
            result: self.result,
            errors: Vec::new(),
            may_recover: false,
        };
        inner.visit_expr_mut(e);
        self.errors.append(&mut inner.errors);
    }
}

/// `defer!(f(a, b))`: `f` and the arguments are evaluated at the statement,
/// left to right (Go's rule); `defer!(x.m(a))` evaluates the receiver `x`
/// and `a`. Anything else runs as written when the deferred call runs.
fn call_form(e: Expr) -> syn::Result<(TokenStream2, TokenStream2, bool)> {
    if let Expr::Call(c) = &e {
        if c.args.is_empty() && is_recover_path(&c.func) {
            return Err(syn::Error::new(
                e.span(),
                "defer!(recover()) is not supported: Go's `defer recover()` recovers nothing in the \
                 panicking function itself; write `defer! { deferrt::recover(); }` to recover here",
            ));
        }
    }
    if let Expr::Closure(c) = &e {
        return Err(syn::Error::new(
            c.span(),
            "defer! of a closure would never call it (Go: \"expression in defer must be function \
             call\"): write `defer! { ... }`, or call it: `defer!((|| ...)())`",
        ));
    }
    match e {
        Expr::Call(c) => {
            let f = &c.func;
            let (pre_args, uses) = arguments(c.args.iter());
            let span = c.span();
            let pre = quote_spanned!(span=>
                let __deferrt_f = #f;
                #pre_args
            );
            Ok((pre, quote_spanned!(span=> __deferrt_f(#(#uses),*)), true))
        }
        Expr::MethodCall(m) => {
            let recv = &m.receiver;
            let method = &m.method;
            let turbofish = &m.turbofish;
            let (pre_args, uses) = arguments(m.args.iter());
            let span = m.span();
            let pre = quote_spanned!(span=>
                #[allow(unused_mut)]
                let mut __deferrt_r = #recv;
                #pre_args
            );
            Ok((
                pre,
                quote_spanned!(span=> __deferrt_r.#method #turbofish (#(#uses),*)),
                true,
            ))
        }
        // Anything else (a macro call, a block) runs as written, as a block.
        other => Ok((quote!(), other.into_token_stream(), false)),
    }
}

/// Evaluates the arguments of a deferred call at the statement, left to
/// right. An argument `&x` or `&mut x` evaluates `x` (moved, or copied, into
/// the deferred call, which must be `'static`) and passes a reference to
/// that value when the call runs.
fn arguments<'a>(args: impl Iterator<Item = &'a Expr>) -> (TokenStream2, Vec<TokenStream2>) {
    let mut pre = TokenStream2::new();
    let mut uses = Vec::new();
    for (i, a) in args.enumerate() {
        let name = format_ident!("__deferrt_a{}", i);
        let span = a.span();
        match a {
            Expr::Reference(r) => {
                let inner = &r.expr;
                let m = &r.mutability;
                pre.extend(quote_spanned!(span=> let #m #name = #inner;));
                uses.push(quote_spanned!(span=> &#m #name));
            }
            other => {
                pre.extend(quote_spanned!(span=> let #name = #other;));
                uses.push(quote_spanned!(span=> #name));
            }
        }
    }
    (pre, uses)
}

/// Marks the `recover()` calls written directly in a `defer!` block (not in
/// closures or items inside it) as direct: only those may recover, as in Go,
/// where a helper the deferred function calls gets nil. Inside other macro
/// invocations (`println!("{:?}", recover())`) the tokens are rewritten.
struct DirectRecover(usize);

const DIRECT: &str = "::deferrt::__private::direct";

impl VisitMut for DirectRecover {
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_expr_call_mut(&mut self, c: &mut syn::ExprCall) {
        if c.args.is_empty() && is_recover_path(&c.func) {
            let span = c.func.span();
            let direct: TokenStream2 = DIRECT.parse().expect("a path");
            let user = c.func.clone();
            *c.func = syn::parse_quote_spanned!(span=> #direct(#user));
            self.0 += 1;
            return;
        }
        syn::visit_mut::visit_expr_call_mut(self, c);
    }
    fn visit_macro_mut(&mut self, mac: &mut Macro) {
        if !is_defer(mac) {
            mac.tokens = direct_in_tokens(mac.tokens.clone(), &mut self.0);
        }
    }
}

/// `recover()`, `deferrt::recover()` or `::deferrt::recover()` in a token
/// stream (a macro's input) → the direct form. Closures inside macro input
/// are not told apart: a `recover()` there counts as direct.
fn direct_in_tokens(ts: TokenStream2, found: &mut usize) -> TokenStream2 {
    use proc_macro2::{Delimiter, Group, TokenTree};
    let tokens: Vec<TokenTree> = ts.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if let TokenTree::Ident(id) = t {
            let call = matches!(tokens.get(i + 1), Some(TokenTree::Group(g))
                if g.delimiter() == Delimiter::Parenthesis && g.stream().is_empty());
            if id == "recover" && call {
                // Wrap the path as written (`recover`, `deferrt::recover`,
                // `::deferrt::recover`): `direct(path)()`.
                let n = out.len();
                let mut start = n;
                let colons = |a: &TokenTree, b: &TokenTree| {
                    matches!((a, b), (TokenTree::Punct(p), TokenTree::Punct(q))
                        if p.as_char() == ':' && q.as_char() == ':')
                };
                if n >= 3
                    && matches!(&out[n - 3], TokenTree::Ident(d) if d == "deferrt")
                    && colons(&out[n - 2], &out[n - 1])
                {
                    start = n - 3;
                    if start >= 2 && colons(&out[start - 2], &out[start - 1]) {
                        start -= 2;
                    }
                }
                let mut path: TokenStream2 = out.drain(start..).collect();
                path.extend([t.clone()]);
                let direct: TokenStream2 = DIRECT.parse().expect("a path");
                out.extend(direct.into_iter().map(|mut t| {
                    t.set_span(id.span());
                    t
                }));
                let mut g = Group::new(Delimiter::Parenthesis, path);
                g.set_span(id.span());
                out.push(TokenTree::Group(g));
                *found += 1;
                i += 1; // the `()` group is copied next
                continue;
            }
        }
        match t {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), direct_in_tokens(g.stream(), found));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

fn is_recover_path(e: &Expr) -> bool {
    matches!(e, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "recover"))
}

fn mentions(tokens: &TokenStream2, name: &Ident) -> bool {
    tokens.clone().into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == *name,
        proc_macro2::TokenTree::Group(g) => mentions(&g.stream(), name),
        _ => false,
    })
}

impl VisitMut for Rewrite<'_> {
    fn visit_item_mut(&mut self, _: &mut syn::Item) {
        // Nested items are functions of their own; a `defer!` there needs
        // its own #[deferrt::func] (else the `defer!` fallback reports it).
    }
    fn visit_expr_closure_mut(&mut self, e: &mut syn::ExprClosure) {
        self.in_closure += 1;
        syn::visit_mut::visit_expr_closure_mut(self, e);
        self.in_closure -= 1;
    }
    fn visit_expr_async_mut(&mut self, e: &mut syn::ExprAsync) {
        self.in_closure += 1;
        syn::visit_mut::visit_expr_async_mut(self, e);
        self.in_closure -= 1;
    }
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Macro(ExprMacro { mac, .. }) = e {
            if is_defer(mac) {
                *e = self.registration(mac);
                return;
            }
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }
    fn visit_stmt_mut(&mut self, s: &mut Stmt) {
        if let Stmt::Macro(StmtMacro {
            mac, semi_token, ..
        }) = s
        {
            if is_defer(mac) {
                let e = self.registration(mac);
                *s = Stmt::Expr(e, Some(semi_token.unwrap_or_default()));
                return;
            }
        }
        syn::visit_mut::visit_stmt_mut(self, s);
    }
}

fn expand(attr: TokenStream2, item: TokenStream2) -> syn::Result<TokenStream2> {
    let args: Args = syn::parse2(attr)?;
    let mut f: ItemFn = syn::parse2(item)?;
    if let Some(a) = &f.sig.asyncness {
        return Err(syn::Error::new(
            a.span(),
            "#[deferrt::func] cannot be async: a goroutine of deferrt runs on one thread's stack",
        ));
    }
    if let Some(c) = &f.sig.constness {
        return Err(syn::Error::new(
            c.span(),
            "#[deferrt::func] cannot be const: deferred calls run at run time",
        ));
    }
    let ret_ty: Type = match &f.sig.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, t) => (**t).clone(),
    };
    let nameable = !contains_impl_trait(&ret_ty);
    if let (Some(r), false) = (&args.result, nameable) {
        return Err(syn::Error::new(
            r.span(),
            "`result = ...` needs a return type that can be named (not `impl Trait`)",
        ));
    }

    let mut survey = Survey::default();
    survey.visit_block(&f.block);
    let n = survey.sites.len();
    let open_blocker: Option<(Span, String)> = if n == 0 {
        Some((Span::call_site(), "the function has no defer!".into()))
    } else if n > MAX_OPEN {
        Some((
            survey.sites[MAX_OPEN].span,
            format!("{n} defer! statements (an open frame has at most {MAX_OPEN})"),
        ))
    } else if let Some(s) = survey.sites.iter().find(|s| s.not_open.is_some()) {
        Some((s.span, s.not_open.unwrap_or_default().to_string()))
    } else if (survey.returns + 1) * n > MAX_RETURNS_TIMES_DEFERS {
        Some((
            Span::call_site(),
            format!(
                "{} return points times {n} defer! statements exceed {MAX_RETURNS_TIMES_DEFERS}",
                survey.returns + 1
            ),
        ))
    } else {
        None
    };
    let open = match (args.tier, &open_blocker) {
        (Tier::Chain, _) => false,
        (Tier::Auto, b) => b.is_none(),
        (Tier::Open, None) => true,
        (Tier::Open, Some((span, why))) => {
            let mut e = syn::Error::new(
                *span,
                format!("tier = open is not possible: {why}; gc would not open-code this function either"),
            );
            e.combine(syn::Error::new(args.tier_span, "open tier requested here"));
            return Err(e);
        }
    };

    // The inline tier (tier = auto only): the parameters that the
    // compile-time probe must find `Scalar`, when the syntax allows it.
    let inline_params = if open && args.tier == Tier::Auto && args.result.is_none() {
        inline_candidate(&f)
    } else {
        None
    };

    // Whether a deferred call of the function may recover, from a first
    // rewrite of a copy (the real one needs the answer for its blocks).
    let mut probe = Rewrite {
        top: true,
        quiet: false,
        in_closure: 0,
        open,
        next_slot: 0,
        result: args.result.as_ref(),
        errors: Vec::new(),
        may_recover: false,
    };
    probe.visit_block_mut(&mut f.block.clone());
    // Only a function one of whose deferred calls may recover can stop a
    // panic; the others let the unwind pass and run their deferred calls
    // from a landing pad (one unwind per panic).
    let catches = probe.may_recover || survey.function_form;
    let mut rw = Rewrite {
        top: true,
        quiet: !open && !catches,
        in_closure: 0,
        open,
        next_slot: 0,
        result: args.result.as_ref(),
        errors: Vec::new(),
        may_recover: false,
    };
    rw.visit_block_mut(&mut f.block);
    if let Some(mut first) = rw.errors.pop() {
        for e in rw.errors {
            first.combine(e);
        }
        return Err(first);
    }

    let name = f.sig.ident.to_string();
    // `defer!` as the user wrote it, invoked once with a marker that expands
    // to nothing: the `use deferrt::defer` that brought it is used.
    let used = survey.sites.first().map(|s| {
        let p = &s.path;
        quote_spanned!(s.span=> #p!(@__deferrt_used);)
    });
    let stmts = &f.block.stmts;
    let body_ret = if nameable {
        quote!(-> #ret_ty)
    } else {
        quote!()
    };
    let fallback = if nameable {
        quote! {{
            #[allow(unused_imports)]
            use ::deferrt::__private::{NoDefault as _, ViaDefault as _};
            (&::deferrt::__private::Fallback::<#ret_ty>::new()).value(#name)
        }}
    } else {
        quote!(::deferrt::__private::no_result(#name))
    };
    // The body, run in the Go frame; `return` and `?` leave this closure.
    let body = quote!((|| #body_ret { #(#stmts)* })());
    let frame_body = match &args.result {
        Some(r) => quote! {{
            let __deferrt_v: #ret_ty = #body;
            #r.set(__deferrt_v);
        }},
        None => body,
    };
    let open_fn = if catches {
        quote!(func_open)
    } else {
        quote!(func_open_landing)
    };
    let run = if open {
        let variants: Vec<Ident> = (0..n).map(|i| format_ident!("S{}", i)).collect();
        let params: Vec<Ident> = (0..n).map(|i| format_ident!("F{}", i)).collect();
        let holes = (0..n).map(|_| quote!(_));
        let slots = quote! {
            #[allow(non_camel_case_types)]
            enum __DeferrtSlot<#(#params),*> { #( #variants(#params) ),* }
            impl<#(#params: ::core::ops::FnOnce()),*> ::deferrt::__private::RunSlot
                for __DeferrtSlot<#(#params),*>
            {
                const CATCHES: bool = #catches;
                #[inline(always)]
                fn run(self) {
                    match self { #( Self::#variants(f) => f() ),* }
                }
            }
        };
        let holes: Vec<_> = holes.collect();
        let open_run = quote! {
            ::deferrt::__private::#open_fn::<__DeferrtSlot<#(#holes),*>, #n, _>(
                |__deferrt_frame| #frame_body,
            )
        };
        match inline_params {
            Some(ps) if !catches => {
                // Every parameter probed `Scalar` (a constant after
                // inlining): the inline tier; else the open tier.
                let probe = ps
                    .iter()
                    .map(|p| quote!((&::deferrt::__private::Probe(&#p)).leaf()));
                quote! {
                    #slots
                    #[allow(unused_imports)]
                    use ::deferrt::__private::{IsScalar as _, NotScalar as _};
                    if true #(&& #probe)* {
                        ::deferrt::__private::func_inline::<__DeferrtSlot<#(#holes),*>, #n, _>(
                            |__deferrt_frame| #frame_body,
                        )
                    } else {
                        #open_run
                    }
                }
            }
            _ => quote! { #slots #open_run },
        }
    } else if catches {
        quote!(::deferrt::func(|| #frame_body))
    } else {
        quote!(::deferrt::__private::func_chain_landing(
            #[allow(unused_variables)]
            |__deferrt_adopted: bool| #frame_body
        ))
    };
    let new_body = match &args.result {
        Some(r) => quote! {{
            #used
            let #r: ::deferrt::Ret<#ret_ty> = ::deferrt::Ret::new();
            let _ = { #run };
            match #r.take() {
                ::core::option::Option::Some(v) => v,
                ::core::option::Option::None => #fallback,
            }
        }},
        None => quote! {{
            #used
            match { #run } {
                ::core::option::Option::Some(v) => v,
                ::core::option::Option::None => #fallback,
            }
        }},
    };
    f.block = Box::new(syn::parse2(new_body)?);
    Ok(f.into_token_stream())
}

/// The inline tier's syntactic rule. A function qualifies when it takes no
/// `self`, its parameters are plain names (`x: T`, `mut x: T`), and its body
/// and its `defer! { ... }` blocks (block form only, none nested) are built
/// only of: literals, the parameters' names, operators (unary, binary,
/// assignment and compound assignment), `as` casts, references, parentheses,
/// blocks, `unsafe` blocks, `if`/`else` (not `if let`), tuples, arrays,
/// indexing, field access and `return`. No call of any kind (function,
/// method, macro), no closure, no `let`, no path but a parameter's name.
///
/// With every parameter of a `Scalar` type (checked at compile time by the
/// probe the expansion makes), every value such a function handles is a
/// primitive or a reference or raw pointer to one: its operators, derefs and
/// drops are the language's, so no user code runs — nothing in it can reach
/// the engine, start a Go panic or `recover`, and nothing can observe that
/// it has no frame of its own. Returns the parameters' names.
fn inline_candidate(f: &ItemFn) -> Option<Vec<Ident>> {
    let mut params = Vec::new();
    for input in &f.sig.inputs {
        match input {
            syn::FnArg::Receiver(_) => return None,
            syn::FnArg::Typed(t) => match &*t.pat {
                syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
                    params.push(p.ident.clone())
                }
                _ => return None,
            },
        }
    }
    if f.sig.variadic.is_some() {
        return None;
    }
    let leaf = Leaf { params: &params };
    leaf.stmts(&f.block.stmts, false).then_some(params)
}

struct Leaf<'a> {
    params: &'a [Ident],
}

impl Leaf<'_> {
    fn stmts(&self, stmts: &[Stmt], in_defer: bool) -> bool {
        stmts.iter().all(|s| match s {
            Stmt::Expr(e, _) => self.expr(e, in_defer),
            Stmt::Macro(m) => self.defer_block(&m.mac, in_defer),
            Stmt::Local(_) | Stmt::Item(_) => false,
        })
    }

    /// A `defer! { ... }` of the function's own body (not one nested in a
    /// deferred block, which would register on the chain).
    fn defer_block(&self, mac: &Macro, in_defer: bool) -> bool {
        if in_defer || !is_defer(mac) || !matches!(mac.delimiter, MacroDelimiter::Brace(_)) {
            return false;
        }
        match Block::parse_within.parse2(mac.tokens.clone()) {
            Ok(stmts) => self.stmts(&stmts, true),
            Err(_) => false,
        }
    }

    fn block(&self, b: &Block, in_defer: bool) -> bool {
        self.stmts(&b.stmts, in_defer)
    }

    fn expr(&self, e: &Expr, d: bool) -> bool {
        match e {
            Expr::Lit(_) => true,
            Expr::Path(p) => {
                p.qself.is_none()
                    && p.attrs.is_empty()
                    && p.path.leading_colon.is_none()
                    && p.path.segments.len() == 1
                    && p.path.segments[0].arguments.is_none()
                    && self.params.contains(&p.path.segments[0].ident)
            }
            Expr::Unary(u) => self.expr(&u.expr, d),
            Expr::Binary(b) => self.expr(&b.left, d) && self.expr(&b.right, d),
            Expr::Assign(a) => self.expr(&a.left, d) && self.expr(&a.right, d),
            Expr::Paren(p) => self.expr(&p.expr, d),
            Expr::Group(g) => self.expr(&g.expr, d),
            Expr::Cast(c) => self.expr(&c.expr, d),
            Expr::Reference(r) => self.expr(&r.expr, d),
            Expr::Block(b) => b.label.is_none() && self.block(&b.block, d),
            Expr::Unsafe(u) => self.block(&u.block, d),
            Expr::If(i) => {
                self.expr(&i.cond, d)
                    && self.block(&i.then_branch, d)
                    && i.else_branch.as_ref().is_none_or(|(_, e)| self.expr(e, d))
            }
            Expr::Tuple(t) => t.elems.iter().all(|e| self.expr(e, d)),
            Expr::Array(a) => a.elems.iter().all(|e| self.expr(e, d)),
            Expr::Index(i) => self.expr(&i.expr, d) && self.expr(&i.index, d),
            Expr::Field(f) => self.expr(&f.base, d),
            Expr::Return(r) => r.expr.as_ref().is_none_or(|e| self.expr(e, d)),
            Expr::Macro(m) => self.defer_block(&m.mac, d),
            _ => false,
        }
    }
}

fn contains_impl_trait(t: &Type) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {
            self.0 = true;
        }
    }
    let mut v = Finder(false);
    v.visit_type(t);
    v.0
}

#[cfg(test)]
mod tests {
    //! The macro's errors: their message, and the user's code they point at.

    use super::*;

    fn error(attr: &str, item: &str) -> (String, String) {
        let e = expand(attr.parse().unwrap(), item.parse().unwrap()).unwrap_err();
        let text = e.span().source_text().unwrap_or_default();
        (e.to_string(), text)
    }

    #[test]
    fn a_loop_defer_with_tier_open_points_at_the_defer() {
        let (msg, at) = error(
            "tier = open",
            "fn f() { defer!(a()); for i in 0..3 { defer!(g(i)); } }",
        );
        assert!(msg.contains("a defer! inside a loop"), "{msg}");
        assert_eq!(at, "defer!(g(i))");
    }

    #[test]
    fn nine_defers_with_tier_open_point_at_the_ninth() {
        let body: String = (0..9).map(|i| format!("defer!(f({i}));")).collect();
        let (msg, at) = error("tier = open", &format!("fn f() {{ {body} }}"));
        assert!(msg.contains("9 defer! statements"), "{msg}");
        assert_eq!(at, "defer!(f(8))");
    }

    #[test]
    fn a_closure_defer_with_tier_open_points_at_the_defer() {
        let (msg, at) = error("tier = open", "fn f() { let c = || defer!(x()); c(); }");
        assert!(msg.contains("closure"), "{msg}");
        assert_eq!(at, "defer!(x())");
    }

    #[test]
    fn defer_recover_points_at_the_call() {
        let (msg, at) = error("", "fn f() { defer!(deferrt::recover()); }");
        assert!(msg.contains("defer!(recover()) is not supported"), "{msg}");
        assert_eq!(at, "deferrt::recover()");
    }

    #[test]
    fn an_empty_defer_points_at_it() {
        let (msg, at) = error("", "fn f() { if c { defer!(); } }");
        assert!(msg.contains("defer! needs a call"), "{msg}");
        assert_eq!(at, "defer!()");
    }

    #[test]
    fn a_defer_that_is_not_an_expression_points_into_it() {
        let (msg, at) = error("", "fn f() { defer!(a(1) b); }");
        assert!(msg.contains("unexpected token"), "{msg}");
        assert_eq!(at, "b");
    }

    #[test]
    fn a_deferred_closure_that_is_never_called_is_refused() {
        let (msg, at) = error("", "fn f() { defer!(|| x()); }");
        assert!(msg.contains("never call it"), "{msg}");
        assert_eq!(at, "|| x()");
    }

    #[test]
    fn async_and_const_point_at_the_keyword() {
        let (msg, at) = error("", "async fn f() {}");
        assert!(msg.contains("cannot be async"), "{msg}");
        assert_eq!(at, "async");
        let (msg, at) = error("", "const fn f() {}");
        assert!(msg.contains("cannot be const"), "{msg}");
        assert_eq!(at, "const");
    }

    #[test]
    fn unknown_arguments_point_at_the_key() {
        let (msg, at) = error("results = r", "fn f() -> i32 { 1 }");
        assert!(msg.contains("unknown argument"), "{msg}");
        assert_eq!(at, "results");
        let (msg, at) = error("tier = fast", "fn f() {}");
        assert!(msg.contains("`auto`, `open` or `chain`"), "{msg}");
        assert_eq!(at, "fast");
    }

    #[test]
    fn a_named_impl_trait_result_points_at_the_name() {
        let (msg, at) = error("result = r", "fn f() -> impl Sized { 1 }");
        assert!(msg.contains("can be named"), "{msg}");
        assert_eq!(at, "r");
    }

    #[test]
    fn a_function_catches_only_if_a_deferred_call_may_recover() {
        let expand_str = |item: &str| {
            expand(TokenStream2::new(), item.parse().unwrap())
                .unwrap()
                .to_string()
        };
        // Blocks without recover(): a landing pad.
        let f = expand_str("fn f() { defer! { a(); } }");
        assert!(f.contains("func_open_landing"), "{f}");
        let f = expand_str("fn f() { for i in 0..2 { defer! { a(i); } } }");
        assert!(f.contains("func_chain_landing"), "{f}");
        // recover() in a block, a call form, or the function form: catches.
        let f = expand_str("fn f() { defer! { recover(); } }");
        assert!(f.contains("func_open ::") && !f.contains("landing"), "{f}");
        let f = expand_str("fn f() { defer! { println!(\"{:?}\", deferrt::recover()); } }");
        assert!(!f.contains("landing"), "{f}");
        let f = expand_str("fn f() { defer!(g()); }");
        assert!(!f.contains("landing"), "{f}");
        let f = expand_str("fn f() { deferrt::defer(|| { deferrt::recover(); }); }");
        assert!(
            f.contains(":: deferrt :: func (") && !f.contains("landing"),
            "{f}"
        );
        // A recover() only in a nested defer! is the nested call's own.
        let f = expand_str("fn f() { defer! { defer! { recover(); } } }");
        assert!(f.contains("func_open_landing"), "{f}");
    }

    #[test]
    fn the_inline_tier_only_for_call_free_bodies_over_parameters() {
        let tier = |attr: &str, item: &str| {
            let f = expand(attr.parse().unwrap(), item.parse().unwrap())
                .unwrap()
                .to_string();
            if f.contains("func_inline") {
                assert!(
                    f.contains("func_open_landing"),
                    "the probe's other branch: {f}"
                );
                "inline"
            } else if f.contains("func_open") {
                "open"
            } else {
                "chain"
            }
        };
        let leaf = "fn f(p: *mut u64, v: u64) -> u64 { defer! { unsafe { *p += v; } } if v > 1 { defer! { unsafe { *p = *p * 2; } } } v + 1 }";
        assert_eq!(tier("", leaf), "inline");
        // The probe is one per parameter.
        let f = expand(TokenStream2::new(), leaf.parse().unwrap())
            .unwrap()
            .to_string();
        assert_eq!(f.matches("Probe").count(), 2, "{f}");
        // Forced tiers and named results keep their frame.
        assert_eq!(tier("tier = open", leaf), "open");
        assert_eq!(tier("tier = chain", leaf), "chain");
        assert_eq!(tier("result = r", leaf), "open");
        for not_leaf in [
            // a call, a method call, a macro in a deferred block or the body
            "fn f(p: *mut u64) { defer! { unsafe { *p = g(); } } }",
            "fn f(p: *mut u64) { defer! { unsafe { (*p).set(1); } } }",
            "fn f(p: *mut u64) { defer! { println!(\"x\"); } }",
            "fn f(p: *mut u64) { defer! { unsafe { *p += 1; } } g(); }",
            // the call form, a nested defer!, recover
            "fn f(p: *mut u64) { defer!(g(p)); }",
            "fn f(p: *mut u64) { defer! { defer! { unsafe { *p += 1; } } } }",
            "fn f(p: *mut u64) { defer! { recover(); } }",
            // a let, a path that is not a parameter, a closure, `?`
            "fn f(p: *mut u64) { defer! { unsafe { *p += 1; } } let x = 1; }",
            "fn f(p: *mut u64) { defer! { unsafe { *p += LIMIT; } } }",
            "fn f(p: *mut u64) { defer! { unsafe { *p += 1; } } (|| 1); }",
            "fn f(p: *mut u64) -> Option<u64> { defer! { unsafe { *p += 1; } } None? }",
            // self, a pattern parameter, a loop
            "fn f(&self, p: *mut u64) { defer! { unsafe { *p += 1; } } }",
            "fn f((p, q): (*mut u64, u8)) { defer! { unsafe { *p += 1; } } }",
            "fn f(p: *mut u64) { defer! { unsafe { *p += 1; } } loop {} }",
        ] {
            assert_ne!(tier("", not_leaf), "inline", "{not_leaf}");
        }
    }

    #[test]
    fn the_open_tier_uses_one_slot_per_site_and_the_chain_none() {
        let open = expand(
            "".parse().unwrap(),
            "fn f() { defer!(a()); defer! { b(); } }".parse().unwrap(),
        )
        .unwrap()
        .to_string();
        assert!(open.contains("func_open"), "{open}");
        assert!(
            open.contains("defer :: < 0usize >") && open.contains("defer :: < 1usize >"),
            "{open}"
        );
        let chain = expand(
            "tier = chain".parse().unwrap(),
            "fn f() { defer!(a()); defer! { b(); } }".parse().unwrap(),
        )
        .unwrap()
        .to_string();
        assert!(!chain.contains("func_open"), "{chain}");
        assert!(
            chain.contains("defer_call") && chain.contains("defer_block"),
            "{chain}"
        );
    }
}
