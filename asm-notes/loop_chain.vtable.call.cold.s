deferrt_core::task::vtable::free_cold_then_call::h6aa46e4d14f4da51:
.Lfunc_begin44:
	push	r14
	push	rbx
	push	rax
	mov	rax, rsi
	mov	rsi, rdi
	mov	rdi, qword ptr [rcx + 8]
	and	eax, 3
	lea	r9, [rax + 2*rax]
	mov	r8, qword ptr [rdi + 8*r9 + 16]
	cmp	r8, 32
	je	.LBB44_1
	lea	rax, [rdi + 8*r9]
	add	rax, 8
	mov	rdi, qword ptr [rax]
	mov	qword ptr [rsi], rdi
	mov	qword ptr [rax], rsi
	inc	r8
	mov	qword ptr [rax + 8], r8
.LBB44_3:
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
.LBB44_1:
	mov	rbx, rdx
	mov	rdx, rax
	mov	r14, rcx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::ha1d96a793827ffde@GOTPCREL]
	mov	rcx, r14
	mov	rdx, rbx
	jmp	.LBB44_3
