deferrt_benches::loop_chain::h5d5908d084947322:
.Lfunc_begin107:
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
	ja	.LBB107_26
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	rdx, qword ptr [r15 + 24]
	test	rsi, rsi
	je	.LBB107_20
	mov	rax, qword ptr [r15 + 40]
	xor	r13d, r13d
	movabs	rbp, -137438953472
	lea	r12, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.49]
.LBB107_3:
	lea	rcx, [rax + 32]
	cmp	rcx, qword ptr [r15 + 48]
	ja	.LBB107_5
.LBB107_4:
	mov	ecx, dword ptr [r15 + 72]
	or	rcx, rbp
	mov	qword ptr [rax], r13
	inc	r13
	mov	qword ptr [rax + 16], r12
	mov	qword ptr [rax + 24], rcx
	add	rax, 32
	mov	qword ptr [r15 + 40], rax
	cmp	rsi, r13
	jne	.LBB107_3
	jmp	.LBB107_6
.LBB107_5:
	mov	rax, qword ptr [rbx + 8]
	mov	qword ptr [rsp + 8], rdx
	mov	edx, 32
	mov	rdi, r15
	mov	qword ptr [rsp + 16], rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h24d3af02a5fb5f77@GOTPCREL]
	mov	rdx, qword ptr [rsp + 8]
	mov	rsi, qword ptr [rsp + 16]
	mov	rax, qword ptr [r15 + 40]
	jmp	.LBB107_4
.LBB107_6:
	mov	ebp, r14d
	cmp	rdx, qword ptr [r15 + 24]
	jne	.LBB107_21
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB107_21
.LBB107_8:
	mov	rdx, qword ptr [r15 + 40]
	cmp	ebp, dword ptr [rdx - 8]
	jne	.LBB107_23
.LBB107_9:
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r15, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB107_10:
	mov	rsi, qword ptr [rdx - 16]
	mov	rdi, rbx
	mov	rdx, r14
	call	qword ptr [rsi + 8]
	test	rax, rax
	jne	.LBB107_14
	mov	rcx, qword ptr [rbx]
	cmp	qword ptr [rcx + 72], r14
	jne	.LBB107_14
	mov	rdx, qword ptr [rcx + 40]
	cmp	ebp, dword ptr [rdx - 8]
	je	.LBB107_10
	ja	.LBB107_16
.LBB107_14:
	mov	rdi, rbx
	mov	rsi, r14
	mov	rdx, rax
	call	r15
	mov	rcx, qword ptr [rbx]
	test	rax, rax
	jne	.LBB107_28
	mov	rdx, qword ptr [rcx + 40]
	mov	r14, qword ptr [rcx + 72]
	cmp	ebp, dword ptr [rdx - 8]
	je	.LBB107_10
.LBB107_16:
	add	r14, -2
	mov	qword ptr [rcx + 72], r14
	mov	rcx, qword ptr [rbx]
	mov	rdx, qword ptr [rcx + 40]
	mov	rsi, qword ptr [rcx + 56]
	lea	rdi, [rsi + 16]
	mov	eax, 1
	cmp	rdx, rdi
	jne	.LBB107_25
	cmp	qword ptr [rcx + 64], 2048
	jne	.LBB107_25
	mov	rdi, qword ptr [rbx + 8]
	mov	qword ptr [rcx + 64], 0
	mov	qword ptr [rcx + 48], rdx
	mov	rcx, qword ptr [rdi + 16]
	cmp	rcx, 8
	je	.LBB107_27
	mov	rdx, qword ptr [rdi + 8]
	mov	qword ptr [rsi + 16], rdx
	mov	qword ptr [rdi + 8], rsi
	inc	rcx
	mov	qword ptr [rdi + 16], rcx
	jmp	.LBB107_25
.LBB107_20:
	mov	ebp, r14d
	cmp	r14, qword ptr [r15 + 72]
	je	.LBB107_8
.LBB107_21:
	lea	rcx, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.30]
	lea	r9, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, rdx
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB107_25
	mov	r14, qword ptr [r15 + 72]
	mov	rdx, qword ptr [r15 + 40]
	cmp	ebp, dword ptr [rdx - 8]
	je	.LBB107_9
.LBB107_23:
	dec	r14
	mov	qword ptr [r15 + 72], r14
.LBB107_24:
	mov	eax, 1
.LBB107_25:
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
.LBB107_26:
	lea	rdi, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.12]
	lea	rdx, [rip + .Lanon.06a8f8e0c000fae37d5f7e4a4bd46925.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB107_27:
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::hd9b07fed10e8ad77@GOTPCREL]
	jmp	.LBB107_24
.LBB107_28:
	dec	qword ptr [rcx + 72]
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
	jmp	.LBB107_25
