deferrt_benches::body_chain::h29f26783d0e05d29:
.Lfunc_begin90:
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB90_20
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r13, qword ptr [r15 + 24]
	mov	rcx, qword ptr [r15 + 40]
	lea	rdx, [rcx + 32]
	mov	rax, r14
	cmp	rdx, qword ptr [r15 + 48]
	ja	.LBB90_21
.LBB90_2:
	mov	qword ptr [rcx], rsi
	mov	eax, eax
	movabs	rdx, -137438953472
	or	rdx, rax
	lea	rax, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.45]
	mov	qword ptr [rcx + 16], rax
	mov	qword ptr [rcx + 24], rdx
	add	rcx, 32
	mov	qword ptr [r15 + 40], rcx
	cmp	r13, qword ptr [r15 + 24]
	jne	.LBB90_15
	mov	r12, r14
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB90_15
	cmp	dword ptr [rcx - 8], r14d
	jne	.LBB90_17
.LBB90_5:
	inc	r12
	mov	qword ptr [r15 + 72], r12
	mov	rdi, qword ptr [rcx - 8]
	mov	r13, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB90_6:
	sar	rdi, 32
	add	rdi, rcx
	mov	qword ptr [r15 + 40], rdi
	mov	rax, qword ptr [rcx - 16]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	jne	.LBB90_10
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 72], r12
	jne	.LBB90_10
	mov	rcx, qword ptr [r15 + 40]
	mov	rdi, qword ptr [rcx - 8]
	cmp	edi, r14d
	je	.LBB90_6
	jb	.LBB90_12
.LBB90_10:
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, rax
	call	r13
	mov	r15, qword ptr [rbx]
	test	rax, rax
	jne	.LBB90_22
	mov	rcx, qword ptr [r15 + 40]
	mov	r12, qword ptr [r15 + 72]
	mov	rdi, qword ptr [rcx - 8]
	cmp	edi, r14d
	je	.LBB90_6
.LBB90_12:
	add	r12, -2
	mov	qword ptr [r15 + 72], r12
	mov	rdi, qword ptr [rbx]
	mov	rcx, qword ptr [rdi + 56]
	add	rcx, 16
	mov	eax, 1
	cmp	qword ptr [rdi + 40], rcx
	jne	.LBB90_19
	cmp	qword ptr [rdi + 64], 2048
	jne	.LBB90_19
	mov	rsi, qword ptr [rbx + 8]
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::release::h6dc300b173cb0e94@GOTPCREL]
	jmp	.LBB90_18
.LBB90_15:
	lea	rcx, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.30]
	lea	r9, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r13
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB90_19
	mov	rcx, qword ptr [r15 + 40]
	mov	r12, qword ptr [r15 + 72]
	cmp	dword ptr [rcx - 8], r14d
	je	.LBB90_5
.LBB90_17:
	dec	r12
	mov	qword ptr [r15 + 72], r12
.LBB90_18:
	mov	eax, 1
.LBB90_19:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	ret
.LBB90_20:
	lea	rdi, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.12]
	lea	rdx, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB90_21:
	mov	rax, qword ptr [rbx + 8]
	mov	edx, 32
	mov	rdi, r15
	mov	r12, rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h24d3af02a5fb5f77@GOTPCREL]
	mov	rsi, r12
	mov	rcx, qword ptr [r15 + 40]
	mov	eax, dword ptr [r15 + 72]
	jmp	.LBB90_2
.LBB90_22:
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
	jmp	.LBB90_19
