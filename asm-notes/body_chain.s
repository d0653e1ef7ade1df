deferrt_benches::body_chain::h8f4dffcd48514431:
.Lfunc_begin65:
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	mov	r12, qword ptr [rdi]
	mov	r14, qword ptr [r12 + 48]
	cmp	r14d, 2147483646
	ja	.LBB65_20
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r12 + 48], r14
	mov	r15, qword ptr [r12 + 24]
	mov	rax, qword ptr [rdi + 8]
	mov	rdi, qword ptr [rax + 8]
	test	rdi, rdi
	je	.LBB65_21
	mov	rcx, qword ptr [rdi]
	mov	qword ptr [rax + 8], rcx
	dec	qword ptr [rax + 16]
.LBB65_3:
	mov	qword ptr [rdi + 32], rsi
	mov	rax, qword ptr [r12 + 40]
	mov	qword ptr [rdi], rax
	lea	rax, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.39]
	mov	qword ptr [rdi + 8], rax
	mov	dword ptr [rdi + 16], r14d
	mov	qword ptr [r12 + 40], rdi
	cmp	r15, qword ptr [r12 + 24]
	jne	.LBB65_15
	cmp	r14, qword ptr [r12 + 48]
	jne	.LBB65_15
	mov	r15, r14
	cmp	dword ptr [rdi + 16], r14d
	jne	.LBB65_17
.LBB65_6:
	inc	r15
	mov	qword ptr [r12 + 48], r15
	mov	r13, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h79e64bf38a90b48a@GOTPCREL]
.LBB65_7:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r12 + 40], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	jne	.LBB65_11
	mov	r12, qword ptr [rbx]
	cmp	qword ptr [r12 + 48], r15
	jne	.LBB65_11
	mov	rdi, qword ptr [r12 + 40]
	cmp	dword ptr [rdi + 16], r14d
	je	.LBB65_7
	jb	.LBB65_14
.LBB65_11:
	mov	rdi, rbx
	mov	rsi, r15
	mov	rdx, rax
	call	r13
	mov	r12, qword ptr [rbx]
	test	rax, rax
	jne	.LBB65_22
	mov	rdi, qword ptr [r12 + 40]
	cmp	dword ptr [rdi + 16], r14d
	je	.LBB65_7
	mov	r15, qword ptr [r12 + 48]
.LBB65_14:
	add	r15, -2
	jmp	.LBB65_18
.LBB65_15:
	lea	rcx, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.22]
	lea	r9, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.24]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r15
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::h61337daf7d940ed2@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB65_19
	mov	rdi, qword ptr [r12 + 40]
	mov	r15, qword ptr [r12 + 48]
	cmp	dword ptr [rdi + 16], r14d
	je	.LBB65_6
.LBB65_17:
	dec	r15
.LBB65_18:
	mov	qword ptr [r12 + 48], r15
	mov	eax, 1
.LBB65_19:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	pop	rbx
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	ret
.LBB65_20:
	lea	rdi, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.10]
	lea	rdx, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.12]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB65_21:
	mov	rdi, rax
	mov	r13, rsi
	xor	esi, esi
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h0c2f49824f7ce294@GOTPCREL]
	mov	rsi, r13
	mov	rdi, rax
	jmp	.LBB65_3
.LBB65_22:
	dec	qword ptr [r12 + 48]
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
	jmp	.LBB65_19
