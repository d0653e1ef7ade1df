deferrt_benches::body_chain::hedee582c83453cef:
.Lfunc_begin27:
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
	je	.LBB27_1
	lea	rcx, [rax - 1]
	mov	qword ptr [rdi + 256], rcx
	mov	rdi, qword ptr [rdi + 8*rax - 8]
.LBB27_3:
	mov	qword ptr [rdi + 32], rsi
	mov	rax, qword ptr [r13 + 8]
	mov	ecx, dword ptr [r13 + 80]
	mov	qword ptr [rdi], rax
	lea	rax, [rip + .Lanon.cef62c40c82579ea54c986eca0291d7a.15]
	mov	qword ptr [rdi + 8], rax
	mov	dword ptr [rdi + 16], ecx
	mov	qword ptr [r13 + 8], rdi
	cmp	dword ptr [r13 + 80], ebp
	jne	.LBB27_4
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	jne	.LBB27_14
.LBB27_7:
	lea	r15d, [r12 + 2]
	mov	dword ptr [r13 + 80], r15d
.LBB27_8:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r13 + 8], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	mov	rcx, qword ptr [rbx]
	mov	dword ptr [rcx + 80], r15d
	test	al, al
	jne	.LBB27_11
	mov	r13, qword ptr [rbx]
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB27_8
	jb	.LBB27_14
.LBB27_11:
	movzx	edx, al
	mov	rdi, rbx
	mov	esi, r15d
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::after_call_cold::ha2cf260fd4e42119@GOTPCREL]
	mov	r13, qword ptr [rbx]
	test	al, al
	jne	.LBB27_13
	mov	rdi, qword ptr [r13 + 8]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB27_8
	jmp	.LBB27_14
.LBB27_4:
	mov	r14d, 1
	jb	.LBB27_15
	mov	rdi, rbx
	mov	esi, ebp
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::realign::hdcdc44a8078937c5@GOTPCREL]
	mov	rdi, qword ptr [r13 + 8]
	mov	r14d, 1
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB27_7
.LBB27_14:
	mov	dword ptr [r13 + 80], r12d
.LBB27_15:
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
.LBB27_1:
	mov	r14, rsi
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h761b9364d634c8fc@GOTPCREL]
	mov	rsi, r14
	mov	rdi, rax
	jmp	.LBB27_3
.LBB27_13:
	mov	dword ptr [r13 + 80], ebp
	mov	rdi, rbx
	mov	esi, ebp
	mov	edx, 1
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::task::Cx<E,P,M>::finish::h8d2545f63885d2de@GOTPCREL]
	mov	r13, qword ptr [rbx]
	xor	al, 1
	movzx	r14d, al
	jmp	.LBB27_14
