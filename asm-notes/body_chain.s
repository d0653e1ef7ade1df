deferrt_benches::body_chain::h29f26783d0e05d29:
.Lfunc_begin88:
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB88_21
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r13, qword ptr [r15 + 24]
	mov	rcx, qword ptr [r15 + 40]
	mov	rdx, qword ptr [r15 + 48]
	sub	rdx, rcx
	mov	rax, r14
	cmp	rdx, 31
	jbe	.LBB88_22
.LBB88_2:
	mov	qword ptr [rcx], rsi
	lea	rdx, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.45]
	mov	qword ptr [rcx + 16], rdx
	mov	dword ptr [rcx + 24], eax
	mov	dword ptr [rcx + 28], 32
	add	rcx, 32
	mov	qword ptr [r15 + 40], rcx
	cmp	r13, qword ptr [r15 + 24]
	jne	.LBB88_16
	mov	r12, r14
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB88_16
	cmp	dword ptr [rcx - 8], r14d
	jne	.LBB88_18
.LBB88_5:
	inc	r12
	mov	qword ptr [r15 + 72], r12
	mov	r13, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB88_6:
	mov	eax, dword ptr [rcx - 4]
	mov	rdi, rcx
	sub	rdi, rax
	mov	qword ptr [r15 + 40], rdi
	mov	rax, qword ptr [rcx - 16]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	jne	.LBB88_10
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 72], r12
	jne	.LBB88_10
	mov	rcx, qword ptr [r15 + 40]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB88_6
	jb	.LBB88_12
.LBB88_10:
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, rax
	call	r13
	mov	r15, qword ptr [rbx]
	test	rax, rax
	jne	.LBB88_24
	mov	rcx, qword ptr [r15 + 40]
	mov	r12, qword ptr [r15 + 72]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB88_6
.LBB88_12:
	add	r12, -2
	mov	qword ptr [r15 + 72], r12
	mov	rcx, qword ptr [rbx]
	mov	rsi, qword ptr [rcx + 56]
	lea	rdx, [rsi + 16]
	mov	eax, 1
	cmp	qword ptr [rcx + 40], rdx
	jne	.LBB88_20
	cmp	qword ptr [rcx + 64], 2048
	jne	.LBB88_20
	mov	rdi, qword ptr [rbx + 8]
	mov	rdx, qword ptr [rip + deferrt_core::record::SENTINEL::h082281a870b5fce9@GOTPCREL]
	lea	r8, [rdx + 16]
	mov	qword ptr [rcx + 40], r8
	mov	qword ptr [rcx + 48], r8
	mov	qword ptr [rcx + 56], rdx
	mov	qword ptr [rcx + 64], 0
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 32
	je	.LBB88_23
	mov	rdx, qword ptr [rdi + 8]
	mov	qword ptr [rsi], rdx
	mov	qword ptr [rdi + 8], rsi
	inc	rcx
	mov	qword ptr [rdi + 16], rcx
	jmp	.LBB88_20
.LBB88_16:
	lea	rcx, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.30]
	lea	r9, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r13
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB88_20
	mov	rcx, qword ptr [r15 + 40]
	mov	r12, qword ptr [r15 + 72]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB88_5
.LBB88_18:
	dec	r12
	mov	qword ptr [r15 + 72], r12
.LBB88_19:
	mov	eax, 1
.LBB88_20:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	ret
.LBB88_21:
	lea	rdi, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.12]
	lea	rdx, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB88_22:
	mov	rax, qword ptr [rbx + 8]
	mov	edx, 32
	mov	rdi, r15
	mov	r12, rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h24d3af02a5fb5f77@GOTPCREL]
	mov	rsi, r12
	mov	rcx, qword ptr [r15 + 40]
	mov	rax, qword ptr [r15 + 72]
	jmp	.LBB88_2
.LBB88_23:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::hd9b07fed10e8ad77@GOTPCREL]
	jmp	.LBB88_19
.LBB88_24:
	dec	qword ptr [r15 + 72]
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
	jmp	.LBB88_20
