deferrt_benches::body_chain::h94abf364c6c5caac:
.Lfunc_begin124:
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB124_18
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r12, qword ptr [r15 + 24]
	mov	rdi, qword ptr [r15 + 40]
	lea	rcx, [rdi + 32]
	mov	rax, r14
	cmp	rcx, qword ptr [r15 + 48]
	ja	.LBB124_2
.LBB124_3:
	mov	qword ptr [rdi], rsi
	lea	rcx, [rip + .Lanon.210649de1ffa9c416df28f1e4c28abcb.65]
	mov	qword ptr [rdi + 16], rcx
	mov	qword ptr [rdi + 24], rax
	add	rdi, 32
	mov	qword ptr [r15 + 40], rdi
	cmp	r12, qword ptr [r15 + 24]
	jne	.LBB124_5
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB124_5
	cmp	dword ptr [rdi - 8], r14d
	jne	.LBB124_16
.LBB124_8:
	lea	r12, [r14 + 1]
	mov	qword ptr [r15 + 72], r12
.LBB124_9:
	mov	rax, qword ptr [rdi - 16]
	mov	rcx, qword ptr [rax]
	cmp	qword ptr [rdi + rcx - 16], rax
	je	.LBB124_11
	add	rdi, rcx
	mov	qword ptr [r15 + 40], rdi
	mov	rsi, rbx
	call	qword ptr [rax + 8]
	test	rax, rax
	je	.LBB124_13
	jmp	.LBB124_19
.LBB124_11:
	mov	rdi, rbx
	mov	rsi, rax
	mov	rdx, r12
	call	qword ptr [rax + 16]
	test	rax, rax
	jne	.LBB124_19
.LBB124_13:
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 72], r12
	jne	.LBB124_19
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB124_9
	jae	.LBB124_19
.LBB124_16:
	dec	r14
	mov	qword ptr [r15 + 72], r14
	mov	eax, 1
.LBB124_17:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	ret
.LBB124_19:
	mov	rdi, rbx
	mov	esi, r14d
	mov	rdx, r12
	mov	rcx, rax
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::exit_after_unusual_call::h9c7f0da76b16e13b@GOTPCREL]
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB124_17
.LBB124_5:
	lea	rcx, [rip + .Lanon.210649de1ffa9c416df28f1e4c28abcb.31]
	lea	r9, [rip + .Lanon.210649de1ffa9c416df28f1e4c28abcb.33]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::h923321f14226498f@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB124_17
	mov	rdi, qword ptr [r15 + 40]
	mov	r14, qword ptr [r15 + 72]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB124_8
	jmp	.LBB124_16
.LBB124_18:
	lea	rdi, [rip + .Lanon.210649de1ffa9c416df28f1e4c28abcb.12]
	lea	rdx, [rip + .Lanon.210649de1ffa9c416df28f1e4c28abcb.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB124_2:
	mov	rax, qword ptr [rbx + 8]
	mov	edx, 32
	mov	rdi, r15
	mov	r13, rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h28d09eb9cebd801d@GOTPCREL]
	mov	rsi, r13
	mov	rdi, qword ptr [r15 + 40]
	mov	rax, qword ptr [r15 + 72]
	jmp	.LBB124_3
