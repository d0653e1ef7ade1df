//! Types of `fmt` and `runtime` written in Go for the programs that name
//! them: `fmt.Stringer`, and `*runtime.PanicNilError` (the type of
//! `recover()`'s value after `panic(nil)`; minigo's value of it is the
//! runtime's own error value, which a type assertion to this type accepts
//! by its type's name: rt/iface.rs).

/// `fmt`'s types.
pub(super) const FMT: &str = "package main
type Stringer interface {
	String() string
}
";

/// `runtime`'s types (beyond `runtime.Error`).
pub(super) const RUNTIME: &str = "package main
type PanicNilError struct {
	_ [0]int
}
func (*PanicNilError) Error() string {
	return \"runtime error: panic called with nil argument\"
}
func (*PanicNilError) RuntimeError() {}
";
