//! The checker's name for the checked program's constants: [`crate::ir::Const`]
//! (`Value`) and [`crate::ir::FuncConst`] (`FuncVal`). Run-time values are
//! [`crate::rt::Value`]; this alias goes when the checker names `ir::Const`.

pub use crate::ir::{Const as Value, FuncConst as FuncVal};
