//! Unit tests of the type table: identity, assignability, method sets,
//! constants.

use super::constant::{binary, representable, Const, ConstError};
use super::relations::MissingWhy;
use super::table::*;
use crate::ast::BinOp;

fn sig(t: &mut TypeTable, params: Vec<Ty>, results: Vec<Ty>) -> Ty {
    t.func(params, results, false)
}

fn field(name: &str, ty: Ty, embedded: bool) -> FieldTy {
    FieldTy {
        name: name.into(),
        ty,
        embedded,
        tag: None,
    }
}

#[test]
fn identity_is_structural_for_literals_and_nominal_for_declarations() {
    let mut t = TypeTable::new();
    let int = t.int(IntKind::Int);
    let s = t.string();
    assert_eq!(t.slice(int), t.slice(int));
    assert_ne!(t.slice(int), t.array(3, int));
    assert_ne!(t.array(3, int), t.array(4, int));
    let m1 = t.map(s, int);
    assert_eq!(m1, t.map(s, int));
    let f1 = sig(&mut t, vec![int], vec![s]);
    assert_eq!(f1, sig(&mut t, vec![int], vec![s]));
    assert_ne!(f1, t.func(vec![int], vec![s], true));
    assert_ne!(t.chan(ChanDir::Both, int), t.chan(ChanDir::Recv, int));
    // Struct identity includes names, embedding and tags.
    let a = t.struct_of(vec![field("x", int, false)]);
    assert_eq!(a, t.struct_of(vec![field("x", int, false)]));
    assert_ne!(a, t.struct_of(vec![field("y", int, false)]));
    let mut tagged = field("x", int, false);
    tagged.tag = Some("json".into());
    assert_ne!(a, t.struct_of(vec![tagged]));
    // Interfaces: method order does not matter.
    let m = |n: &str, sig: Ty| IfaceMethod {
        name: n.into(),
        sig,
    };
    let i1 = t.interface(vec![m("A", f1), m("B", f1)]);
    assert_eq!(i1, t.interface(vec![m("B", f1), m("A", f1)]));
    // Two declarations are two types, even with the same underlying type.
    let n1 = t.new_named("T", None);
    let n2 = t.new_named("T", None);
    t.set_underlying(n1, int);
    t.set_underlying(n2, int);
    assert_ne!(n1, n2);
    assert_eq!(t.underlying(n1), int);
    // `type B A` takes A's underlying type.
    let b = t.new_named("B", None);
    t.set_underlying(b, n1);
    assert_eq!(t.underlying(b), int);
    let mt = t.map(s, f1);
    assert_eq!(t.display(mt), "map[string]func(int) string");
    let pn = t.pointer(n1);
    assert_eq!(t.display_qualified(pn), "*main.T");
    assert_eq!(t.display(t.error()), "error");
}

#[test]
fn recursive_types_are_built_through_their_name() {
    let mut t = TypeTable::new();
    let node = t.new_named("Node", None);
    let p = t.pointer(node);
    let int = t.int(IntKind::Int);
    let st = t.struct_of(vec![field("v", int, false), field("next", p, false)]);
    t.set_underlying(node, st);
    let sel = t.lookup(p, "next").expect("found");
    assert_eq!(sel.found, Found::Field(p));
    assert_eq!(sel.path, vec![1]);
    assert!(sel.indirect);
    assert_eq!(t.display(st), "struct { v int; next *Node }");
}

#[test]
fn assignability_follows_the_spec() {
    let mut t = TypeTable::new();
    let int = t.int(IntKind::Int);
    let i64t = t.int(IntKind::I64);
    let sl = t.slice(int);
    let named_sl = t.new_named("Ints", None);
    t.set_underlying(named_sl, sl);
    let named_int = t.new_named("N", None);
    t.set_underlying(named_int, int);
    // Identical underlying types, one side unnamed.
    assert!(t.assignable(sl, named_sl));
    assert!(t.assignable(named_sl, sl));
    // Both named: not assignable, even with the same underlying type.
    assert!(!t.assignable(int, named_int));
    assert!(!t.assignable(int, i64t));
    // Bidirectional channels to directional ones.
    let c = t.chan(ChanDir::Both, int);
    let r = t.chan(ChanDir::Recv, int);
    assert!(t.assignable(c, r));
    assert!(!t.assignable(r, c));
    // nil.
    let nil = t.untyped(Untyped::Nil);
    assert!(t.assignable(nil, sl));
    assert!(t.assignable(nil, t.error()));
    assert!(!t.assignable(nil, int));
    // Untyped constants by kind.
    let ui = t.untyped(Untyped::Int);
    let uf = t.untyped(Untyped::Float);
    let us = t.untyped(Untyped::String);
    let f32t = t.float(32);
    assert!(t.assignable(ui, named_int));
    assert!(t.assignable(uf, f32t));
    assert!(!t.assignable(us, int));
    let any = t.any();
    assert!(t.assignable(us, any));
    assert!(t.assignable(sl, any));
    assert_eq!(t.default_type(uf), t.float(64));
    let ur = t.untyped(Untyped::Rune);
    assert_eq!(t.default_type(ur), t.int(IntKind::I32));
    assert!(!t.comparable(sl));
    assert!(t.comparable(any));
}

/// `type Inner struct{}` with `func (Inner) V()` and `func (*Inner) P()`,
/// `type Outer struct{ Inner }`, `type POuter struct{ *Inner }`.
fn embedding() -> (TypeTable, Ty, Ty, Ty, Ty) {
    let mut t = TypeTable::new();
    let unit = sig(&mut t, vec![], vec![]);
    let inner = t.new_named("Inner", None);
    let empty = t.struct_of(vec![]);
    t.set_underlying(inner, empty);
    for (name, ptr_recv, func) in [("V", false, 0), ("P", true, 1)] {
        let m = Method {
            name: name.into(),
            sig: unit,
            ptr_recv,
            func,
        };
        assert!(t.add_method(inner, m).is_ok());
    }
    let dup = Method {
        name: "V".into(),
        sig: unit,
        ptr_recv: true,
        func: 2,
    };
    assert!(
        t.add_method(inner, dup).is_err(),
        "method Inner.V already declared"
    );
    let outer = t.new_named("Outer", None);
    let st = t.struct_of(vec![field("Inner", inner, true)]);
    t.set_underlying(outer, st);
    let pouter = t.new_named("POuter", None);
    let pi = t.pointer(inner);
    let st = t.struct_of(vec![field("Inner", pi, true)]);
    t.set_underlying(pouter, st);
    let m = |n: &str| IfaceMethod {
        name: n.into(),
        sig: unit,
    };
    let vp = t.interface(vec![m("V"), m("P")]);
    (t, inner, outer, pouter, vp)
}

#[test]
fn method_sets_distinguish_value_and_pointer_receivers() {
    let (mut t, inner, outer, pouter, vp) = embedding();
    let pinner = t.pointer(inner);
    assert!(t.method_in_set(inner, "V").is_ok());
    assert_eq!(
        t.method_in_set(inner, "P"),
        Err(MissingWhy::PointerReceiver)
    );
    assert!(t.method_in_set(pinner, "P").is_ok());
    assert_eq!(
        t.implements(inner, vp),
        Err("method P has pointer receiver".into())
    );
    assert!(t.implements(pinner, vp).is_ok());
    // Promotion through an embedded value: Outer has V only, *Outer both.
    let pouter_t = t.pointer(outer);
    assert!(t.method_in_set(outer, "V").is_ok());
    assert_eq!(
        t.method_in_set(outer, "P"),
        Err(MissingWhy::PointerReceiver)
    );
    assert!(t.implements(pouter_t, vp).is_ok());
    // Through an embedded pointer: both, also for the value.
    assert!(t.implements(pouter, vp).is_ok());
    let sel = t.lookup(outer, "P").expect("promoted");
    assert_eq!(sel.path, vec![0]);
    assert!(!sel.indirect);
    assert_eq!(t.implements(t.string(), vp), Err("missing method P".into()));
    // error's method set.
    let s = t.string();
    let esig = sig(&mut t, vec![], vec![s]);
    assert_eq!(t.method_in_set(t.error(), "Error"), Ok(esig));
}

#[test]
fn ambiguous_selectors_at_one_depth_and_shadowing_by_depth() {
    let mut t = TypeTable::new();
    let int = t.int(IntKind::Int);
    let a = t.new_named("A", None);
    let b = t.new_named("B", None);
    let sa = t.struct_of(vec![field("X", int, false)]);
    t.set_underlying(a, sa);
    t.set_underlying(b, sa);
    let both = t.struct_of(vec![field("A", a, true), field("B", b, true)]);
    assert_eq!(t.lookup(both, "X"), Err(LookupError::Ambiguous));
    let s = t.string();
    let shallow = t.struct_of(vec![field("A", a, true), field("X", s, false)]);
    assert_eq!(t.lookup(shallow, "X").map(|s| s.found), Ok(Found::Field(s)));
    assert_eq!(t.lookup(shallow, "Y"), Err(LookupError::Missing));
}

#[test]
fn constants_are_exact_and_checked_against_their_type() {
    let t = TypeTable::new();
    let c = |x: i128| Const::Int(x);
    assert_eq!(binary(BinOp::Div, &c(7), &c(2)), Ok(c(3)));
    assert_eq!(
        binary(BinOp::Div, &c(7), &Const::Float(2.0)),
        Ok(Const::Float(3.5))
    );
    assert_eq!(binary(BinOp::Rem, &c(1), &c(0)), Err(ConstError::DivByZero));
    assert_eq!(binary(BinOp::Shl, &c(1), &c(64)), Ok(c(1 << 64)));
    assert_eq!(
        binary(BinOp::Shl, &c(1), &c(200)),
        Err(ConstError::TooLarge)
    );
    assert_eq!(binary(BinOp::AndNot, &c(0b1110), &c(0b0110)), Ok(c(0b1000)));
    assert_eq!(binary(BinOp::Lt, &c(1), &c(2)), Ok(Const::Bool(true)));
    let u8t = t.int(IntKind::U8);
    let i8t = t.int(IntKind::I8);
    assert!(representable(&t, &c(255), u8t).is_ok());
    assert_eq!(representable(&t, &c(256), u8t), Err(ConstError::Overflows));
    assert_eq!(representable(&t, &c(-129), i8t), Err(ConstError::Overflows));
    assert_eq!(
        representable(&t, &c(-1), t.int(IntKind::Uint)),
        Err(ConstError::Overflows)
    );
    assert!(representable(&t, &c(u64::MAX as i128), t.int(IntKind::U64)).is_ok());
    assert_eq!(
        representable(&t, &Const::Float(1.5), t.int(IntKind::Int)),
        Err(ConstError::Truncated)
    );
    assert_eq!(
        representable(&t, &Const::Float(2.0), t.int(IntKind::Int)),
        Ok(c(2))
    );
    assert_eq!(
        representable(&t, &Const::Float(1e39), t.float(32)),
        Err(ConstError::Overflows)
    );
    assert_eq!(
        representable(&t, &Const::Float(0.1), t.float(32)),
        Ok(Const::Float(f64::from(0.1f32)))
    );
}

#[test]
fn wrap_truncates_and_extends_as_the_kind_casts() {
    use super::num::wrap;
    let vals = [
        0i64,
        1,
        -1,
        127,
        128,
        255,
        256,
        -129,
        32767,
        32768,
        65535,
        65536,
        i32::MAX as i64,
        i32::MIN as i64 - 1,
        u32::MAX as i64 + 2,
        i64::MAX,
        i64::MIN,
        0x1234_5678_9abc_def0,
    ];
    for v in vals {
        assert_eq!(wrap(IntKind::I8, v), v as i8 as i64);
        assert_eq!(wrap(IntKind::I16, v), v as i16 as i64);
        assert_eq!(wrap(IntKind::I32, v), v as i32 as i64);
        assert_eq!(wrap(IntKind::I64, v), v);
        assert_eq!(wrap(IntKind::Int, v), v);
        assert_eq!(wrap(IntKind::U8, v), v as u8 as i64);
        assert_eq!(wrap(IntKind::U16, v), v as u16 as i64);
        assert_eq!(wrap(IntKind::U32, v), v as u32 as i64);
        assert_eq!(wrap(IntKind::U64, v), v);
        assert_eq!(wrap(IntKind::Uint, v), v);
        assert_eq!(wrap(IntKind::Uintptr, v), v);
    }
}

#[test]
fn int_kinds_sizes_and_signs() {
    let want = [
        (IntKind::Int, 64, true),
        (IntKind::I8, 8, true),
        (IntKind::I16, 16, true),
        (IntKind::I32, 32, true),
        (IntKind::I64, 64, true),
        (IntKind::Uint, 64, false),
        (IntKind::U8, 8, false),
        (IntKind::U16, 16, false),
        (IntKind::U32, 32, false),
        (IntKind::U64, 64, false),
        (IntKind::Uintptr, 64, false),
    ];
    assert_eq!(want.len(), IntKind::ALL.len());
    for (k, bits, signed) in want {
        assert_eq!((k.bits(), k.signed()), (bits, signed), "{k:?}");
    }
}
