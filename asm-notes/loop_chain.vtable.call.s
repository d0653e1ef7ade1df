deferrt_core::task::vtable::call_shim::h45a19d2555878fa0:
.Lfunc_begin52:
	push	rax
	mov	rcx, rsi
	mov	rdx, qword ptr [rdi + 32]
	mov	rax, qword ptr [rsi + 8]
	cmp	qword ptr [rax + 16], 32
	je	.LBB52_1
	mov	rsi, qword ptr [rax + 8]
	mov	qword ptr [rdi], rsi
	mov	qword ptr [rax + 8], rdi
	inc	qword ptr [rax + 16]
	mov	rax, qword ptr [rcx + 16]
	mov	qword ptr [rsp], rax
	mov	rax, rsp
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rax, qword ptr [rsp]
	add	qword ptr [rax], rdx
	xor	eax, eax
	pop	rcx
	ret
.LBB52_1:
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::task::vtable::free_cold_then_call::h6aa46e4d14f4da51@GOTPCREL]
	xor	eax, eax
	pop	rcx
	ret
