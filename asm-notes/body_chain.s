deferrt_benches::body_chain::h29f26783d0e05d29:
.Lfunc_begin107:
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	mov	r12, qword ptr [rdi]
	mov	r14, qword ptr [r12 + 72]
	cmp	r14d, 2147483646
	ja	.LBB107_40
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r12 + 72], r14
	mov	r15, qword ptr [r12 + 24]
	mov	rcx, qword ptr [r12 + 40]
	lea	rax, [rcx + 32]
	cmp	rax, qword ptr [r12 + 48]
	jbe	.LBB107_10
	mov	rax, qword ptr [rbx + 8]
	cmp	qword ptr [r12 + 64], 0
	jne	.LBB107_39
	mov	rdi, qword ptr [r12 + 56]
	lea	r8, [rdi - 16]
	mov	rdx, qword ptr [rax + 32]
	mov	qword ptr [rax + 32], 0
	cmp	rdx, r8
	je	.LBB107_8
	test	rdx, rdx
	jne	.LBB107_7
	mov	rdx, qword ptr [rax + 8]
	test	rdx, rdx
	je	.LBB107_39
	mov	rcx, qword ptr [rdx + 16]
	mov	qword ptr [rax + 8], rcx
	dec	qword ptr [rax + 16]
.LBB107_7:
	lea	rcx, [rdx + 16]
	mov	qword ptr [r12 + 56], rcx
	add	rdx, 2048
	mov	qword ptr [r12 + 48], rdx
	jmp	.LBB107_9
.LBB107_8:
	add	rdi, 2032
	mov	qword ptr [r12 + 48], rdi
.LBB107_9:
	mov	qword ptr [r12 + 64], 2048
.LBB107_10:
	mov	rax, r14
.LBB107_11:
	mov	qword ptr [rcx], rsi
	mov	eax, eax
	movabs	rdx, -137438953472
	or	rdx, rax
	lea	rax, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.55]
	mov	qword ptr [rcx + 16], rax
	mov	qword ptr [rcx + 24], rdx
	add	rcx, 32
	mov	qword ptr [r12 + 40], rcx
	mov	r13, qword ptr [rbx]
	cmp	r15, qword ptr [r13 + 24]
	jne	.LBB107_28
	mov	r12, r14
	cmp	r14, qword ptr [r13 + 72]
	jne	.LBB107_28
	mov	rcx, qword ptr [r13 + 40]
	cmp	dword ptr [rcx - 8], r14d
	jne	.LBB107_30
.LBB107_14:
	inc	r12
	mov	qword ptr [r13 + 72], r12
	mov	r15, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB107_15:
	mov	rsi, qword ptr [rcx - 16]
	mov	rdi, rbx
	mov	rdx, r12
	call	qword ptr [rsi + 8]
	test	rax, rax
	jne	.LBB107_19
	mov	rdx, qword ptr [rbx]
	cmp	qword ptr [rdx + 72], r12
	jne	.LBB107_19
	mov	rcx, qword ptr [rdx + 40]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB107_15
	jb	.LBB107_21
.LBB107_19:
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, rax
	call	r15
	mov	rdx, qword ptr [rbx]
	test	rax, rax
	jne	.LBB107_42
	mov	rcx, qword ptr [rdx + 40]
	mov	r12, qword ptr [rdx + 72]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB107_15
.LBB107_21:
	add	r12, -2
	mov	qword ptr [rdx + 72], r12
	mov	eax, 1
	cmp	r14d, 1
	jne	.LBB107_38
	mov	r8, qword ptr [rdx + 56]
	cmp	rcx, r8
	jne	.LBB107_38
	cmp	qword ptr [rdx + 64], 2048
	jne	.LBB107_38
	mov	rdi, qword ptr [rbx + 8]
	mov	qword ptr [rdx + 64], 0
	mov	qword ptr [rdx + 48], rcx
	lea	rsi, [r8 - 16]
	cmp	qword ptr [rdi + 32], 0
	je	.LBB107_37
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB107_41
	mov	rdx, qword ptr [rdi + 8]
	mov	qword ptr [r8], rdx
	jmp	.LBB107_36
.LBB107_28:
	lea	rcx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.30]
	lea	r9, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r15
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB107_38
	mov	r12, qword ptr [r13 + 72]
	mov	rcx, qword ptr [r13 + 40]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB107_14
.LBB107_30:
	dec	r12
	mov	qword ptr [r13 + 72], r12
	mov	eax, 1
	cmp	r14d, 1
	jne	.LBB107_38
	mov	rdx, qword ptr [r13 + 56]
	cmp	rcx, rdx
	jne	.LBB107_38
	cmp	qword ptr [r13 + 64], 2048
	jne	.LBB107_38
	mov	rdi, qword ptr [rbx + 8]
	mov	qword ptr [r13 + 64], 0
	mov	qword ptr [r13 + 48], rcx
	lea	rsi, [rdx - 16]
	cmp	qword ptr [rdi + 32], 0
	je	.LBB107_37
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB107_41
	mov	r8, qword ptr [rdi + 8]
	mov	qword ptr [rdx], r8
.LBB107_36:
	mov	qword ptr [rdi + 8], rsi
	inc	rcx
	mov	qword ptr [rdi + 16], rcx
	jmp	.LBB107_38
.LBB107_37:
	mov	qword ptr [rdi + 32], rsi
.LBB107_38:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	ret
.LBB107_39:
	mov	edx, 32
	mov	rdi, r12
	mov	r13, rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h70f990ff8985122d@GOTPCREL]
	mov	rsi, r13
	mov	rcx, qword ptr [r12 + 40]
	mov	eax, dword ptr [r12 + 72]
	jmp	.LBB107_11
.LBB107_40:
	lea	rdi, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.12]
	lea	rdx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB107_41:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::h0209b5559aae7846@GOTPCREL]
	mov	eax, 1
	jmp	.LBB107_38
.LBB107_42:
	dec	qword ptr [rdx + 72]
	mov	rdi, rbx
	mov	esi, r14d
	call	deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame_and_leave::h61505acde5c9314d
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB107_38
