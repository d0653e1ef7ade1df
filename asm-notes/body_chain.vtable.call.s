deferrt_core::task::vtable::call_shim::h2fff8eea9d9a08c2:
.Lfunc_begin127:
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
