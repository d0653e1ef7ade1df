deferrt_benches::loop_chain::h430f8dc7fd9cada9:
.Lfunc_begin65:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	sub	rsp, 24
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 48]
	cmp	r14d, 2147483646
	ja	.LBB65_25
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 48], r14
	mov	rdx, qword ptr [r15 + 24]
	test	rsi, rsi
	je	.LBB65_8
	mov	r13, qword ptr [rbx + 8]
	xor	ebp, ebp
	lea	r12, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.50]
.LBB65_3:
	mov	rax, qword ptr [r13 + 8]
	test	rax, rax
	je	.LBB65_6
	mov	rcx, qword ptr [rax]
	mov	qword ptr [r13 + 8], rcx
	dec	qword ptr [r13 + 16]
.LBB65_5:
	mov	qword ptr [rax + 32], rbp
	inc	rbp
	mov	rcx, qword ptr [r15 + 40]
	mov	qword ptr [rax], rcx
	mov	qword ptr [rax + 8], r12
	mov	dword ptr [rax + 16], r14d
	mov	qword ptr [r15 + 40], rax
	cmp	rsi, rbp
	jne	.LBB65_3
	jmp	.LBB65_7
.LBB65_6:
	mov	rdi, r13
	mov	qword ptr [rsp + 16], rsi
	xor	esi, esi
	mov	qword ptr [rsp + 8], rdx
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h0c2f49824f7ce294@GOTPCREL]
	mov	rdx, qword ptr [rsp + 8]
	mov	rsi, qword ptr [rsp + 16]
	jmp	.LBB65_5
.LBB65_7:
	cmp	rdx, qword ptr [r15 + 24]
	jne	.LBB65_22
.LBB65_8:
	cmp	r14, qword ptr [r15 + 48]
	jne	.LBB65_22
.LBB65_9:
	mov	rdi, qword ptr [r15 + 40]
	mov	r12, qword ptr [r15 + 48]
	cmp	dword ptr [rdi + 16], r14d
	jne	.LBB65_18
	inc	r12
	mov	qword ptr [r15 + 48], r12
	mov	r13, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h79e64bf38a90b48a@GOTPCREL]
.LBB65_11:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r15 + 40], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	jne	.LBB65_15
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 48], r12
	jne	.LBB65_15
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi + 16], r14d
	je	.LBB65_11
	jb	.LBB65_19
.LBB65_15:
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, rax
	call	r13
	mov	r15, qword ptr [rbx]
	test	rax, rax
	jne	.LBB65_26
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi + 16], r14d
	je	.LBB65_11
	mov	r12, qword ptr [r15 + 48]
.LBB65_19:
	add	r12, -2
	jmp	.LBB65_20
.LBB65_18:
	dec	r12
.LBB65_20:
	mov	qword ptr [r15 + 48], r12
	mov	eax, 1
.LBB65_21:
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
.LBB65_22:
	lea	rax, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.25]
	lea	rcx, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.24]
	lea	r9, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.22]
	mov	r8d, 5
	mov	rdi, r15
	mov	rsi, rdx
	mov	rdx, r14
	push	rax
	push	4
	call	qword ptr [rip + deferrt_core::task::Task<E,P,M>::frame_state::h344310e753835d44@GOTPCREL]
	add	rsp, 16
	mov	ecx, eax
	mov	eax, 1
	cmp	cl, 2
	je	.LBB65_21
	movzx	eax, cl
	test	eax, eax
	jne	.LBB65_27
	lea	esi, [r14 - 1]
	mov	rdi, r15
	call	deferrt_core::task::Task<E,P,M>::abandon_below::h9b7b250a23caa1f1
	jmp	.LBB65_9
.LBB65_25:
	lea	rdi, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.10]
	lea	rdx, [rip + .Lanon.9f20a9ab1c0099d380aa4987e92b20af.12]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB65_26:
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
	jmp	.LBB65_21
.LBB65_27:
	mov	rdi, rbx
	mov	esi, r14d
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::discard_abandoned::h9c59dd971903ecd9@GOTPCREL]
	jmp	.LBB65_9
