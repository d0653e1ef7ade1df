deferrt_benches::loop_chain::h5d5908d084947322:
.Lfunc_begin108:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	sub	rsp, 24
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB108_38
	mov	r12, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r10, qword ptr [r15 + 24]
	test	rsi, rsi
	je	.LBB108_3
	mov	qword ptr [rsp + 16], r12
	mov	r13, qword ptr [r12 + 8]
	mov	rax, qword ptr [r15 + 40]
	xor	ebp, ebp
	movabs	r12, -137438953472
	lea	rbx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.47]
	jmp	.LBB108_6
.LBB108_3:
	mov	ebp, r14d
	jmp	.LBB108_11
.LBB108_4:
	mov	edx, 32
	mov	rdi, r15
	mov	qword ptr [rsp + 8], rsi
	mov	rsi, r13
	mov	qword ptr [rsp], r10
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h70f990ff8985122d@GOTPCREL]
	mov	r10, qword ptr [rsp]
	mov	rsi, qword ptr [rsp + 8]
	mov	rax, qword ptr [r15 + 40]
.LBB108_5:
	mov	ecx, dword ptr [r15 + 72]
	or	rcx, r12
	mov	qword ptr [rax], rbp
	inc	rbp
	mov	qword ptr [rax + 16], rbx
	mov	qword ptr [rax + 24], rcx
	add	rax, 32
	mov	qword ptr [r15 + 40], rax
	cmp	rsi, rbp
	je	.LBB108_10
.LBB108_6:
	lea	rcx, [rax + 32]
	cmp	rcx, qword ptr [r15 + 48]
	jbe	.LBB108_5
	cmp	qword ptr [r15 + 64], 0
	jne	.LBB108_4
	mov	rcx, qword ptr [r15 + 56]
	lea	rdx, [rcx - 16]
	cmp	qword ptr [r13 + 32], rdx
	jne	.LBB108_4
	mov	qword ptr [r13 + 32], 0
	add	rcx, 2032
	mov	qword ptr [r15 + 48], rcx
	mov	qword ptr [r15 + 64], 2048
	jmp	.LBB108_5
.LBB108_10:
	mov	ebp, r14d
	cmp	r10, qword ptr [r15 + 24]
	mov	r12, qword ptr [rsp + 16]
	jne	.LBB108_27
.LBB108_11:
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB108_27
	mov	rcx, qword ptr [r15 + 40]
	cmp	ebp, dword ptr [rcx - 8]
	jne	.LBB108_29
.LBB108_13:
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	rbx, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB108_14:
	mov	rsi, qword ptr [rcx - 16]
	mov	rdi, r12
	mov	rdx, r14
	call	qword ptr [rsi + 8]
	test	rax, rax
	jne	.LBB108_18
	mov	rdx, qword ptr [r12]
	cmp	qword ptr [rdx + 72], r14
	jne	.LBB108_18
	mov	rcx, qword ptr [rdx + 40]
	cmp	ebp, dword ptr [rcx - 8]
	je	.LBB108_14
	ja	.LBB108_20
.LBB108_18:
	mov	rdi, r12
	mov	rsi, r14
	mov	rdx, rax
	call	rbx
	mov	rdx, qword ptr [r12]
	test	rax, rax
	jne	.LBB108_40
	mov	rcx, qword ptr [rdx + 40]
	mov	r14, qword ptr [rdx + 72]
	cmp	ebp, dword ptr [rcx - 8]
	je	.LBB108_14
.LBB108_20:
	add	r14, -2
	mov	qword ptr [rdx + 72], r14
	mov	eax, 1
	cmp	ebp, 1
	jne	.LBB108_37
	mov	r8, qword ptr [rdx + 56]
	cmp	rcx, r8
	jne	.LBB108_37
	cmp	qword ptr [rdx + 64], 2048
	jne	.LBB108_37
	mov	rdi, qword ptr [r12 + 8]
	mov	qword ptr [rdx + 64], 0
	mov	qword ptr [rdx + 48], rcx
	lea	rsi, [r8 - 16]
	cmp	qword ptr [rdi + 32], 0
	je	.LBB108_36
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB108_39
	mov	rdx, qword ptr [rdi + 8]
	mov	qword ptr [r8], rdx
	jmp	.LBB108_35
.LBB108_27:
	lea	rcx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.30]
	lea	r9, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.32]
	mov	r8d, 4
	mov	rdi, r12
	mov	rsi, r10
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB108_37
	mov	r14, qword ptr [r15 + 72]
	mov	rcx, qword ptr [r15 + 40]
	cmp	ebp, dword ptr [rcx - 8]
	je	.LBB108_13
.LBB108_29:
	dec	r14
	mov	qword ptr [r15 + 72], r14
	mov	eax, 1
	cmp	ebp, 1
	jne	.LBB108_37
	mov	rdx, qword ptr [r15 + 56]
	cmp	rcx, rdx
	jne	.LBB108_37
	cmp	qword ptr [r15 + 64], 2048
	jne	.LBB108_37
	mov	rdi, qword ptr [r12 + 8]
	mov	qword ptr [r15 + 64], 0
	mov	qword ptr [r15 + 48], rcx
	lea	rsi, [rdx - 16]
	cmp	qword ptr [rdi + 32], 0
	je	.LBB108_36
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB108_39
	mov	r8, qword ptr [rdi + 8]
	mov	qword ptr [rdx], r8
.LBB108_35:
	mov	qword ptr [rdi + 8], rsi
	inc	rcx
	mov	qword ptr [rdi + 16], rcx
	jmp	.LBB108_37
.LBB108_36:
	mov	qword ptr [rdi + 32], rsi
.LBB108_37:
	mov	rcx, qword ptr [r12 + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 24
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	pop	rbp
	ret
.LBB108_38:
	lea	rdi, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.12]
	lea	rdx, [rip + .Lanon.4c36bd8df03b0fae9f6b8b81b3ba3b3b.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB108_39:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::h0209b5559aae7846@GOTPCREL]
	mov	eax, 1
	jmp	.LBB108_37
.LBB108_40:
	dec	qword ptr [rdx + 72]
	mov	rdi, r12
	mov	esi, ebp
	call	deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame_and_leave::h61505acde5c9314d
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB108_37
