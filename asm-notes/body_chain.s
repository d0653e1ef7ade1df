deferrt_benches::body_chain::hf9942454efe68e4b:
.Lfunc_begin54:
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
	je	.LBB54_1
	lea	rcx, [rax - 1]
	mov	qword ptr [rdi + 256], rcx
	mov	rdi, qword ptr [rdi + 8*rax - 8]
.LBB54_3:
	mov	qword ptr [rdi + 32], rsi
	mov	rax, qword ptr [r13 + 8]
	mov	qword ptr [rdi], rax
	lea	rax, [rip + .Lanon.fb844430ee50a95899b15ae4cc420462.29]
	mov	qword ptr [rdi + 8], rax
	mov	dword ptr [rdi + 16], ebp
	mov	qword ptr [r13 + 8], rdi
	cmp	dword ptr [r13 + 80], ebp
	jne	.LBB54_4
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	jne	.LBB54_15
.LBB54_7:
	lea	r15d, [r12 + 2]
	mov	dword ptr [r13 + 80], r15d
.LBB54_8:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r13 + 8], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	al, al
	jne	.LBB54_12
	mov	r13, qword ptr [rbx]
	cmp	dword ptr [r13 + 80], r15d
	jne	.LBB54_12
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB54_8
	jb	.LBB54_15
.LBB54_12:
	movzx	edx, al
	mov	rdi, rbx
	mov	esi, r15d
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::after_call_cold::h61b0b8894cdfc62d@GOTPCREL]
	mov	r13, qword ptr [rbx]
	test	al, al
	jne	.LBB54_14
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB54_8
	jmp	.LBB54_15
.LBB54_4:
	mov	r14d, 1
	jb	.LBB54_16
	mov	rdi, rbx
	mov	esi, ebp
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::realign::h40d5a5dd5a20add9@GOTPCREL]
	mov	rdi, qword ptr [r13 + 8]
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB54_7
.LBB54_15:
	mov	dword ptr [r13 + 80], r12d
.LBB54_16:
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
.LBB54_1:
	mov	r14, rsi
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h761b9364d634c8fc@GOTPCREL]
	mov	rsi, r14
	mov	rdi, rax
	jmp	.LBB54_3
.LBB54_14:
	mov	dword ptr [r13 + 80], ebp
	mov	rdi, rbx
	mov	esi, ebp
	mov	edx, 1
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::finish::hb8c49f24240315e0@GOTPCREL]
	mov	r13, qword ptr [rbx]
	xor	al, 1
	movzx	r14d, al
	jmp	.LBB54_15
