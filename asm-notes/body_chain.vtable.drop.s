deferrt_core::task::drop_shim::h00af07f108cc5204:
.Lfunc_begin52:
	ret
