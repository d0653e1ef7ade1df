deferrt_core::task::vtable::call_shim::h2f5209ff5da90075:
.Lfunc_begin98:
	mov	rax, qword ptr [rdi]
	mov	rcx, qword ptr [rsi + 16]
	mov	qword ptr [rsp - 8], rcx
	lea	rcx, [rsp - 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp - 8]
	add	qword ptr [rcx], rax
	xor	eax, eax
	ret
