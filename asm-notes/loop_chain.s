deferrt_benches::loop_chain::h27e57c4e12f9f274:
.Lfunc_begin55:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	sub	rsp, 24
	mov	rbx, rdi
	mov	r13, qword ptr [rdi]
	mov	r12d, dword ptr [r13 + 80]
	lea	ebp, [r12 + 1]
	mov	dword ptr [r13 + 80], ebp
	test	rsi, rsi
	je	.LBB55_7
	mov	qword ptr [rsp + 16], r12
	mov	r14, qword ptr [rbx + 8]
	xor	r15d, r15d
	lea	r12, [rip + .Lanon.fb844430ee50a95899b15ae4cc420462.23]
.LBB55_2:
	mov	rax, qword ptr [r14 + 256]
	test	rax, rax
	je	.LBB55_3
	lea	rcx, [rax - 1]
	mov	qword ptr [r14 + 256], rcx
	mov	rax, qword ptr [r14 + 8*rax - 8]
.LBB55_19:
	mov	qword ptr [rax + 32], r15
	inc	r15
	mov	rcx, qword ptr [r13 + 8]
	mov	qword ptr [rax], rcx
	mov	qword ptr [rax + 8], r12
	mov	dword ptr [rax + 16], ebp
	mov	qword ptr [r13 + 8], rax
	cmp	rsi, r15
	jne	.LBB55_2
	jmp	.LBB55_4
.LBB55_3:
	mov	rdi, r14
	mov	qword ptr [rsp + 8], rsi
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h761b9364d634c8fc@GOTPCREL]
	mov	rsi, qword ptr [rsp + 8]
	jmp	.LBB55_19
.LBB55_4:
	cmp	dword ptr [r13 + 80], ebp
	mov	r12, qword ptr [rsp + 16]
	jne	.LBB55_5
.LBB55_7:
	mov	rdi, qword ptr [r13 + 8]
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	jne	.LBB55_16
.LBB55_8:
	lea	r15d, [r12 + 2]
	mov	dword ptr [r13 + 80], r15d
.LBB55_9:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r13 + 8], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	al, al
	jne	.LBB55_13
	mov	r13, qword ptr [rbx]
	cmp	dword ptr [r13 + 80], r15d
	jne	.LBB55_13
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB55_9
	jb	.LBB55_16
.LBB55_13:
	movzx	edx, al
	mov	rdi, rbx
	mov	esi, r15d
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::after_call_cold::h61b0b8894cdfc62d@GOTPCREL]
	mov	r13, qword ptr [rbx]
	test	al, al
	jne	.LBB55_15
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB55_9
	jmp	.LBB55_16
.LBB55_5:
	mov	r14d, 1
	jb	.LBB55_17
	mov	rdi, rbx
	mov	esi, ebp
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::realign::h40d5a5dd5a20add9@GOTPCREL]
	mov	rdi, qword ptr [r13 + 8]
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB55_8
.LBB55_16:
	mov	dword ptr [r13 + 80], r12d
.LBB55_17:
	mov	rax, qword ptr [rbx + 16]
	add	r14, qword ptr [rax]
	mov	rax, r14
	add	rsp, 24
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	pop	rbp
	ret
.LBB55_15:
	mov	dword ptr [r13 + 80], ebp
	mov	rdi, rbx
	mov	esi, ebp
	mov	edx, 1
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::finish::hb8c49f24240315e0@GOTPCREL]
	mov	r13, qword ptr [rbx]
	xor	al, 1
	movzx	r14d, al
	jmp	.LBB55_16
