deferrt_benches::body_chain::h29f26783d0e05d29:
.Lfunc_begin116:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	push	rax
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB116_41
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	rbp, qword ptr [r15 + 24]
	mov	rdi, qword ptr [r15 + 40]
	mov	r12, qword ptr [rbx + 8]
	lea	rax, [rdi + 32]
	cmp	rax, qword ptr [r15 + 48]
	jbe	.LBB116_6
	cmp	qword ptr [r15 + 64], 0
	jne	.LBB116_4
	mov	rax, qword ptr [r15 + 56]
	lea	rcx, [rax - 16]
	cmp	qword ptr [r12 + 32], rcx
	jne	.LBB116_4
	mov	qword ptr [r12 + 32], 0
	add	rax, 2032
	mov	qword ptr [r15 + 48], rax
	mov	qword ptr [r15 + 64], 2048
.LBB116_6:
	mov	rax, r14
.LBB116_7:
	mov	qword ptr [rdi], rsi
	mov	eax, eax
	movabs	rcx, -137438953472
	or	rcx, rax
	lea	rax, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.48]
	mov	qword ptr [rdi + 16], rax
	mov	qword ptr [rdi + 24], rcx
	add	rdi, 32
	mov	qword ptr [r15 + 40], rdi
	cmp	rbp, qword ptr [r15 + 24]
	jne	.LBB116_9
	mov	r13, r14
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB116_9
	cmp	dword ptr [rdi - 8], r14d
	jne	.LBB116_12
.LBB116_17:
	inc	r13
	mov	qword ptr [r15 + 72], r13
	mov	rcx, qword ptr [rdi - 8]
	mov	r12, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB116_18:
	sar	rcx, 32
	mov	rax, qword ptr [rdi - 16]
	cmp	qword ptr [rdi + rcx - 16], rax
	je	.LBB116_24
	add	rdi, rcx
	mov	qword ptr [r15 + 40], rdi
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	je	.LBB116_26
	jmp	.LBB116_35
.LBB116_24:
	mov	rdi, rbx
	mov	rsi, rax
	mov	rdx, r13
	call	qword ptr [rax + 8]
	test	rax, rax
	jne	.LBB116_35
.LBB116_26:
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 72], r13
	jne	.LBB116_35
	mov	rdi, qword ptr [r15 + 40]
	mov	rcx, qword ptr [rdi - 8]
	cmp	ecx, r14d
	je	.LBB116_18
	jb	.LBB116_29
.LBB116_35:
	mov	rdi, rbx
	mov	rsi, r13
	mov	rdx, rax
	call	r12
	mov	r15, qword ptr [rbx]
	test	rax, rax
	jne	.LBB116_36
	mov	rdi, qword ptr [r15 + 40]
	mov	r13, qword ptr [r15 + 72]
	mov	rcx, qword ptr [rdi - 8]
	cmp	ecx, r14d
	je	.LBB116_18
.LBB116_29:
	add	r13, -2
	mov	qword ptr [r15 + 72], r13
	mov	eax, 1
	cmp	r14d, 1
	jne	.LBB116_40
	mov	rdx, qword ptr [r15 + 56]
	cmp	rdi, rdx
	jne	.LBB116_40
	cmp	qword ptr [r15 + 64], 2048
	jne	.LBB116_40
	mov	rcx, qword ptr [rbx + 8]
	mov	qword ptr [r15 + 64], 0
	mov	qword ptr [r15 + 48], rdi
	lea	rsi, [rdx - 16]
	cmp	qword ptr [rcx + 32], 0
	je	.LBB116_33
	mov	rdi, qword ptr [rcx + 16]
	cmp	rdi, 8
	je	.LBB116_38
	mov	r8, qword ptr [rcx + 8]
	mov	qword ptr [rdx], r8
	mov	qword ptr [rcx + 8], rsi
	inc	rdi
	mov	qword ptr [rcx + 16], rdi
	jmp	.LBB116_40
.LBB116_33:
	mov	qword ptr [rcx + 32], rsi
	jmp	.LBB116_40
.LBB116_9:
	lea	rcx, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.30]
	lea	r9, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, rbp
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB116_40
	mov	rdi, qword ptr [r15 + 40]
	mov	r13, qword ptr [r15 + 72]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB116_17
.LBB116_12:
	dec	r13
	mov	qword ptr [r15 + 72], r13
	mov	eax, 1
	cmp	r14d, 1
	jne	.LBB116_40
	mov	rcx, qword ptr [r15 + 56]
	cmp	rdi, rcx
	jne	.LBB116_40
	cmp	qword ptr [r15 + 64], 2048
	jne	.LBB116_40
	mov	qword ptr [r15 + 64], 0
	mov	qword ptr [r15 + 48], rdi
	lea	rsi, [rcx - 16]
	cmp	qword ptr [r12 + 32], 0
	je	.LBB116_16
	mov	rdx, qword ptr [r12 + 16]
	cmp	rdx, 8
	je	.LBB116_21
	mov	rdi, qword ptr [r12 + 8]
	mov	qword ptr [rcx], rdi
	mov	qword ptr [r12 + 8], rsi
	inc	rdx
	mov	qword ptr [r12 + 16], rdx
	jmp	.LBB116_40
.LBB116_16:
	mov	qword ptr [r12 + 32], rsi
.LBB116_40:
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
.LBB116_4:
	mov	edx, 32
	mov	rdi, r15
	mov	r13, rsi
	mov	rsi, r12
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h5af58be9ba77f075@GOTPCREL]
	mov	rsi, r13
	mov	rdi, qword ptr [r15 + 40]
	mov	eax, dword ptr [r15 + 72]
	jmp	.LBB116_7
.LBB116_41:
	lea	rdi, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.12]
	lea	rdx, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB116_21:
	mov	rdi, r12
	jmp	.LBB116_22
.LBB116_38:
	mov	rdi, rcx
.LBB116_22:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::h0209b5559aae7846@GOTPCREL]
	mov	eax, 1
	jmp	.LBB116_40
.LBB116_36:
	dec	qword ptr [r15 + 72]
	mov	rdi, rbx
	mov	esi, r14d
	call	deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame_and_leave::h61505acde5c9314d
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB116_40
