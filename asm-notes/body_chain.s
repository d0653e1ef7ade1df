deferrt_benches::body_chain::h8f4dffcd48514431:
.Lfunc_begin64:
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 48]
	cmp	r14d, 2147483646
	ja	.LBB64_21
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 48], r14
	mov	r12, qword ptr [r15 + 24]
	mov	rdi, qword ptr [rdi + 8]
	mov	rax, qword ptr [rdi + 8]
	test	rax, rax
	je	.LBB64_22
	mov	rcx, qword ptr [rax]
	mov	qword ptr [rdi + 8], rcx
	dec	qword ptr [rdi + 16]
.LBB64_3:
	mov	qword ptr [rax + 32], rsi
	mov	rcx, qword ptr [r15 + 40]
	mov	qword ptr [rax], rcx
	lea	rcx, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.39]
	mov	qword ptr [rax + 8], rcx
	mov	dword ptr [rax + 16], r14d
	mov	qword ptr [r15 + 40], rax
	cmp	r12, qword ptr [r15 + 24]
	jne	.LBB64_18
	cmp	r14, qword ptr [r15 + 48]
	jne	.LBB64_18
.LBB64_5:
	mov	rdi, qword ptr [r15 + 40]
	mov	r12, qword ptr [r15 + 48]
	cmp	dword ptr [rdi + 16], r14d
	jne	.LBB64_14
	inc	r12
	mov	qword ptr [r15 + 48], r12
	mov	r13, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h79e64bf38a90b48a@GOTPCREL]
.LBB64_7:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r15 + 40], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	jne	.LBB64_11
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 48], r12
	jne	.LBB64_11
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi + 16], r14d
	je	.LBB64_7
	jb	.LBB64_15
.LBB64_11:
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, rax
	call	r13
	mov	r15, qword ptr [rbx]
	test	rax, rax
	jne	.LBB64_23
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi + 16], r14d
	je	.LBB64_7
	mov	r12, qword ptr [r15 + 48]
.LBB64_15:
	add	r12, -2
	jmp	.LBB64_16
.LBB64_14:
	dec	r12
.LBB64_16:
	mov	qword ptr [r15 + 48], r12
	mov	eax, 1
.LBB64_17:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	ret
.LBB64_18:
	lea	rax, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.25]
	lea	rcx, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.24]
	lea	r9, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.22]
	mov	r8d, 5
	mov	rdi, r15
	mov	rsi, r12
	mov	rdx, r14
	push	rax
	push	4
	call	qword ptr [rip + deferrt_core::task::Task<E,P,M>::frame_state::h344310e753835d44@GOTPCREL]
	add	rsp, 16
	mov	ecx, eax
	mov	eax, 1
	cmp	cl, 2
	je	.LBB64_17
	movzx	eax, cl
	test	eax, eax
	jne	.LBB64_24
	lea	esi, [r14 - 1]
	mov	rdi, r15
	call	deferrt_core::task::Task<E,P,M>::abandon_below::h9b7b250a23caa1f1
	jmp	.LBB64_5
.LBB64_21:
	lea	rdi, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.10]
	lea	rdx, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.12]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB64_22:
	mov	r13, rsi
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h0c2f49824f7ce294@GOTPCREL]
	mov	rsi, r13
	jmp	.LBB64_3
.LBB64_23:
	dec	qword ptr [r15 + 48]
	mov	rdi, rbx
	mov	esi, r14d
	mov	edx, 1
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame::ha96ecb55d4a293c5@GOTPCREL]
	mov	rcx, qword ptr [rbx]
	dec	qword ptr [rcx + 48]
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB64_17
.LBB64_24:
	mov	rdi, rbx
	mov	esi, r14d
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::discard_abandoned::h9c59dd971903ecd9@GOTPCREL]
	jmp	.LBB64_5
