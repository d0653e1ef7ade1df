deferrt_benches::loop_chain::h5d5908d084947322:
.Lfunc_begin108:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	sub	rsp, 24
	mov	r12, qword ptr [rdi]
	mov	r14, qword ptr [r12 + 72]
	cmp	r14d, 2147483646
	ja	.LBB108_43
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r12 + 72], r14
	mov	r10, qword ptr [r12 + 24]
	test	rsi, rsi
	je	.LBB108_30
	xor	r13d, r13d
	movabs	rbp, -137438953472
	lea	r15, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.47]
	jmp	.LBB108_7
.LBB108_3:
	mov	rcx, qword ptr [rdx + 16]
	mov	qword ptr [rax + 8], rcx
	dec	qword ptr [rax + 16]
.LBB108_4:
	lea	rcx, [rdx + 16]
	mov	qword ptr [r12 + 56], rcx
	add	rdx, 2048
	mov	qword ptr [r12 + 48], rdx
.LBB108_5:
	mov	qword ptr [r12 + 64], 2048
.LBB108_6:
	mov	eax, dword ptr [r12 + 72]
	or	rax, rbp
	mov	qword ptr [rcx], r13
	inc	r13
	mov	qword ptr [rcx + 16], r15
	mov	qword ptr [rcx + 24], rax
	add	rcx, 32
	mov	qword ptr [r12 + 40], rcx
	cmp	rsi, r13
	je	.LBB108_14
.LBB108_7:
	mov	r12, qword ptr [rbx]
	mov	rcx, qword ptr [r12 + 40]
	lea	rax, [rcx + 32]
	cmp	rax, qword ptr [r12 + 48]
	jbe	.LBB108_6
	mov	rax, qword ptr [rbx + 8]
	cmp	qword ptr [r12 + 64], 0
	jne	.LBB108_12
	mov	rdi, qword ptr [r12 + 56]
	lea	r8, [rdi - 16]
	mov	rdx, qword ptr [rax + 32]
	mov	qword ptr [rax + 32], 0
	cmp	rdx, r8
	je	.LBB108_13
	test	rdx, rdx
	jne	.LBB108_4
	mov	rdx, qword ptr [rax + 8]
	test	rdx, rdx
	jne	.LBB108_3
.LBB108_12:
	mov	edx, 32
	mov	rdi, r12
	mov	qword ptr [rsp + 16], rsi
	mov	rsi, rax
	mov	qword ptr [rsp + 8], r10
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h70f990ff8985122d@GOTPCREL]
	mov	r10, qword ptr [rsp + 8]
	mov	rsi, qword ptr [rsp + 16]
	mov	rcx, qword ptr [r12 + 40]
	jmp	.LBB108_6
.LBB108_13:
	add	rdi, 2032
	mov	qword ptr [r12 + 48], rdi
	jmp	.LBB108_5
.LBB108_14:
	mov	r12, qword ptr [rbx]
	mov	ebp, r14d
	cmp	r10, qword ptr [r12 + 24]
	jne	.LBB108_31
	cmp	r14, qword ptr [r12 + 72]
	jne	.LBB108_31
.LBB108_16:
	mov	rcx, qword ptr [r12 + 40]
	cmp	ebp, dword ptr [rcx - 8]
	jne	.LBB108_33
.LBB108_17:
	inc	r14
	mov	qword ptr [r12 + 72], r14
	mov	r15, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB108_18:
	mov	rsi, qword ptr [rcx - 16]
	mov	rdi, rbx
	mov	rdx, r14
	call	qword ptr [rsi + 8]
	test	rax, rax
	jne	.LBB108_22
	mov	rdx, qword ptr [rbx]
	cmp	qword ptr [rdx + 72], r14
	jne	.LBB108_22
	mov	rcx, qword ptr [rdx + 40]
	cmp	ebp, dword ptr [rcx - 8]
	je	.LBB108_18
	ja	.LBB108_24
.LBB108_22:
	mov	rdi, rbx
	mov	rsi, r14
	mov	rdx, rax
	call	r15
	mov	rdx, qword ptr [rbx]
	test	rax, rax
	jne	.LBB108_45
	mov	rcx, qword ptr [rdx + 40]
	mov	r14, qword ptr [rdx + 72]
	cmp	ebp, dword ptr [rcx - 8]
	je	.LBB108_18
.LBB108_24:
	add	r14, -2
	mov	qword ptr [rdx + 72], r14
	mov	eax, 1
	cmp	ebp, 1
	jne	.LBB108_42
	mov	r8, qword ptr [rdx + 56]
	cmp	rcx, r8
	jne	.LBB108_42
	cmp	qword ptr [rdx + 64], 2048
	jne	.LBB108_42
	mov	rdi, qword ptr [rbx + 8]
	mov	qword ptr [rdx + 64], 0
	mov	qword ptr [rdx + 48], rcx
	lea	rsi, [r8 - 16]
	cmp	qword ptr [rdi + 32], 0
	je	.LBB108_41
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB108_44
	mov	rdx, qword ptr [rdi + 8]
	mov	qword ptr [r8], rdx
	jmp	.LBB108_39
.LBB108_30:
	mov	ebp, r14d
	cmp	r14, qword ptr [r12 + 72]
	je	.LBB108_16
.LBB108_31:
	lea	rcx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.30]
	lea	r9, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r10
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB108_42
	mov	r14, qword ptr [r12 + 72]
	mov	rcx, qword ptr [r12 + 40]
	cmp	ebp, dword ptr [rcx - 8]
	je	.LBB108_17
.LBB108_33:
	dec	r14
	mov	qword ptr [r12 + 72], r14
	mov	eax, 1
	cmp	ebp, 1
	jne	.LBB108_42
	mov	rdx, qword ptr [r12 + 56]
	cmp	rcx, rdx
	jne	.LBB108_42
	cmp	qword ptr [r12 + 64], 2048
	jne	.LBB108_42
	mov	rdi, qword ptr [rbx + 8]
	mov	qword ptr [r12 + 64], 0
	mov	qword ptr [r12 + 48], rcx
	lea	rsi, [rdx - 16]
	cmp	qword ptr [rdi + 32], 0
	je	.LBB108_41
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB108_44
	mov	r8, qword ptr [rdi + 8]
	mov	qword ptr [rdx], r8
.LBB108_39:
	mov	qword ptr [rdi + 8], rsi
	inc	rcx
	mov	qword ptr [rdi + 16], rcx
	jmp	.LBB108_42
.LBB108_41:
	mov	qword ptr [rdi + 32], rsi
.LBB108_42:
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
.LBB108_43:
	lea	rdi, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.12]
	lea	rdx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB108_44:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::h0209b5559aae7846@GOTPCREL]
	mov	eax, 1
	jmp	.LBB108_42
.LBB108_45:
	dec	qword ptr [rdx + 72]
	mov	rdi, rbx
	mov	esi, ebp
	call	deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame_and_leave::h61505acde5c9314d
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB108_42
