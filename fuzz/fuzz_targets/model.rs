//! Bytes -> a program of the model test's tiny language -> the engine and the
//! reference interpreter of Go's rules must agree (trace, outcome, crash
//! text), and the pool's accounting must balance. The language, the decoder,
//! both runners and the comparison are `core/tests/gomodel`, shared with the
//! property test `core/tests/model.rs`.
#![no_main]

#[path = "../../core/tests/gomodel/mod.rs"]
mod gomodel;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let main = gomodel::from_bytes(data);
    if let Err(e) = gomodel::check(&main) {
        panic!("{e}");
    }
});
