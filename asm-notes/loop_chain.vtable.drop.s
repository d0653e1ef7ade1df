deferrt_core::task::vtable::drop_shim::h1fad8ce20d95c151:
.Lfunc_begin138:
	ret
