//! Relations between types: selectors through embedding, method sets,
//! interface satisfaction, assignability, comparability, and Go's
//! spelling of a type.

use std::collections::HashSet;

use super::table::{Found, LookupError, Selection, Ty, TyKind, TypeTable, Untyped};
use crate::ast::ChanDir;

/// One entry of the breadth-first walk through embedded fields.
struct Step {
    ty: Ty,
    path: Vec<u32>,
    indirect: bool,
}

impl TypeTable {
    /// `*T` of a declared `T` gives `(T, true)`; any other type `(t, false)`.
    fn deref_named(&self, t: Ty) -> (Ty, bool) {
        match self.kind(t) {
            TyKind::Pointer(b) if matches!(self.kind(*b), TyKind::Named(_)) => (*b, true),
            _ => (t, false),
        }
    }

    /// Looks `name` up in `t` as Go's selector `x.name` does: declared
    /// methods and fields at the shallowest depth of embedding; a name
    /// found twice at that depth is ambiguous.
    pub fn lookup(&self, t: Ty, name: &str) -> Result<Selection, LookupError> {
        let (t, ptr) = self.deref_named(t);
        let mut current = vec![Step {
            ty: t,
            path: Vec::new(),
            indirect: ptr,
        }];
        let mut seen = HashSet::new();
        while !current.is_empty() {
            let mut found = Vec::new();
            let mut next = Vec::new();
            for step in current {
                self.lookup_step(step, name, &mut seen, &mut found, &mut next);
            }
            match found.len() {
                0 => current = next,
                1 => return Ok(found.remove(0)),
                _ => return Err(LookupError::Ambiguous),
            }
        }
        Err(LookupError::Missing)
    }

    fn lookup_step(
        &self,
        step: Step,
        name: &str,
        seen: &mut HashSet<Ty>,
        found: &mut Vec<Selection>,
        next: &mut Vec<Step>,
    ) {
        let mut ty = step.ty;
        if let Some(n) = self.named_info(ty) {
            if !seen.insert(ty) {
                return;
            }
            if let Some(i) = n.methods.iter().position(|m| &*m.name == name) {
                found.push(Selection {
                    found: Found::Method(ty, i),
                    path: step.path,
                    indirect: step.indirect,
                });
                return;
            }
            ty = self.underlying(ty);
        }
        match self.kind(ty) {
            TyKind::Struct(fields) => {
                for (i, f) in fields.iter().enumerate() {
                    let mut path = step.path.clone();
                    path.push(i as u32);
                    if &*f.name == name {
                        found.push(Selection {
                            found: Found::Field(f.ty),
                            path,
                            indirect: step.indirect,
                        });
                    } else if f.embedded {
                        let (ft, p) = self.deref_named(f.ty);
                        next.push(Step {
                            ty: ft,
                            path,
                            indirect: step.indirect || p,
                        });
                    }
                }
            }
            TyKind::Interface(ms) => {
                if let Some(i) = ms.iter().position(|m| &*m.name == name) {
                    found.push(Selection {
                        found: Found::IfaceMethod(ty, i),
                        path: step.path,
                        indirect: step.indirect,
                    });
                }
            }
            _ => {}
        }
    }

    /// The signature (a `Func` type) of a found method.
    pub fn method_sig(&self, f: &Found) -> Option<Ty> {
        match f {
            Found::Method(n, i) => self.named_info(*n)?.methods.get(*i).map(|m| m.sig),
            Found::IfaceMethod(it, i) => match self.kind(*it) {
                TyKind::Interface(ms) => ms.get(*i).map(|m| m.sig),
                _ => None,
            },
            Found::Field(_) => None,
        }
    }

    /// Whether method `name` is in the method set of `t` (Go's rule: a
    /// pointer-receiver method is in the set of `T` only when reached
    /// through an embedded pointer); its signature if so, and otherwise
    /// why not.
    pub fn method_in_set(&self, t: Ty, name: &str) -> Result<Ty, MissingWhy> {
        let sel = match self.lookup(t, name) {
            Ok(s) => s,
            Err(_) => return Err(MissingWhy::Missing),
        };
        let ptr_recv = match &sel.found {
            Found::Method(n, i) => self
                .named_info(*n)
                .and_then(|ni| ni.methods.get(*i))
                .is_some_and(|m| m.ptr_recv),
            Found::IfaceMethod(..) => false,
            Found::Field(_) => return Err(MissingWhy::Missing),
        };
        if ptr_recv && !sel.indirect {
            return Err(MissingWhy::PointerReceiver);
        }
        self.method_sig(&sel.found).ok_or(MissingWhy::Missing)
    }

    /// Whether `v` implements the interface `iface`; otherwise Go's reason
    /// (`missing method M`, `method M has pointer receiver`, `wrong type
    /// for method M`).
    pub fn implements(&self, v: Ty, iface: Ty) -> Result<(), String> {
        let TyKind::Interface(want) = self.kind(self.underlying(iface)) else {
            return Err("not an interface".into());
        };
        for m in want {
            match self.method_in_set(v, &m.name) {
                Ok(sig) if sig == m.sig => {}
                Ok(_) => return Err(format!("wrong type for method {}", m.name)),
                Err(MissingWhy::PointerReceiver) => {
                    return Err(format!("method {} has pointer receiver", m.name))
                }
                Err(MissingWhy::Missing) => return Err(format!("missing method {}", m.name)),
            }
        }
        Ok(())
    }

    /// Go's assignability of a value of type `v` to type `t` (for untyped
    /// constants only by kind; whether the value fits is
    /// [`super::constant`]'s question).
    pub fn assignable(&self, v: Ty, t: Ty) -> bool {
        if v == t {
            return true;
        }
        let (vu, tu) = (self.underlying(v), self.underlying(t));
        if let TyKind::Untyped(u) = self.kind(v) {
            return self.untyped_assignable(*u, t);
        }
        if vu == tu && (!self.is_named(v) || !self.is_named(t)) {
            return true;
        }
        if let (TyKind::Chan(ChanDir::Both, ve), TyKind::Chan(_, te)) =
            (self.kind(vu), self.kind(tu))
        {
            if ve == te && (!self.is_named(v) || !self.is_named(t)) {
                return true;
            }
        }
        self.is_interface(t) && self.implements(v, t).is_ok()
    }

    fn untyped_assignable(&self, u: Untyped, t: Ty) -> bool {
        let tu = self.underlying(t);
        match (u, self.kind(tu)) {
            (Untyped::Nil, k) => matches!(
                k,
                TyKind::Pointer(_)
                    | TyKind::Func(_)
                    | TyKind::Slice(_)
                    | TyKind::Map(..)
                    | TyKind::Chan(..)
                    | TyKind::Interface(_)
            ),
            (_, TyKind::Interface(ms)) => ms.is_empty(),
            (Untyped::Bool, k) => *k == TyKind::Bool,
            (Untyped::String, k) => *k == TyKind::String,
            (Untyped::Int | Untyped::Rune | Untyped::Float, k) => {
                matches!(k, TyKind::Int(_) | TyKind::Float(_))
            }
        }
    }

    /// Whether `==` is defined on values of `t` (Go's comparable types;
    /// interfaces are, and panic at run time on incomparable dynamic values).
    pub fn comparable(&self, t: Ty) -> bool {
        match self.kind(self.underlying(t)) {
            TyKind::Slice(_) | TyKind::Map(..) | TyKind::Func(_) | TyKind::Tuple(_) => false,
            TyKind::Array(_, e) => self.comparable(*e),
            TyKind::Struct(fs) => fs.iter().all(|f| self.comparable(f.ty)),
            TyKind::Untyped(Untyped::Nil) => false,
            _ => true,
        }
    }

    /// The default type of an untyped constant kind (`int`, `rune`=`int32`,
    /// `float64`, `bool`, `string`); other types are their own.
    pub fn default_type(&self, t: Ty) -> Ty {
        match self.kind(t) {
            TyKind::Untyped(Untyped::Bool) => self.bool(),
            TyKind::Untyped(Untyped::Int) => self.int(super::table::IntKind::Int),
            TyKind::Untyped(Untyped::Rune) => self.int(super::table::IntKind::I32),
            TyKind::Untyped(Untyped::Float) => self.float(64),
            TyKind::Untyped(Untyped::String) => self.string(),
            _ => t,
        }
    }

    /// Go's spelling of a type in compile errors (`[]int`, `map[string]T`,
    /// `func(int) error`), declared types by their bare name.
    pub fn display(&self, t: Ty) -> String {
        self.spell(t, false)
    }

    /// The spelling of `%T` and run-time messages: declared types of
    /// `main` as `main.T`.
    pub fn display_qualified(&self, t: Ty) -> String {
        self.spell(t, true)
    }

    fn spell(&self, t: Ty, q: bool) -> String {
        let list = |ts: &[Ty]| {
            ts.iter()
                .map(|x| self.spell(*x, q))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self.kind(t) {
            TyKind::Bool => "bool".into(),
            TyKind::String => "string".into(),
            TyKind::Int(k) => k.name().into(),
            TyKind::Float(b) => format!("float{b}"),
            TyKind::Untyped(Untyped::Nil) => "untyped nil".into(),
            TyKind::Untyped(u) => format!("untyped {}", format!("{u:?}").to_lowercase()),
            TyKind::Pointer(e) => format!("*{}", self.spell(*e, q)),
            TyKind::Slice(e) => format!("[]{}", self.spell(*e, q)),
            TyKind::Array(n, e) => format!("[{n}]{}", self.spell(*e, q)),
            TyKind::Map(k, v) => format!("map[{}]{}", self.spell(*k, q), self.spell(*v, q)),
            TyKind::Chan(d, e) => {
                let pre = match d {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                };
                format!("{pre}{}", self.spell(*e, q))
            }
            TyKind::Func(s) => format!("func{}", self.spell_sig(s, q)),
            TyKind::Struct(fs) => self.spell_struct(fs, q),
            TyKind::Interface(ms) => self.spell_iface(ms, q),
            TyKind::Named(_) => match self.named_info(t) {
                Some(n) => match (&n.pkg, q) {
                    (Some(p), _) => format!("{p}.{}", n.name),
                    (None, true) if &*n.name != "error" => format!("main.{}", n.name),
                    _ => n.name.to_string(),
                },
                None => "?".into(),
            },
            TyKind::Tuple(ts) => format!("({})", list(ts)),
        }
    }

    fn spell_struct(&self, fs: &[super::table::FieldTy], q: bool) -> String {
        if fs.is_empty() {
            return "struct {}".into();
        }
        let parts: Vec<String> = fs
            .iter()
            .map(|f| {
                let ty = self.spell(f.ty, q);
                let mut s = if f.embedded {
                    ty
                } else {
                    format!("{} {ty}", f.name)
                };
                if let Some(tag) = &f.tag {
                    s.push_str(&format!(" {tag:?}"));
                }
                s
            })
            .collect();
        format!("struct {{ {} }}", parts.join("; "))
    }

    fn spell_iface(&self, ms: &[super::table::IfaceMethod], q: bool) -> String {
        if ms.is_empty() {
            return "interface {}".into();
        }
        let parts: Vec<String> = ms
            .iter()
            .map(|m| match self.kind(m.sig) {
                TyKind::Func(s) => format!("{}{}", m.name, self.spell_sig(s, q)),
                _ => m.name.to_string(),
            })
            .collect();
        format!("interface {{ {} }}", parts.join("; "))
    }

    fn spell_sig(&self, s: &super::table::Sig, q: bool) -> String {
        let mut ps: Vec<String> = s.params.iter().map(|p| self.spell(*p, q)).collect();
        if s.variadic {
            if let Some(last) = ps.last_mut() {
                *last = format!("...{}", last.trim_start_matches("[]"));
            }
        }
        let rs: Vec<String> = s.results.iter().map(|r| self.spell(*r, q)).collect();
        let res = match rs.len() {
            0 => String::new(),
            1 => format!(" {}", rs[0]),
            _ => format!(" ({})", rs.join(", ")),
        };
        format!("({}){res}", ps.join(", "))
    }
}

/// Why a method is not in a method set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingWhy {
    /// There is no such method.
    Missing,
    /// It has a pointer receiver and the value is not a pointer.
    PointerReceiver,
}
