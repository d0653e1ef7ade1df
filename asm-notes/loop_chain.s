deferrt_benches::loop_chain::h27e57c4e12f9f274:
.Lfunc_begin54:
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
	je	.LBB54_7
	mov	qword ptr [rsp + 16], r12
	mov	r14, qword ptr [rbx + 8]
	xor	r15d, r15d
	lea	r12, [rip + .Lanon.0f1e9fd26b163eff9ed74dc4e10a3ae4.26]
.LBB54_2:
	mov	rax, qword ptr [r14 + 256]
	test	rax, rax
	je	.LBB54_3
	lea	rcx, [rax - 1]
	mov	qword ptr [r14 + 256], rcx
	mov	rax, qword ptr [r14 + 8*rax - 8]
.LBB54_18:
	mov	qword ptr [rax + 32], r15
	inc	r15
	mov	rcx, qword ptr [r13 + 8]
	mov	edx, dword ptr [r13 + 80]
	mov	qword ptr [rax], rcx
	mov	qword ptr [rax + 8], r12
	mov	dword ptr [rax + 16], edx
	mov	qword ptr [r13 + 8], rax
	cmp	rsi, r15
	jne	.LBB54_2
	jmp	.LBB54_4
.LBB54_3:
	mov	rdi, r14
	mov	qword ptr [rsp + 8], rsi
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h761b9364d634c8fc@GOTPCREL]
	mov	rsi, qword ptr [rsp + 8]
	jmp	.LBB54_18
.LBB54_4:
	cmp	dword ptr [r13 + 80], ebp
	mov	r12, qword ptr [rsp + 16]
	jne	.LBB54_5
.LBB54_7:
	mov	rdi, qword ptr [r13 + 8]
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	jne	.LBB54_15
.LBB54_8:
	lea	r15d, [r12 + 2]
	mov	dword ptr [r13 + 80], r15d
.LBB54_9:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r13 + 8], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	mov	rcx, qword ptr [rbx]
	mov	dword ptr [rcx + 80], r15d
	test	al, al
	jne	.LBB54_12
	mov	r13, qword ptr [rbx]
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB54_9
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
	je	.LBB54_9
	jmp	.LBB54_15
.LBB54_5:
	mov	r14d, 1
	jb	.LBB54_16
	mov	rdi, rbx
	mov	esi, ebp
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::realign::h40d5a5dd5a20add9@GOTPCREL]
	mov	rdi, qword ptr [r13 + 8]
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB54_8
.LBB54_15:
	mov	dword ptr [r13 + 80], r12d
.LBB54_16:
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
