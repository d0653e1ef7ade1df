//! Named imports (`str "strings"`): the checker knows each package by its
//! path's last element, so a program that names a package otherwise is
//! read with that name in its place. The renaming works on tokens: every
//! `NAME.` (not itself after a `.`) becomes `canonical.`. It is done only
//! when that cannot change what the program means: `NAME` is used nowhere
//! else (no variable, field, parameter or label of that name), the
//! canonical name is used nowhere as a name of its own, and no other
//! import has it. Otherwise the import keeps its name and the checker
//! refuses it as before.

use std::rc::Rc;

use crate::ast::File;
use crate::lexer::{Pos, Tok};

/// The renamings `(alias, canonical)` that `file`'s imports ask for and
/// that are safe in `toks`.
fn renamings(file: &File, toks: &[(Tok, Pos)]) -> Vec<(Rc<str>, Rc<str>)> {
    let canonical = |path: &str| -> Rc<str> { path.rsplit('/').next().unwrap_or(path).into() };
    let mut out = Vec::new();
    for imp in &file.imports {
        let Some((alias, _)) = &imp.name else {
            continue;
        };
        let canon = canonical(&imp.path);
        if &**alias == "_" || &**alias == "." || *alias == canon {
            continue;
        }
        let clash = file
            .imports
            .iter()
            .filter(|i| i.name.as_ref().is_none_or(|(n, _)| &**n != "_"))
            .filter(|i| canonical(&i.path) == canon)
            .count()
            > 1;
        if !clash && only_qualifier(toks, alias) && unused_name(toks, &canon) {
            out.push((alias.clone(), canon));
        }
    }
    out
}

/// Whether `name` appears (outside the import spec, where a string
/// follows it) only as the qualifier of a selector: `name.` not after `.`.
fn only_qualifier(toks: &[(Tok, Pos)], name: &str) -> bool {
    (0..toks.len()).all(|i| {
        !is_ident(toks, i, name)
            || after_dot(toks, i)
            || matches!(
                toks.get(i + 1),
                Some((Tok::Op("."), _)) | Some((Tok::Str(_), _))
            )
    })
}

/// Whether `name` is used nowhere as a name of its own (a field or method
/// after a `.` is not one).
fn unused_name(toks: &[(Tok, Pos)], name: &str) -> bool {
    (0..toks.len()).all(|i| !is_ident(toks, i, name) || after_dot(toks, i))
}

fn is_ident(toks: &[(Tok, Pos)], i: usize, name: &str) -> bool {
    matches!(&toks[i].0, Tok::Ident(s) if &**s == name)
}

fn after_dot(toks: &[(Tok, Pos)], i: usize) -> bool {
    i > 0 && matches!(toks[i - 1].0, Tok::Op("."))
}

/// A token stream.
type Toks = Vec<(Tok, Pos)>;

/// `toks` with the safe renamings of `file`'s named imports applied (the
/// import specs' own names stay); `None` when there is none.
pub(super) fn rename(file: &File, toks: &[(Tok, Pos)]) -> Option<(Toks, Vec<Rc<str>>)> {
    let renames = renamings(file, toks);
    if renames.is_empty() {
        return None;
    }
    let mut out = toks.to_vec();
    for i in 0..out.len() {
        if after_dot(&out, i) || !matches!(out.get(i + 1), Some((Tok::Op("."), _))) {
            continue;
        }
        if let Tok::Ident(s) = &out[i].0 {
            if let Some((_, canon)) = renames.iter().find(|(a, _)| a == s) {
                out[i].0 = Tok::Ident(canon.clone());
            }
        }
    }
    Some((out, renames.into_iter().map(|(a, _)| a).collect()))
}
