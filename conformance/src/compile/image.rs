//! Compiles a whole checked program into an [`Image`]: every top-level
//! function, every function literal nested in them (found by the address
//! of its checked code), and the package-level initialisation; constants
//! and types become run-time values and types here, once.

use crate::fastmap::FastMap;
use std::rc::Rc;
use std::sync::Arc;

use super::{function, types};
use crate::code::{Image, Proto};
use crate::ir::{Const, FuncCode, FuncConst, Program};
use crate::rt::types::RtType;
use crate::rt::value::SigName;
use crate::rt::{FuncVal, Str, Value};
use crate::types::{FuncType, Type};

/// What the compiler shares across functions.
pub(super) struct Ctx {
    // (fields are shared with compile/types.rs)
    /// The index of each function compiled or queued, by code address.
    index: FastMap<usize, u32>,
    /// Literals to compile, with their indices.
    todo: Vec<(u32, Rc<FuncCode>)>,
    /// String constants' data, by text: one allocation per distinct text.
    strings: FastMap<Rc<[u8]>, Str>,
    /// Func types' names.
    sigs: FastMap<String, SigName>,
    next: u32,
    /// The run-time types, by Go spelling.
    types: types::Types,
    /// `fmt`'s recovering method call ([`super::typed::show_call_code`]),
    /// built the first time it is needed.
    show_call: Option<Rc<FuncCode>>,
    /// The program calls `runtime.SetFinalizer` (compile/liveness.rs).
    pub(super) finalizers: bool,
}

impl Ctx {
    /// The code of `fmt`'s recovering method call.
    pub(super) fn show_call(&mut self) -> Rc<FuncCode> {
        self.show_call
            .get_or_insert_with(|| Rc::new(super::typed::show_call_code()))
            .clone()
    }

    /// The index the function literal `code` has in the image (queued for
    /// compiling the first time).
    pub(super) fn lit(&mut self, code: &Rc<FuncCode>) -> u32 {
        let key = Rc::as_ptr(code) as usize;
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.next;
        self.next += 1;
        self.index.insert(key, i);
        self.todo.push((i, code.clone()));
        i
    }

    /// The run-time value of a constant.
    pub(super) fn value(&mut self, c: &Const) -> Value {
        match c {
            Const::Nil => Value::Nil,
            Const::Int(n) => Value::Int(*n),
            Const::Bool(b) => Value::Bool(*b),
            Const::Str(s) => Value::Str(
                self.strings
                    .entry(s.clone())
                    .or_insert_with(|| Str(Arc::from(&**s)))
                    .clone(),
            ),
            Const::Func(FuncConst::Nil(ft)) => Value::Func(FuncVal::Nil(self.sig_name(ft))),
            Const::Float(x) => Value::Float(*x),
            Const::Complex(re, im) => Value::Complex(*re, *im),
            // An untyped complex constant left untyped: complex128.
            Const::CRat(c) => {
                let part = |r| crate::types::exact::to_f64(r).unwrap_or(f64::INFINITY);
                Value::Complex(part(&c.0), part(&c.1))
            }
            // An untyped float constant left untyped: float64, its default
            // type (the checker refused those that overflow it).
            Const::Rat(r) => Value::Float(crate::types::exact::to_f64(r).unwrap_or(f64::INFINITY)),
            // The checker let none reach code without fitting its type.
            Const::Big(n) => Value::Int(crate::types::exact_int::low_i64(n)),
            Const::Struct(fs) => {
                Value::Struct(Arc::new(fs.iter().map(|f| self.value(f)).collect()))
            }
            Const::Comp(c) => self.comp_value(c),
        }
    }

    /// A composite constant: the nil slice or map, an array template.
    fn comp_value(&mut self, c: &crate::ir::CompConst) -> Value {
        use crate::ir::CompConst;
        match c {
            CompConst::NilSlice => crate::rt::slice::nil_slice(),
            CompConst::NilMap => crate::rt::map::nil_map(),
            CompConst::Array(n, elem) => {
                let e = self.value(elem);
                let slots: Box<[Value]> = (0..*n).map(|_| e.clone()).collect();
                Value::Slice {
                    obj: Arc::new(crate::rt::Obj::new(slots)),
                    off: 0,
                    len: *n,
                    cap: *n,
                }
            }
        }
    }

    /// A func type's name, shared.
    pub(super) fn sig_name(&mut self, ft: &FuncType) -> SigName {
        // `func()`, most functions' and literals' type, and `func() string`
        // (the runtime's `Error` method, in every image), without
        // formatting them (a few thousand instructions per corpus run).
        let fixed = match (ft.params.is_empty(), ft.results.as_slice()) {
            (true, []) => Some("func()"),
            (true, [Type::Str]) => Some("func() string"),
            _ => None,
        };
        if let Some(n) = fixed {
            debug_assert_eq!(ft.to_string(), n);
            if let Some(s) = self.sigs.get(n) {
                return s.clone();
            }
            let s = Arc::new(n.to_string());
            self.sigs.insert(n.to_string(), s.clone());
            return s;
        }
        let name = ft.to_string();
        self.sigs
            .entry(name.clone())
            .or_insert_with(|| Arc::new(name))
            .clone()
    }

    /// A type as the run time checks it.
    pub(super) fn rt_type(&mut self, t: &Type) -> RtType {
        match t {
            Type::Int => RtType::Int,
            Type::Str => RtType::Str,
            Type::Bool => RtType::Bool,
            Type::Error => RtType::Error,
            Type::Func(ft) => RtType::Func(self.sig_name(ft)),
            t if t.is_interface() => {
                let names = t.iface_methods().unwrap_or_default();
                let names = names
                    .iter()
                    .map(|m| (Arc::from(&*m.name), Arc::from(m.sig.to_string())))
                    .collect();
                RtType::Iface(Arc::from(t.to_string()), names)
            }
            t @ (Type::Named(_)
            | Type::Struct(_)
            | Type::Pointer(_)
            | Type::Slice(_)
            | Type::Array(..)
            | Type::Map(..)
            | Type::Chan(..)
            | Type::Sync(_)) => {
                let id = self.type_id(t);
                RtType::Concrete(self.types.get(id))
            }
            Type::Any | Type::Nil | Type::Tuple(_) | Type::Iface(_) => RtType::Any,
            Type::Byte | Type::Rune => RtType::Int,
            t @ (Type::IntK(_) | Type::Float(_) | Type::Complex(_)) => {
                let id = self.type_id(t);
                RtType::Concrete(self.types.get(id))
            }
        }
    }

    /// The index of `t`'s run-time type in the image.
    pub(super) fn type_id(&mut self, t: &Type) -> u32 {
        self.types.intern(t)
    }
}

/// Compiles `prog`.
pub fn program(prog: &Program) -> Image {
    let mut cx = Ctx {
        index: FastMap::default(),
        todo: Vec::new(),
        strings: prog
            .literals
            .iter()
            .map(|s| (s.clone(), Str(Arc::from(&**s))))
            .collect(),
        sigs: FastMap::default(),
        next: prog.funcs.len() as u32 + 1,
        types: types::Types::default(),
        show_call: None,
        finalizers: prog.finalizers,
    };
    for (i, f) in prog.funcs.iter().enumerate() {
        cx.index.insert(Rc::as_ptr(f) as usize, i as u32);
    }
    let mut protos: Vec<Option<Proto>> = prog
        .funcs
        .iter()
        .map(|f| Some(function(&mut cx, f, &f.body, true)))
        .collect();
    let error_method = protos.len() as u32;
    protos.push(Some(types::error_method(&mut cx)));
    let init = function(&mut cx, &init_code(), &prog.init, false);
    while let Some((i, code)) = cx.todo.pop() {
        let p = function(&mut cx, &code, &code.body, true);
        if protos.len() <= i as usize {
            protos.resize_with(i as usize + 1, || None);
        }
        protos[i as usize] = Some(p);
    }
    // Every index handed out was compiled: no hole.
    debug_assert!(protos.iter().all(Option::is_some));
    let mut init = init;
    init.index = Image::INIT;
    let protos = protos.into_iter().flatten().enumerate().map(|(i, mut p)| {
        p.index = i as u32;
        Arc::new(p)
    });
    Image {
        protos: protos.collect(),
        init: Arc::new(init),
        inits: prog.inits.clone(),
        main: prog.main,
        nglobals: prog.nglobals,
        literals: cx.strings.into_values().collect(),
        types: cx.types.into_vec(),
        error_method,
        file: Str(Arc::from(prog.file.as_bytes())),
        file_name: Arc::from(&*prog.file_name),
    }
}

/// The package-level variable initialisation, as a function with no locals.
fn init_code() -> FuncCode {
    FuncCode {
        name: "main.init.vars".into(),
        sig: Rc::new(FuncType {
            params: Vec::new(),
            results: Vec::new(),
            variadic: false,
        }),
        nparams: 0,
        results: Vec::new(),
        nslots: 0,
        captures: Vec::new(),
        body: Vec::new(),
        open: false,
        end_line: 0,
        wrapper: false,
    }
}
