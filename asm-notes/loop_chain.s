deferrt_benches::loop_chain::h5d5908d084947322:
.Lfunc_begin91:
	push	rbp
	push	r15
	push	r14
	push	r13
	push	r12
	push	rbx
	sub	rsp, 24
	mov	r14, qword ptr [rdi]
	mov	r15, qword ptr [r14 + 72]
	cmp	r15d, 2147483646
	ja	.LBB91_25
	mov	rbx, rdi
	inc	r15
	mov	qword ptr [r14 + 72], r15
	mov	rdx, qword ptr [r14 + 24]
	test	rsi, rsi
	je	.LBB91_19
	mov	rax, qword ptr [r14 + 40]
	xor	r13d, r13d
	movabs	rbp, -137438953472
	lea	r12, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.49]
.LBB91_3:
	lea	rcx, [rax + 32]
	cmp	rcx, qword ptr [r14 + 48]
	ja	.LBB91_5
.LBB91_4:
	mov	ecx, dword ptr [r14 + 72]
	or	rcx, rbp
	mov	qword ptr [rax], r13
	inc	r13
	mov	qword ptr [rax + 16], r12
	mov	qword ptr [rax + 24], rcx
	add	rax, 32
	mov	qword ptr [r14 + 40], rax
	cmp	rsi, r13
	jne	.LBB91_3
	jmp	.LBB91_6
.LBB91_5:
	mov	rax, qword ptr [rbx + 8]
	mov	qword ptr [rsp + 8], rdx
	mov	edx, 32
	mov	rdi, r14
	mov	qword ptr [rsp + 16], rsi
	mov	rsi, rax
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h24d3af02a5fb5f77@GOTPCREL]
	mov	rdx, qword ptr [rsp + 8]
	mov	rsi, qword ptr [rsp + 16]
	mov	rax, qword ptr [r14 + 40]
	jmp	.LBB91_4
.LBB91_6:
	mov	ebp, r15d
	cmp	rdx, qword ptr [r14 + 24]
	jne	.LBB91_20
	cmp	r15, qword ptr [r14 + 72]
	jne	.LBB91_20
.LBB91_8:
	mov	rcx, qword ptr [r14 + 40]
	cmp	ebp, dword ptr [rcx - 8]
	jne	.LBB91_22
.LBB91_9:
	inc	r15
	mov	qword ptr [r14 + 72], r15
	mov	rdi, qword ptr [rcx - 8]
	mov	r12, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB91_10:
	sar	rdi, 32
	add	rdi, rcx
	mov	qword ptr [r14 + 40], rdi
	mov	rax, qword ptr [rcx - 16]
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	jne	.LBB91_14
	mov	r14, qword ptr [rbx]
	cmp	qword ptr [r14 + 72], r15
	jne	.LBB91_14
	mov	rcx, qword ptr [r14 + 40]
	mov	rdi, qword ptr [rcx - 8]
	cmp	ebp, edi
	je	.LBB91_10
	ja	.LBB91_16
.LBB91_14:
	mov	rdi, rbx
	mov	rsi, r15
	mov	rdx, rax
	call	r12
	mov	r14, qword ptr [rbx]
	test	rax, rax
	jne	.LBB91_26
	mov	rcx, qword ptr [r14 + 40]
	mov	r15, qword ptr [r14 + 72]
	mov	rdi, qword ptr [rcx - 8]
	cmp	ebp, edi
	je	.LBB91_10
.LBB91_16:
	add	r15, -2
	mov	qword ptr [r14 + 72], r15
	mov	rdi, qword ptr [rbx]
	mov	rcx, qword ptr [rdi + 56]
	add	rcx, 16
	mov	eax, 1
	cmp	qword ptr [rdi + 40], rcx
	jne	.LBB91_24
	cmp	qword ptr [rdi + 64], 2048
	jne	.LBB91_24
	mov	rsi, qword ptr [rbx + 8]
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::release::h6dc300b173cb0e94@GOTPCREL]
	jmp	.LBB91_23
.LBB91_19:
	mov	ebp, r15d
	cmp	r15, qword ptr [r14 + 72]
	je	.LBB91_8
.LBB91_20:
	lea	rcx, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.30]
	lea	r9, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, rdx
	mov	rdx, r15
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB91_24
	mov	r15, qword ptr [r14 + 72]
	mov	rcx, qword ptr [r14 + 40]
	cmp	ebp, dword ptr [rcx - 8]
	je	.LBB91_9
.LBB91_22:
	dec	r15
	mov	qword ptr [r14 + 72], r15
.LBB91_23:
	mov	eax, 1
.LBB91_24:
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
.LBB91_25:
	lea	rdi, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.12]
	lea	rdx, [rip + .Lanon.a901663b50229a120ad5ca296618a6b9.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB91_26:
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
	jmp	.LBB91_24
