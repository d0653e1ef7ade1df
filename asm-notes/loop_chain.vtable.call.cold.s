deferrt_core::task::free_cold_then_call::h5a0c5ebe982ea249:
.Lfunc_begin32:
	push	r14
	push	rbx
	push	rax
	mov	rax, rsi
	mov	rsi, rdi
	mov	rdi, qword ptr [rcx + 8]
	and	eax, 3
	mov	r8d, eax
	shl	r8d, 8
	lea	r8d, [r8 + 8*rax]
	mov	r9, qword ptr [rdi + r8 + 256]
	cmp	r9, 32
	je	.LBB32_1
	add	rdi, r8
	mov	qword ptr [rdi + 8*r9], rsi
	inc	qword ptr [rdi + 256]
.LBB32_3:
	mov	rax, qword ptr [rcx + 16]
	mov	qword ptr [rsp], rax
	mov	rax, rsp
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rax, qword ptr [rsp]
	add	qword ptr [rax], rdx
	xor	eax, eax
	add	rsp, 8
	pop	rbx
	pop	r14
	ret
.LBB32_1:
	mov	rbx, rdx
	mov	rdx, rax
	mov	r14, rcx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::h5a19841bb1bbac41@GOTPCREL]
	mov	rcx, r14
	mov	rdx, rbx
	jmp	.LBB32_3
