deferrt_benches::body_chain::h29f26783d0e05d29:
.Lfunc_begin107:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	push	rax
	mov	r12, qword ptr [rdi]
	mov	r14, qword ptr [r12 + 72]
	cmp	r14d, 2147483646
	ja	.LBB107_37
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r12 + 72], r14
	mov	r13, qword ptr [r12 + 24]
	mov	rcx, qword ptr [r12 + 40]
	mov	r15, qword ptr [rdi + 8]
	lea	rax, [rcx + 32]
	cmp	rax, qword ptr [r12 + 48]
	jbe	.LBB107_6
	cmp	qword ptr [r12 + 64], 0
	jne	.LBB107_4
	mov	rax, qword ptr [r12 + 56]
	lea	rdx, [rax - 16]
	cmp	qword ptr [r15 + 32], rdx
	jne	.LBB107_4
	mov	qword ptr [r15 + 32], 0
	add	rax, 2032
	mov	qword ptr [r12 + 48], rax
	mov	qword ptr [r12 + 64], 2048
.LBB107_6:
	mov	rax, r14
.LBB107_7:
	mov	qword ptr [rcx], rsi
	mov	eax, eax
	movabs	rdx, -137438953472
	or	rdx, rax
	lea	rax, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.55]
	mov	qword ptr [rcx + 16], rax
	mov	qword ptr [rcx + 24], rdx
	add	rcx, 32
	mov	qword ptr [r12 + 40], rcx
	cmp	r13, qword ptr [r12 + 24]
	jne	.LBB107_9
	mov	rbp, r14
	cmp	r14, qword ptr [r12 + 72]
	jne	.LBB107_9
	cmp	dword ptr [rcx - 8], r14d
	jne	.LBB107_12
.LBB107_17:
	inc	rbp
	mov	qword ptr [r12 + 72], rbp
	mov	r15, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB107_18:
	mov	rsi, qword ptr [rcx - 16]
	mov	rdi, rbx
	mov	rdx, rbp
	call	qword ptr [rsi + 8]
	test	rax, rax
	jne	.LBB107_31
	mov	rdx, qword ptr [rbx]
	cmp	qword ptr [rdx + 72], rbp
	jne	.LBB107_31
	mov	rcx, qword ptr [rdx + 40]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB107_18
	jb	.LBB107_22
.LBB107_31:
	mov	rdi, rbx
	mov	rsi, rbp
	mov	rdx, rax
	call	r15
	mov	rdx, qword ptr [rbx]
	test	rax, rax
	jne	.LBB107_32
	mov	rcx, qword ptr [rdx + 40]
	mov	rbp, qword ptr [rdx + 72]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB107_18
.LBB107_22:
	add	rbp, -2
	mov	qword ptr [rdx + 72], rbp
	mov	eax, 1
	cmp	r14d, 1
	jne	.LBB107_36
	mov	r8, qword ptr [rdx + 56]
	cmp	rcx, r8
	jne	.LBB107_36
	cmp	qword ptr [rdx + 64], 2048
	jne	.LBB107_36
	mov	rdi, qword ptr [rbx + 8]
	mov	qword ptr [rdx + 64], 0
	mov	qword ptr [rdx + 48], rcx
	lea	rsi, [r8 - 16]
	cmp	qword ptr [rdi + 32], 0
	je	.LBB107_26
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB107_34
	mov	rdx, qword ptr [rdi + 8]
	mov	qword ptr [r8], rdx
	mov	qword ptr [rdi + 8], rsi
	inc	rcx
	mov	qword ptr [rdi + 16], rcx
	jmp	.LBB107_36
.LBB107_26:
	mov	qword ptr [rdi + 32], rsi
	jmp	.LBB107_36
.LBB107_9:
	lea	rcx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.30]
	lea	r9, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r13
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB107_36
	mov	rcx, qword ptr [r12 + 40]
	mov	rbp, qword ptr [r12 + 72]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB107_17
.LBB107_12:
	dec	rbp
	mov	qword ptr [r12 + 72], rbp
	mov	eax, 1
	cmp	r14d, 1
	jne	.LBB107_36
	mov	rdx, qword ptr [r12 + 56]
	cmp	rcx, rdx
	jne	.LBB107_36
	cmp	qword ptr [r12 + 64], 2048
	jne	.LBB107_36
	mov	qword ptr [r12 + 64], 0
	mov	qword ptr [r12 + 48], rcx
	lea	rsi, [rdx - 16]
	cmp	qword ptr [r15 + 32], 0
	je	.LBB107_16
	mov	rcx, qword ptr [r15 + 16]
	cmp	rcx, 8
	je	.LBB107_28
	mov	rdi, qword ptr [r15 + 8]
	mov	qword ptr [rdx], rdi
	mov	qword ptr [r15 + 8], rsi
	inc	rcx
	mov	qword ptr [r15 + 16], rcx
	jmp	.LBB107_36
.LBB107_16:
	mov	qword ptr [r15 + 32], rsi
.LBB107_36:
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
.LBB107_4:
	mov	edx, 32
	mov	rdi, r12
	mov	rbp, rsi
	mov	rsi, r15
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h70f990ff8985122d@GOTPCREL]
	mov	rsi, rbp
	mov	rcx, qword ptr [r12 + 40]
	mov	eax, dword ptr [r12 + 72]
	jmp	.LBB107_7
.LBB107_37:
	lea	rdi, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.12]
	lea	rdx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB107_28:
	mov	rdi, r15
.LBB107_34:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::h0209b5559aae7846@GOTPCREL]
	mov	eax, 1
	jmp	.LBB107_36
.LBB107_32:
	dec	qword ptr [rdx + 72]
	mov	rdi, rbx
	mov	esi, r14d
	call	deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame_and_leave::h61505acde5c9314d
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB107_36
