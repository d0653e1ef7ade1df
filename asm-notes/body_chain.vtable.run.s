deferrt_core::task::vtable::run_shim::h9c3deceee6e3ebf6:
.Lfunc_begin114:
	lea	rax, [rdx - 1]
	mov	rcx, qword ptr [rdi]
	mov	rdi, qword ptr [rdi + 16]
	mov	r9, qword ptr [rcx + 40]
	lea	r8, [rsp - 8]
.LBB114_1:
	lea	r10, [r9 - 32]
	mov	qword ptr [rcx + 40], r10
	mov	r9, qword ptr [r9 - 32]
	mov	qword ptr [rsp - 8], rdi
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	r10, qword ptr [rsp - 8]
	add	qword ptr [r10], r9
	cmp	qword ptr [rcx + 72], rdx
	jne	.LBB114_4
	mov	r9, qword ptr [rcx + 40]
	cmp	qword ptr [r9 - 16], rsi
	jne	.LBB114_4
	cmp	qword ptr [r9 - 8], rax
	je	.LBB114_1
.LBB114_4:
	xor	eax, eax
	ret
