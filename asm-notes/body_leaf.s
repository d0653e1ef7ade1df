deferrt_benches::body_leaf::h6bdcf076078012b3:
.Lfunc_begin94:
	push	rbx
	sub	rsp, 16
	mov	rcx, qword ptr [rdi]
	mov	rdx, qword ptr [rcx + 48]
	cmp	edx, 2147483647
	jae	.LBB94_5
	mov	rax, rsi
	lea	rsi, [rdx + 1]
	mov	qword ptr [rcx + 48], rsi
	mov	r8, qword ptr [rdi + 16]
	mov	qword ptr [rsp + 8], r8
	lea	r8, [rsp + 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	r8, qword ptr [rsp + 8]
	add	qword ptr [r8], rax
	mov	rax, qword ptr [rcx + 40]
	cmp	dword ptr [rax + 16], esi
	je	.LBB94_3
	mov	qword ptr [rcx + 48], rdx
	mov	eax, 1
.LBB94_4:
	mov	rcx, qword ptr [rdi + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 16
	pop	rbx
	ret
.LBB94_5:
	lea	rdi, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.10]
	lea	rdx, [rip + .Lanon.d594136d1f8197e11d629f628b307c23.12]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB94_3:
	mov	edx, 1
	mov	rbx, rdi
	call	qword ptr [rip + deferrt_core::open::<impl deferrt_core::task::cx::Cx<E,P,M>>::exit_open_chain_calls::h48747907d5708389@GOTPCREL]
	mov	rdi, rbx
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB94_4
