deferrt_core::task::drop_shim::h0a3cb508d66aadae:
.Lfunc_begin25:
	ret
