deferrt_benches::body_open::hd1b606a4a140ffba:
.Lfunc_begin38:
	push	rbx
	sub	rsp, 32
	mov	r8, qword ptr [rdi]
	mov	eax, dword ptr [r8 + 80]
	lea	ecx, [rax + 1]
	lea	edx, [rax + 2]
	mov	dword ptr [r8 + 80], edx
	mov	r8, qword ptr [rdi + 16]
	mov	qword ptr [rsp + 8], r8
	lea	r8, [rsp + 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	r8, qword ptr [rsp + 8]
	add	qword ptr [r8], rsi
	mov	r8, qword ptr [rdi]
	mov	r9, qword ptr [r8 + 8]
	cmp	dword ptr [r9 + 16], ecx
	ja	.LBB38_1
	mov	dword ptr [r8 + 80], edx
	mov	rcx, qword ptr [rdi]
	mov	dword ptr [rcx + 80], eax
	mov	eax, 1
.LBB38_3:
	mov	rcx, qword ptr [rdi + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 32
	pop	rbx
	ret
.LBB38_1:
	mov	qword ptr [rsp + 8], rsi
	mov	dword ptr [rsp + 16], ecx
	mov	dword ptr [rsp + 20], eax
	mov	byte ptr [rsp + 24], 0
	lea	rsi, [rsp + 8]
	mov	rbx, rdi
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::open::<impl deferrt_core::task::Cx<E,P,M>>::exit_open_cold::h1fda601925489090@GOTPCREL]
	mov	rdi, rbx
	xor	al, 1
	movzx	eax, al
	jmp	.LBB38_3
