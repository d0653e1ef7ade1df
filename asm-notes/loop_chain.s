deferrt_benches::loop_chain::hb774cbce9208894f:
.Lfunc_begin153:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	sub	rsp, 24
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB153_5
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r12, qword ptr [r15 + 24]
	test	rsi, rsi
	je	.LBB153_7
	mov	r8, qword ptr [rbx + 8]
	mov	rcx, qword ptr [r15 + 40]
	xor	ebp, ebp
	lea	r13, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.64]
.LBB153_3:
	lea	rax, [rcx + 32]
	cmp	rax, qword ptr [r15 + 48]
	ja	.LBB153_4
	mov	rdx, qword ptr [r15 + 72]
	mov	qword ptr [rcx], rbp
	mov	qword ptr [rcx + 16], r13
	mov	qword ptr [rcx + 24], rdx
.LBB153_22:
	inc	rbp
	mov	qword ptr [r15 + 40], rax
	mov	rcx, rax
	cmp	rsi, rbp
	jne	.LBB153_3
	jmp	.LBB153_6
.LBB153_4:
	mov	rdi, r15
	mov	qword ptr [rsp + 16], rsi
	mov	rsi, r8
	mov	rdx, rbp
	mov	qword ptr [rsp + 8], r8
	call	qword ptr [rip + deferrt_core::task::vtable::push_after_grow::ha8a84c20f9a32658@GOTPCREL]
	mov	r8, qword ptr [rsp + 8]
	mov	rsi, qword ptr [rsp + 16]
	jmp	.LBB153_22
.LBB153_6:
	cmp	r12, qword ptr [r15 + 24]
	jne	.LBB153_8
.LBB153_7:
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB153_8
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi - 8], r14d
	jne	.LBB153_19
.LBB153_11:
	lea	r12, [r14 + 1]
	mov	qword ptr [r15 + 72], r12
.LBB153_12:
	mov	rax, qword ptr [rdi - 16]
	mov	rcx, qword ptr [rax]
	cmp	qword ptr [rdi + rcx - 16], rax
	je	.LBB153_14
	add	rdi, rcx
	mov	qword ptr [r15 + 40], rdi
	mov	rsi, rbx
	call	qword ptr [rax + 8]
	test	rax, rax
	je	.LBB153_16
	jmp	.LBB153_23
.LBB153_14:
	mov	rdi, rbx
	mov	rsi, rax
	mov	rdx, r12
	call	qword ptr [rax + 16]
	test	rax, rax
	jne	.LBB153_23
.LBB153_16:
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 72], r12
	jne	.LBB153_23
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB153_12
	jae	.LBB153_23
.LBB153_19:
	dec	r14
	mov	qword ptr [r15 + 72], r14
	mov	eax, 1
.LBB153_20:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 24
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	pop	rbp
	ret
.LBB153_23:
	mov	rdi, rbx
	mov	esi, r14d
	mov	rdx, r12
	mov	rcx, rax
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::exit_after_unusual_call::hadb2a219e216d69a@GOTPCREL]
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB153_20
.LBB153_8:
	lea	rcx, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.31]
	lea	r9, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.33]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::h2dcb05b75e0d3b25@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB153_20
	mov	r14, qword ptr [r15 + 72]
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB153_11
	jmp	.LBB153_19
.LBB153_5:
	lea	rdi, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.12]
	lea	rdx, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
