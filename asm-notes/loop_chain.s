deferrt_benches::loop_chain::h430f8dc7fd9cada9:
.Lfunc_begin66:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	sub	rsp, 24
	mov	r13, qword ptr [rdi]
	mov	r14, qword ptr [r13 + 48]
	cmp	r14d, 2147483646
	ja	.LBB66_25
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r13 + 48], r14
	mov	rdx, qword ptr [r13 + 24]
	test	rsi, rsi
	je	.LBB66_19
	mov	qword ptr [rsp + 16], rbx
	mov	r12, qword ptr [rbx + 8]
	mov	ebp, r14d
	xor	r15d, r15d
	lea	rbx, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.50]
.LBB66_3:
	mov	rax, qword ptr [r12 + 8]
	test	rax, rax
	je	.LBB66_6
	mov	rcx, qword ptr [rax]
	mov	qword ptr [r12 + 8], rcx
	dec	qword ptr [r12 + 16]
.LBB66_5:
	mov	qword ptr [rax + 32], r15
	inc	r15
	mov	rcx, qword ptr [r13 + 40]
	mov	qword ptr [rax], rcx
	mov	qword ptr [rax + 8], rbx
	mov	dword ptr [rax + 16], ebp
	mov	qword ptr [r13 + 40], rax
	cmp	rsi, r15
	jne	.LBB66_3
	jmp	.LBB66_7
.LBB66_6:
	mov	rdi, r12
	mov	qword ptr [rsp + 8], rsi
	xor	esi, esi
	mov	qword ptr [rsp], rdx
	call	qword ptr [rip + deferrt_core::pool::Worker::refill::h0c2f49824f7ce294@GOTPCREL]
	mov	rdx, qword ptr [rsp]
	mov	rsi, qword ptr [rsp + 8]
	jmp	.LBB66_5
.LBB66_7:
	cmp	rdx, qword ptr [r13 + 24]
	mov	rbx, qword ptr [rsp + 16]
	jne	.LBB66_20
	cmp	r14, qword ptr [r13 + 48]
	jne	.LBB66_20
.LBB66_9:
	mov	rdi, qword ptr [r13 + 40]
	cmp	dword ptr [rdi + 16], ebp
	jne	.LBB66_22
.LBB66_10:
	inc	r14
	mov	qword ptr [r13 + 48], r14
	mov	r15, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h79e64bf38a90b48a@GOTPCREL]
.LBB66_11:
	mov	rax, qword ptr [rdi]
	mov	qword ptr [r13 + 40], rax
	mov	rax, qword ptr [rdi + 8]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	jne	.LBB66_15
	mov	r13, qword ptr [rbx]
	cmp	qword ptr [r13 + 48], r14
	jne	.LBB66_15
	mov	rdi, qword ptr [r13 + 40]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB66_11
	jb	.LBB66_18
.LBB66_15:
	mov	rdi, rbx
	mov	rsi, r14
	mov	rdx, rax
	call	r15
	mov	r13, qword ptr [rbx]
	test	rax, rax
	jne	.LBB66_26
	mov	rdi, qword ptr [r13 + 40]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB66_11
	mov	r14, qword ptr [r13 + 48]
.LBB66_18:
	add	r14, -2
	jmp	.LBB66_23
.LBB66_19:
	mov	ebp, r14d
	cmp	r14, qword ptr [r13 + 48]
	je	.LBB66_9
.LBB66_20:
	lea	rcx, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.22]
	lea	r9, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.24]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, rdx
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::h61337daf7d940ed2@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB66_24
	mov	r14, qword ptr [r13 + 48]
	mov	rdi, qword ptr [r13 + 40]
	cmp	dword ptr [rdi + 16], ebp
	je	.LBB66_10
.LBB66_22:
	dec	r14
.LBB66_23:
	mov	qword ptr [r13 + 48], r14
	mov	eax, 1
.LBB66_24:
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
.LBB66_25:
	lea	rdi, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.10]
	lea	rdx, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.12]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB66_26:
	dec	qword ptr [r13 + 48]
	mov	rdi, rbx
	mov	esi, ebp
	mov	edx, 1
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame::ha96ecb55d4a293c5@GOTPCREL]
	mov	rcx, qword ptr [rbx]
	dec	qword ptr [rcx + 48]
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB66_24
