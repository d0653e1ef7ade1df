deferrt_benches::loop_chain::h5d5908d084947322:
.Lfunc_begin117:
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
	ja	.LBB117_34
	mov	rbx, rdi
	inc	r15
	mov	qword ptr [r14 + 72], r15
	mov	r10, qword ptr [r14 + 24]
	test	rsi, rsi
	je	.LBB117_3
	mov	qword ptr [rsp + 16], rbx
	mov	r13, qword ptr [rbx + 8]
	mov	rax, qword ptr [r14 + 40]
	xor	ebp, ebp
	movabs	r12, -137438953472
	lea	rbx, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.60]
	jmp	.LBB117_6
.LBB117_3:
	mov	ebp, r15d
	jmp	.LBB117_11
.LBB117_4:
	mov	edx, 32
	mov	rdi, r14
	mov	qword ptr [rsp + 8], rsi
	mov	rsi, r13
	mov	qword ptr [rsp], r10
	call	qword ptr [rip + deferrt_core::task::chain::<impl deferrt_core::task::Task<E,P,M>>::grow::h5af58be9ba77f075@GOTPCREL]
	mov	r10, qword ptr [rsp]
	mov	rsi, qword ptr [rsp + 8]
	mov	rax, qword ptr [r14 + 40]
.LBB117_5:
	mov	ecx, dword ptr [r14 + 72]
	or	rcx, r12
	mov	qword ptr [rax], rbp
	inc	rbp
	mov	qword ptr [rax + 16], rbx
	mov	qword ptr [rax + 24], rcx
	add	rax, 32
	mov	qword ptr [r14 + 40], rax
	cmp	rsi, rbp
	je	.LBB117_10
.LBB117_6:
	lea	rcx, [rax + 32]
	cmp	rcx, qword ptr [r14 + 48]
	jbe	.LBB117_5
	cmp	qword ptr [r14 + 64], 0
	jne	.LBB117_4
	mov	rcx, qword ptr [r14 + 56]
	lea	rdx, [rcx - 16]
	cmp	qword ptr [r13 + 32], rdx
	jne	.LBB117_4
	mov	qword ptr [r13 + 32], 0
	add	rcx, 2032
	mov	qword ptr [r14 + 48], rcx
	mov	qword ptr [r14 + 64], 2048
	jmp	.LBB117_5
.LBB117_10:
	mov	ebp, r15d
	cmp	r10, qword ptr [r14 + 24]
	mov	rbx, qword ptr [rsp + 16]
	jne	.LBB117_27
.LBB117_11:
	cmp	r15, qword ptr [r14 + 72]
	jne	.LBB117_27
	mov	rdi, qword ptr [r14 + 40]
	cmp	ebp, dword ptr [rdi - 8]
	jne	.LBB117_29
.LBB117_13:
	inc	r15
	mov	qword ptr [r14 + 72], r15
	mov	rcx, qword ptr [rdi - 8]
	mov	r12, qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::leave_call_frame_slow::h69312bb2eb5f2201@GOTPCREL]
.LBB117_14:
	sar	rcx, 32
	mov	rax, qword ptr [rdi - 16]
	cmp	qword ptr [rdi + rcx - 16], rax
	je	.LBB117_16
	add	rdi, rcx
	mov	qword ptr [r14 + 40], rdi
	mov	rsi, rbx
	call	qword ptr [rax]
	test	rax, rax
	je	.LBB117_17
	jmp	.LBB117_20
.LBB117_16:
	mov	rdi, rbx
	mov	rsi, rax
	mov	rdx, r15
	call	qword ptr [rax + 8]
	test	rax, rax
	jne	.LBB117_20
.LBB117_17:
	mov	r14, qword ptr [rbx]
	cmp	qword ptr [r14 + 72], r15
	jne	.LBB117_20
	mov	rdi, qword ptr [r14 + 40]
	mov	rcx, qword ptr [rdi - 8]
	cmp	ebp, ecx
	je	.LBB117_14
	ja	.LBB117_22
.LBB117_20:
	mov	rdi, rbx
	mov	rsi, r15
	mov	rdx, rax
	call	r12
	mov	r14, qword ptr [rbx]
	test	rax, rax
	jne	.LBB117_36
	mov	rdi, qword ptr [r14 + 40]
	mov	r15, qword ptr [r14 + 72]
	mov	rcx, qword ptr [rdi - 8]
	cmp	ebp, ecx
	je	.LBB117_14
.LBB117_22:
	add	r15, -2
	mov	qword ptr [r14 + 72], r15
	mov	eax, 1
	cmp	ebp, 1
	jne	.LBB117_33
	jmp	.LBB117_23
.LBB117_27:
	lea	rcx, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.30]
	lea	r9, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.32]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r10
	mov	rdx, r15
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::hcf7dc3b24849a78e@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB117_33
	mov	r15, qword ptr [r14 + 72]
	mov	rdi, qword ptr [r14 + 40]
	cmp	ebp, dword ptr [rdi - 8]
	je	.LBB117_13
.LBB117_29:
	dec	r15
	mov	qword ptr [r14 + 72], r15
	mov	eax, 1
	cmp	ebp, 1
	jne	.LBB117_33
.LBB117_23:
	mov	rdx, qword ptr [r14 + 56]
	cmp	rdi, rdx
	jne	.LBB117_33
	cmp	qword ptr [r14 + 64], 2048
	jne	.LBB117_33
	mov	rcx, qword ptr [rbx + 8]
	mov	qword ptr [r14 + 64], 0
	mov	qword ptr [r14 + 48], rdi
	lea	rsi, [rdx - 16]
	cmp	qword ptr [rcx + 32], 0
	je	.LBB117_26
	mov	rdi, qword ptr [rcx + 16]
	cmp	rdi, 8
	je	.LBB117_35
	mov	r8, qword ptr [rcx + 8]
	mov	qword ptr [rdx], r8
	mov	qword ptr [rcx + 8], rsi
	inc	rdi
	mov	qword ptr [rcx + 16], rdi
	jmp	.LBB117_33
.LBB117_26:
	mov	qword ptr [rcx + 32], rsi
.LBB117_33:
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
.LBB117_34:
	lea	rdi, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.12]
	lea	rdx, [rip + .Lanon.85f059d5462aeb825f51f4a4fac376f9.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB117_35:
	mov	rdi, rcx
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::pool::Worker::spill_then_push::h0209b5559aae7846@GOTPCREL]
	mov	eax, 1
	jmp	.LBB117_33
.LBB117_36:
	dec	qword ptr [r14 + 72]
	mov	rdi, rbx
	mov	esi, ebp
	call	deferrt_core::task::panic::<impl deferrt_core::task::cx::Cx<E,P,M>>::drain_frame_and_leave::h61505acde5c9314d
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB117_33
