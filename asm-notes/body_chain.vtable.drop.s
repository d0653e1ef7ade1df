deferrt_core::task::vtable::drop_shim::h6431505a731c21bd:
.Lfunc_begin62:
	mov	rax, rdi
	mov	rdi, rsi
	mov	rsi, rax
	xor	edx, edx
	jmp	qword ptr [rip + deferrt_core::task::chain::Home::give::hbf1404328e965e32@GOTPCREL]
