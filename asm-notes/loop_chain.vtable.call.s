deferrt_core::task::vtable::call_shim::h0916ebff2fb784f9:
.Lfunc_begin87:
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
