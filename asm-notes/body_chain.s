deferrt_benches::body_chain::h29f26783d0e05d29:
.Lfunc_begin106:
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB106_21
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r13, qword ptr [r15 + 24]
	mov	rcx, qword ptr [r15 + 40]
	lea	rdx, [rcx + 32]
	mov	rax, r14
	cmp	rdx, qword ptr [r15 + 48]
	ja	.LBB106_22
.LBB106_2:
	mov	qword ptr [rcx], rsi
	mov	eax, eax
	movabs	rdx, -137438953472
	or	rdx, rax
	lea	rax, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.45]
	mov	qword ptr [rcx + 16], rax
	mov	qword ptr [rcx + 24], rdx
	add	rcx, 32
	mov	qword ptr [r15 + 40], rcx
	cmp	r13, qword ptr [r15 + 24]
	jne	.LBB106_16
	mov	r12, r14
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB106_16
	cmp	dword ptr [rcx - 8], r14d
	jne	.LBB106_18
.LBB106_5:
	inc	r12
	mov	qword ptr [r15 + 72], r12
	mov	r15, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB106_6:
	mov	rsi, qword ptr [rcx - 16]
	mov	rdi, rbx
	mov	rdx, r12
	call	qword ptr [rsi + 8]
	test	rax, rax
	jne	.LBB106_10
	mov	rdx, qword ptr [rbx]
	cmp	qword ptr [rdx + 72], r12
	jne	.LBB106_10
	mov	rcx, qword ptr [rdx + 40]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB106_6
	jb	.LBB106_12
.LBB106_10:
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, rax
	call	r15
	mov	rdx, qword ptr [rbx]
	test	rax, rax
	jne	.LBB106_24
	mov	rcx, qword ptr [rdx + 40]
	mov	r12, qword ptr [rdx + 72]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB106_6
.LBB106_12:
	add	r12, -2
	mov	qword ptr [rdx + 72], r12
	mov	rcx, qword ptr [rbx]
	mov	rdx, qword ptr [rcx + 40]
	mov	rsi, qword ptr [rcx + 56]
	lea	rdi, [rsi + 16]
	mov	eax, 1
	cmp	rdx, rdi
	jne	.LBB106_20
	cmp	qword ptr [rcx + 64], 2048
	jne	.LBB106_20
	mov	rdi, qword ptr [rbx + 8]
	mov	qword ptr [rcx + 64], 0
	mov	qword ptr [rcx + 48], rdx
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB106_23
	mov	rdx, qword ptr [rdi + 8]
	mov	qword ptr [rsi + 16], rdx
	mov	qword ptr [rdi + 8], rsi
	inc	rcx
	mov	qword ptr [rdi + 16], rcx
	jmp	.LBB106_20
.LBB106_16:
	lea	rcx, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.30]
	lea	r9, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r13
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB106_20
	mov	rcx, qword ptr [r15 + 40]
	mov	r12, qword ptr [r15 + 72]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB106_5
.LBB106_18:
	dec	r12
	mov	qword ptr [r15 + 72], r12
.LBB106_19:
	mov	eax, 1
.LBB106_20:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	ret
.LBB106_21:
	lea	rdi, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.12]
	lea	rdx, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB106_22:
	mov	rax, qword ptr [rbx + 8]
	mov	edx, 32
	mov	rdi, r15
	mov	r12, rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h24d3af02a5fb5f77@GOTPCREL]
	mov	rsi, r12
	mov	rcx, qword ptr [r15 + 40]
	mov	eax, dword ptr [r15 + 72]
	jmp	.LBB106_2
.LBB106_23:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::hd9b07fed10e8ad77@GOTPCREL]
	jmp	.LBB106_19
.LBB106_24:
	dec	qword ptr [rdx + 72]
	mov	rdi, rbx
	mov	esi, r14d
	mov	edx, 1
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame::h137c8768d5509941@GOTPCREL]
	mov	rcx, qword ptr [rbx]
	dec	qword ptr [rcx + 72]
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB106_20
