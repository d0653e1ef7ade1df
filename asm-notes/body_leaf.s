deferrt_benches::body_leaf::hf7cdabbfed870a14:
.Lfunc_begin80:
	push	rbx
	sub	rsp, 16
	mov	rax, rsi
	mov	rcx, qword ptr [rdi]
	mov	edx, dword ptr [rcx + 80]
	lea	esi, [rdx + 1]
	mov	dword ptr [rcx + 80], esi
	mov	rcx, qword ptr [rdi + 16]
	mov	qword ptr [rsp + 8], rcx
	lea	rcx, [rsp + 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp + 8]
	add	qword ptr [rcx], rax
	mov	rax, qword ptr [rdi]
	mov	rcx, qword ptr [rax + 8]
	cmp	dword ptr [rcx + 16], esi
	je	.LBB80_2
	mov	dword ptr [rax + 80], edx
	mov	eax, 1
.LBB80_3:
	mov	rcx, qword ptr [rdi + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 16
	pop	rbx
	ret
.LBB80_2:
	mov	rbx, rdi
	call	qword ptr [rip + deferrt_core::open::<impl deferrt_core::task::Cx<E,P,M>>::chain_after_slots::h576bda0ca42c1992@GOTPCREL]
	mov	rdi, rbx
	xor	al, 1
	movzx	eax, al
	jmp	.LBB80_3
