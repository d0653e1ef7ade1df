deferrt_benches::body_leaf::h9abb8db2cf8a698a:
.Lfunc_begin193:
	push	rbx
	sub	rsp, 16
	mov	rcx, qword ptr [rdi]
	mov	rdx, qword ptr [rcx + 72]
	cmp	edx, 2147483647
	jae	.LBB193_5
	mov	rax, rsi
	lea	rsi, [rdx + 1]
	mov	qword ptr [rcx + 72], rsi
	mov	r8, qword ptr [rdi + 16]
	mov	qword ptr [rsp + 8], r8
	lea	r8, [rsp + 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	r8, qword ptr [rsp + 8]
	add	qword ptr [r8], rax
	mov	rax, qword ptr [rcx + 40]
	cmp	dword ptr [rax - 8], esi
	je	.LBB193_3
	mov	qword ptr [rcx + 72], rdx
	mov	eax, 1
.LBB193_4:
	mov	rcx, qword ptr [rdi + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 16
	pop	rbx
	ret
.LBB193_5:
	lea	rdi, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.12]
	lea	rdx, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB193_3:
	mov	edx, 1
	mov	rbx, rdi
	call	qword ptr [rip + deferrt_core::open::<impl deferrt_core::task::cx::Cx<E,P,M>>::exit_open_chain_calls::hce8b9883f357312a@GOTPCREL]
	mov	rdi, rbx
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB193_4
