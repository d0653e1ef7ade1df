deferrt_core::task::call_shim::h7a7970cd26123260:
.Lfunc_begin46:
	push	rax
	mov	rcx, rsi
	mov	rdx, qword ptr [rdi + 32]
	mov	rax, qword ptr [rsi + 8]
	mov	rsi, qword ptr [rax + 256]
	cmp	rsi, 32
	je	.LBB46_1
	mov	qword ptr [rax + 8*rsi], rdi
	inc	qword ptr [rax + 256]
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
.LBB46_1:
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::task::free_cold_then_call::h5a0c5ebe982ea249@GOTPCREL]
	xor	eax, eax
	pop	rcx
	ret
