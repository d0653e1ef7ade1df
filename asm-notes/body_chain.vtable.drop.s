deferrt_core::task::vtable::drop_shim::h328389b394f3669f:
.Lfunc_begin114:
	ret
