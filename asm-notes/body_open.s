deferrt_benches::body_open::hdfc8f8edd951b394:
.Lfunc_begin81:
	push	rbx
	sub	rsp, 32
	mov	rcx, qword ptr [rdi]
	mov	eax, dword ptr [rcx + 80]
	lea	r8d, [rax + 2]
	mov	dword ptr [rcx + 80], r8d
	mov	rcx, qword ptr [rdi + 16]
	mov	qword ptr [rsp + 8], rcx
	lea	rcx, [rsp + 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp + 8]
	add	qword ptr [rcx], rsi
	lea	ecx, [rax + 1]
	mov	rdx, qword ptr [rdi]
	cmp	dword ptr [rdx + 80], r8d
	jne	.LBB81_1
	mov	r8, qword ptr [rdx + 8]
	cmp	dword ptr [r8 + 16], ecx
	jae	.LBB81_1
	mov	dword ptr [rdx + 80], eax
	mov	eax, 1
.LBB81_4:
	mov	rcx, qword ptr [rdi + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 32
	pop	rbx
	ret
.LBB81_1:
	mov	qword ptr [rsp + 8], rsi
	mov	dword ptr [rsp + 16], ecx
	mov	dword ptr [rsp + 20], eax
	mov	byte ptr [rsp + 24], 0
	lea	rsi, [rsp + 8]
	mov	rbx, rdi
	xor	edx, edx
	call	qword ptr [rip + deferrt_core::open::<impl deferrt_core::task::Cx<E,P,M>>::exit_open_cold::h7da590139ea9d687@GOTPCREL]
	mov	rdi, rbx
	xor	al, 1
	movzx	eax, al
	jmp	.LBB81_4
