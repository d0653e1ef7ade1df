deferrt_benches::loop_chain::h6955f0889e8f526e:
.Lfunc_begin125:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	push	rax
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB125_22
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r12, qword ptr [r15 + 24]
	test	rsi, rsi
	je	.LBB125_7
	mov	rax, qword ptr [r15 + 40]
	xor	r13d, r13d
	lea	rbp, [rip + .Lanon.210649de1ffa9c416df28f1e4c28abcb.50]
.LBB125_3:
	lea	rcx, [rax + 32]
	cmp	rcx, qword ptr [r15 + 48]
	ja	.LBB125_4
.LBB125_5:
	mov	rcx, qword ptr [r15 + 72]
	mov	qword ptr [rax], r13
	inc	r13
	mov	qword ptr [rax + 16], rbp
	mov	qword ptr [rax + 24], rcx
	add	rax, 32
	mov	qword ptr [r15 + 40], rax
	cmp	rsi, r13
	jne	.LBB125_3
	jmp	.LBB125_6
.LBB125_4:
	mov	rax, qword ptr [rbx + 8]
	mov	edx, 32
	mov	rdi, r15
	mov	qword ptr [rsp], rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h28d09eb9cebd801d@GOTPCREL]
	mov	rsi, qword ptr [rsp]
	mov	rax, qword ptr [r15 + 40]
	jmp	.LBB125_5
.LBB125_6:
	cmp	r12, qword ptr [r15 + 24]
	jne	.LBB125_8
.LBB125_7:
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB125_8
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi - 8], r14d
	jne	.LBB125_19
.LBB125_11:
	lea	r12, [r14 + 1]
	mov	qword ptr [r15 + 72], r12
.LBB125_12:
	mov	rax, qword ptr [rdi - 16]
	mov	rcx, qword ptr [rax]
	cmp	qword ptr [rdi + rcx - 16], rax
	je	.LBB125_14
	add	rdi, rcx
	mov	qword ptr [r15 + 40], rdi
	mov	rsi, rbx
	call	qword ptr [rax + 8]
	test	rax, rax
	je	.LBB125_16
	jmp	.LBB125_21
.LBB125_14:
	mov	rdi, rbx
	mov	rsi, rax
	mov	rdx, r12
	call	qword ptr [rax + 16]
	test	rax, rax
	jne	.LBB125_21
.LBB125_16:
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 72], r12
	jne	.LBB125_21
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB125_12
	jae	.LBB125_21
.LBB125_19:
	dec	r14
	mov	qword ptr [r15 + 72], r14
	mov	eax, 1
.LBB125_20:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 8
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	pop	rbp
	ret
.LBB125_21:
	mov	rdi, rbx
	mov	esi, r14d
	mov	rdx, r12
	mov	rcx, rax
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::exit_after_unusual_call::h9c7f0da76b16e13b@GOTPCREL]
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB125_20
.LBB125_8:
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
	je	.LBB125_20
	mov	r14, qword ptr [r15 + 72]
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB125_11
	jmp	.LBB125_19
.LBB125_22:
	lea	rdi, [rip + .Lanon.210649de1ffa9c416df28f1e4c28abcb.12]
	lea	rdx, [rip + .Lanon.210649de1ffa9c416df28f1e4c28abcb.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
