//! The table of compiled functions, found by the address of their checked
//! code (which closures carry).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use super::code::Func;
use super::compile;
use crate::ir::{FuncCode, Program};

/// A multiplicative hasher for code addresses (one `usize` per key).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Every function of the program, compiled, found by the address of its
/// checked code (closures carry that).
pub(crate) struct Table {
    by_code: Map,
    pub(super) init: Rc<Func>,
}

/// Compiles every function in `todo` and every literal nested in them.
fn compile_all(mut todo: Vec<Rc<FuncCode>>, by_code: &mut Map) {
    while let Some(ir) = todo.pop() {
        let key = Rc::as_ptr(&ir) as usize;
        if by_code.contains_key(&key) {
            continue;
        }
        let f = compile::function(&ir);
        todo.extend(f.lits.iter().cloned());
        by_code.insert(key, Rc::new(f));
    }
}

type Map = HashMap<usize, Rc<Func>, BuildHasherDefault<AddrHasher>>;

impl Table {
    pub(super) fn build(prog: &Program) -> Table {
        let mut by_code = Map::default();
        compile_all(prog.funcs.clone(), &mut by_code);
        // The package-level variable initialisation, as a function.
        let named = Rc::new(FuncCode {
            name: "main.init.vars".into(),
            sig: Rc::new(crate::types::FuncType {
                params: Vec::new(),
                results: Vec::new(),
            }),
            nparams: 0,
            results: Vec::new(),
            nslots: 0,
            captures: Vec::new(),
            body: Vec::new(),
            open: false,
        });
        let init = compile::init(&prog.init, &named);
        compile_all(init.lits.clone(), &mut by_code);
        Table {
            by_code,
            init: Rc::new(init),
        }
    }

    pub(super) fn get(&self, code: &Rc<FuncCode>) -> Option<&Rc<Func>> {
        self.by_code.get(&(Rc::as_ptr(code) as usize))
    }
}
