deferrt_benches::loop_chain::h5d5908d084947322:
.Lfunc_begin89:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	push	rax
	mov	r14, qword ptr [rdi]
	mov	r15, qword ptr [r14 + 72]
	cmp	r15d, 2147483646
	ja	.LBB89_26
	mov	rbx, rdi
	inc	r15
	mov	qword ptr [r14 + 72], r15
	mov	r12, qword ptr [r14 + 24]
	test	rsi, rsi
	je	.LBB89_20
	mov	rax, qword ptr [r14 + 40]
	xor	r13d, r13d
	lea	rbp, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.49]
.LBB89_3:
	mov	rcx, qword ptr [r14 + 48]
	sub	rcx, rax
	cmp	rcx, 31
	jbe	.LBB89_5
.LBB89_4:
	mov	ecx, dword ptr [r14 + 72]
	mov	qword ptr [rax], r13
	inc	r13
	mov	qword ptr [rax + 16], rbp
	mov	dword ptr [rax + 24], ecx
	mov	dword ptr [rax + 28], 32
	add	rax, 32
	mov	qword ptr [r14 + 40], rax
	cmp	rsi, r13
	jne	.LBB89_3
	jmp	.LBB89_6
.LBB89_5:
	mov	rax, qword ptr [rbx + 8]
	mov	edx, 32
	mov	rdi, r14
	mov	qword ptr [rsp], rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h24d3af02a5fb5f77@GOTPCREL]
	mov	rsi, qword ptr [rsp]
	mov	rax, qword ptr [r14 + 40]
	jmp	.LBB89_4
.LBB89_6:
	mov	ebp, r15d
	cmp	r12, qword ptr [r14 + 24]
	jne	.LBB89_21
	cmp	r15, qword ptr [r14 + 72]
	jne	.LBB89_21
.LBB89_8:
	mov	rcx, qword ptr [r14 + 40]
	cmp	dword ptr [rcx - 8], ebp
	jne	.LBB89_23
.LBB89_9:
	inc	r15
	mov	qword ptr [r14 + 72], r15
	mov	r12, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB89_10:
	mov	eax, dword ptr [rcx - 4]
	mov	rdi, rcx
	sub	rdi, rax
	mov	qword ptr [r14 + 40], rdi
	mov	rax, qword ptr [rcx - 16]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	jne	.LBB89_14
	mov	r14, qword ptr [rbx]
	cmp	qword ptr [r14 + 72], r15
	jne	.LBB89_14
	mov	rcx, qword ptr [r14 + 40]
	cmp	dword ptr [rcx - 8], ebp
	je	.LBB89_10
	jb	.LBB89_16
.LBB89_14:
	mov	rdi, rbx
	mov	rsi, r15
	mov	rdx, rax
	call	r12
	mov	r14, qword ptr [rbx]
	test	rax, rax
	jne	.LBB89_28
	mov	rcx, qword ptr [r14 + 40]
	mov	r15, qword ptr [r14 + 72]
	cmp	dword ptr [rcx - 8], ebp
	je	.LBB89_10
.LBB89_16:
	add	r15, -2
	mov	qword ptr [r14 + 72], r15
	mov	rcx, qword ptr [rbx]
	mov	rsi, qword ptr [rcx + 56]
	lea	rdx, [rsi + 16]
	mov	eax, 1
	cmp	qword ptr [rcx + 40], rdx
	jne	.LBB89_25
	cmp	qword ptr [rcx + 64], 2048
	jne	.LBB89_25
	mov	rdi, qword ptr [rbx + 8]
	mov	rdx, qword ptr [rip + deferrt_core::record::SENTINEL::h082281a870b5fce9@GOTPCREL]
	lea	r8, [rdx + 16]
	mov	qword ptr [rcx + 40], r8
	mov	qword ptr [rcx + 48], r8
	mov	qword ptr [rcx + 56], rdx
	mov	qword ptr [rcx + 64], 0
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 32
	je	.LBB89_27
	mov	rdx, qword ptr [rdi + 8]
	mov	qword ptr [rsi], rdx
	mov	qword ptr [rdi + 8], rsi
	inc	rcx
	mov	qword ptr [rdi + 16], rcx
	jmp	.LBB89_25
.LBB89_20:
	mov	ebp, r15d
	cmp	r15, qword ptr [r14 + 72]
	je	.LBB89_8
.LBB89_21:
	lea	rcx, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.30]
	lea	r9, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, r15
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB89_25
	mov	r15, qword ptr [r14 + 72]
	mov	rcx, qword ptr [r14 + 40]
	cmp	dword ptr [rcx - 8], ebp
	je	.LBB89_9
.LBB89_23:
	dec	r15
	mov	qword ptr [r14 + 72], r15
.LBB89_24:
	mov	eax, 1
.LBB89_25:
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
.LBB89_26:
	lea	rdi, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.12]
	lea	rdx, [rip + .Lanon.860b8689104389e5ea8b0e48edc61ebd.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB89_27:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::hd9b07fed10e8ad77@GOTPCREL]
	jmp	.LBB89_24
.LBB89_28:
	dec	qword ptr [r14 + 72]
	mov	rdi, rbx
	mov	esi, ebp
	mov	edx, 1
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame::h137c8768d5509941@GOTPCREL]
	mov	rcx, qword ptr [rbx]
	dec	qword ptr [rcx + 72]
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB89_25
