deferrt_benches::body_chain::hf9942454efe68e4b:
.Lfunc_begin53:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	push	rax
	mov	rbx, rdi
	mov	r13, qword ptr [rdi]
	mov	r12d, dword ptr [r13 + 80]
	lea	ebp, [r12 + 1]
	mov	dword ptr [r13 + 80], ebp
	mov	rdi, qword ptr [rdi + 8]
	mov	rax, qword ptr [rdi + 256]
	test	rax, rax
	je	.LBB53_1
	lea	rcx, [rax - 1]
	mov	qword ptr [rdi + 256], rcx
	mov	rdi, qword ptr [rdi + 8*rax - 8]
.LBB53_3:
	mov	qword ptr [rdi + 32], rsi
	mov	rax, qword ptr [r13 + 8]
	mov	ecx, dword ptr [r13 + 80]
	mov	qword ptr [rdi], rax
	lea	rax, [rip + .Lanon.0f1e9fd26b163eff9ed74dc4e10a3ae4.14]
	mov	qword ptr [rdi + 8], rax
	mov	dword ptr [rdi + 16], ecx
	mov	qword ptr [r13 + 8], rdi
	cmp	dword ptr [r13 + 80], ebp
	jne	.LBB53_4
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	jne	.LBB53_14
.LBB53_7:
	lea	r15d, [r12 + 2]
	mov	dword ptr [r13 + 80], r15d
.LBB53_8:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r13 + 8], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	mov	rcx, qword ptr [rbx]
	mov	dword ptr [rcx + 80], r15d
	test	al, al
	jne	.LBB53_11
	mov	r13, qword ptr [rbx]
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB53_8
	jb	.LBB53_14
.LBB53_11:
	movzx	edx, al
	mov	rdi, rbx
	mov	esi, r15d
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::after_call_cold::h61b0b8894cdfc62d@GOTPCREL]
	mov	r13, qword ptr [rbx]
	test	al, al
	jne	.LBB53_13
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB53_8
	jmp	.LBB53_14
.LBB53_4:
	mov	r14d, 1
	jb	.LBB53_15
	mov	rdi, rbx
	mov	esi, ebp
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::realign::h40d5a5dd5a20add9@GOTPCREL]
	mov	rdi, qword ptr [r13 + 8]
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB53_7
.LBB53_14:
	mov	dword ptr [r13 + 80], r12d
.LBB53_15:
	mov	rax, qword ptr [rbx + 16]
	add	r14, qword ptr [rax]
	mov	rax, r14
	add	rsp, 8
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	pop	rbp
	ret
.LBB53_1:
	mov	r14, rsi
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h761b9364d634c8fc@GOTPCREL]
	mov	rsi, r14
	mov	rdi, rax
	jmp	.LBB53_3
.LBB53_13:
	mov	dword ptr [r13 + 80], ebp
	mov	rdi, rbx
	mov	esi, ebp
	mov	edx, 1
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::finish::hb8c49f24240315e0@GOTPCREL]
	mov	r13, qword ptr [rbx]
	xor	al, 1
	movzx	r14d, al
	jmp	.LBB53_14
