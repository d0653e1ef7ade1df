//! Constraints: the type set of a constraint as written (methods, type
//! terms, `comparable`), and whether a type argument satisfies it, with
//! Go's messages.

use super::Checker;
use crate::ast::{IfaceElem, TypeExpr};
use crate::lexer::{PResult, Pos};
use crate::types::table::IntKind;
use crate::types::Type;

/// The type set of a constraint.
#[derive(Debug, Clone, Default)]
pub(crate) struct TypeSet {
    /// The methods required (an interface type), if any.
    methods: Option<Type>,
    /// The union of terms (`~int | string`), if the set is restricted;
    /// `None` is every type.
    terms: Option<Vec<(bool, Type)>>,
    /// `comparable` is embedded.
    comparable: bool,
}

/// `cmp.Ordered`: every integer and float type, and string, by `~`.
fn ordered_terms() -> Vec<(bool, Type)> {
    let mut v = vec![(true, Type::Int), (true, Type::Str)];
    for &k in IntKind::ALL.iter().filter(|k| **k != IntKind::Int) {
        v.push((true, Type::IntK(k)));
    }
    v.push((true, Type::Float(32)));
    v.push((true, Type::Float(64)));
    v
}

fn term_text(terms: &[(bool, Type)]) -> String {
    let t: Vec<String> = terms
        .iter()
        .map(|(tilde, t)| format!("{}{t}", if *tilde { "~" } else { "" }))
        .collect();
    t.join(" | ")
}

impl TypeSet {
    /// The intersection with `o` (an embedded constraint).
    fn and(mut self, o: TypeSet) -> TypeSet {
        self.comparable |= o.comparable;
        self.terms = match (self.terms.take(), o.terms) {
            (None, t) | (t, None) => t,
            (Some(a), Some(b)) => Some(
                a.into_iter()
                    .filter(|(ta, x)| {
                        b.iter().any(|(tb, y)| {
                            (x == y && (*tb || !*ta)) || (*tb && !*ta && x.underlying() == *y)
                        })
                    })
                    .collect(),
            ),
        };
        self.methods = match (self.methods.take(), o.methods) {
            (Some(a), Some(b)) => Some(merge_methods(a, b)),
            (a, b) => a.or(b),
        };
        self
    }
}

impl Checker {
    /// The type set of constraint `te` (in the generic declaration's scope).
    pub(crate) fn type_set(&mut self, te: &TypeExpr) -> PResult<TypeSet> {
        match te {
            TypeExpr::Name(n, _) if &**n == "comparable" && self.lookup(n).is_none() => {
                Ok(TypeSet {
                    comparable: true,
                    ..TypeSet::default()
                })
            }
            TypeExpr::Qualified(p, n, _)
                if &**p == "cmp" && &**n == "Ordered" && self.lookup(p).is_none() =>
            {
                self.mark_import("cmp");
                Ok(TypeSet {
                    terms: Some(ordered_terms()),
                    ..TypeSet::default()
                })
            }
            TypeExpr::Interface(elems, _) => self.iface_type_set(elems),
            _ => {
                let t = self.constraint_type(te)?;
                if let Type::Named(n) = &t {
                    if let Some(s) = self.generics.constraints.get(&n.id) {
                        return Ok(s.clone());
                    }
                }
                if t.is_interface() {
                    let has = !matches!(t.underlying(), Type::Any);
                    return Ok(TypeSet {
                        methods: has.then_some(t),
                        ..TypeSet::default()
                    });
                }
                Ok(TypeSet {
                    terms: Some(vec![(false, t)]),
                    ..TypeSet::default()
                })
            }
        }
    }

    /// The type set of `interface{ ... }` written as a constraint.
    fn iface_type_set(&mut self, elems: &[IfaceElem]) -> PResult<TypeSet> {
        let mut set = TypeSet::default();
        let mut methods = Vec::new();
        for e in elems {
            match e {
                IfaceElem::Method(..) => methods.push(e.clone()),
                IfaceElem::Embed(t) => {
                    let s = self.type_set(t)?;
                    set = set.and(s);
                }
                IfaceElem::Union(terms, _) => {
                    let mut all = Vec::new();
                    for term in terms {
                        let t = self.constraint_type(&term.ty)?;
                        if !t.is_interface() {
                            all.push((term.tilde, t));
                            continue;
                        }
                        // A constraint in a union (`Signed | Unsigned`).
                        match self.type_set(&term.ty)?.terms {
                            Some(ts) => all.extend(ts),
                            None => all.push((false, t)),
                        }
                    }
                    set = set.and(TypeSet {
                        terms: Some(all),
                        ..TypeSet::default()
                    });
                }
            }
        }
        if !methods.is_empty() {
            let own = self.iface_type(&methods)?;
            set.methods = Some(match set.methods.take() {
                Some(m) => merge_methods(own, m),
                None => own,
            });
        }
        Ok(set)
    }

    /// A type named in a constraint (a constraint interface is allowed here).
    fn constraint_type(&mut self, te: &TypeExpr) -> PResult<Type> {
        let was = std::mem::replace(&mut self.in_constraint, true);
        let r = self.type_expr(te);
        self.in_constraint = was;
        r
    }

    /// Records the type set of a declared interface that has type terms
    /// (or embeds one that has), so it is usable only as a constraint.
    pub(crate) fn note_constraint(&mut self, id: u32, te: &TypeExpr) -> PResult<()> {
        let TypeExpr::Interface(elems, _) = te else {
            return Ok(());
        };
        let restricted = elems.iter().any(|e| match e {
            IfaceElem::Union(..) => true,
            IfaceElem::Embed(TypeExpr::Name(n, _)) if &**n == "comparable" => {
                self.lookup(n).is_none()
            }
            IfaceElem::Embed(t) => match self.constraint_type(t) {
                Ok(Type::Named(n)) if self.generics.constraints.contains_key(&n.id) => true,
                Ok(t) => !t.is_interface(),
                Err(_) => false,
            },
            IfaceElem::Method(..) => false,
        });
        if restricted {
            let set = self.type_set(te)?;
            self.generics.constraints.insert(id, set);
        }
        Ok(())
    }

    /// Whether type argument `t` satisfies constraint `con`; Go's error if not.
    pub(super) fn satisfies(&mut self, t: &Type, con: &TypeExpr, pos: Pos) -> PResult<()> {
        let set = self.type_set(con)?;
        let name = constraint_name(con);
        if let Some(terms) = &set.terms {
            let ok = terms.iter().any(|(tilde, x)| {
                if *tilde {
                    t.underlying() == x.underlying()
                } else {
                    t == x
                }
            });
            if !ok {
                let why = if terms.is_empty() {
                    "empty type set".to_string()
                } else {
                    format!("{t} missing in {}", term_text(terms))
                };
                return super::err(pos, format!("{t} does not satisfy {name} ({why})"));
            }
        }
        if let Some(m) = &set.methods {
            if let Some(missing) = t.missing_method(m) {
                return super::err(
                    pos,
                    format!("{t} does not satisfy {name} (missing method {missing})"),
                );
            }
        }
        if set.comparable && !t.comparable() {
            return super::err(pos, format!("{t} does not satisfy comparable"));
        }
        Ok(())
    }
}

/// Methods of an interface type and of another, by name.
fn merge_methods(a: Type, b: Type) -> Type {
    let mut ms = a.iface_methods().unwrap_or_default();
    for m in b.iface_methods().unwrap_or_default() {
        if !ms.iter().any(|x| x.name == m.name) {
            ms.push(m);
        }
    }
    if ms.is_empty() {
        return Type::Any;
    }
    ms.sort_by(|x, y| x.name.cmp(&y.name));
    Type::Iface(ms.into())
}

/// How Go names a constraint in its messages.
pub(super) fn constraint_name(con: &TypeExpr) -> String {
    match con {
        TypeExpr::Name(n, _) => n.to_string(),
        TypeExpr::Qualified(p, n, _) => format!("{p}.{n}"),
        TypeExpr::Interface(elems, _) => match elems.as_slice() {
            [IfaceElem::Union(terms, _)] => {
                let t: Vec<String> = terms
                    .iter()
                    .map(|t| {
                        format!(
                            "{}{}",
                            if t.tilde { "~" } else { "" },
                            type_expr_text(&t.ty)
                        )
                    })
                    .collect();
                t.join(" | ")
            }
            _ => "interface{...}".to_string(),
        },
        t => type_expr_text(t),
    }
}

fn type_expr_text(t: &TypeExpr) -> String {
    match t {
        TypeExpr::Name(n, _) => n.to_string(),
        TypeExpr::Qualified(p, n, _) => format!("{p}.{n}"),
        TypeExpr::Pointer(t, _) => format!("*{}", type_expr_text(t)),
        TypeExpr::Slice(t, _) => format!("[]{}", type_expr_text(t)),
        _ => "T".to_string(),
    }
}
