deferrt_core::task::vtable::drop_shim::h15877ecd852b3802:
.Lfunc_begin103:
	ret
