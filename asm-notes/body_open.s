deferrt_benches::body_open::h42e732a5a18ef103:
.Lfunc_begin194:
	push	rbx
	sub	rsp, 48
	mov	rcx, qword ptr [rdi]
	mov	rax, qword ptr [rcx + 72]
	cmp	eax, 2147483647
	jae	.LBB194_6
	lea	r8, [rax + 2]
	mov	qword ptr [rcx + 72], r8
	mov	rcx, qword ptr [rdi + 16]
	mov	qword ptr [rsp + 8], rcx
	lea	rcx, [rsp + 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp + 8]
	add	qword ptr [rcx], rsi
	lea	rcx, [rax + 1]
	mov	rdx, qword ptr [rdi]
	cmp	qword ptr [rdx + 72], r8
	jne	.LBB194_2
	mov	r8, qword ptr [rdx + 40]
	cmp	dword ptr [r8 - 8], ecx
	jae	.LBB194_2
	mov	qword ptr [rdx + 72], rax
	mov	eax, 1
.LBB194_5:
	mov	rcx, qword ptr [rdi + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 48
	pop	rbx
	ret
.LBB194_2:
	mov	rax, qword ptr [rdx + 24]
	mov	qword ptr [rsp + 8], rax
	mov	qword ptr [rsp + 16], rcx
	mov	qword ptr [rsp + 24], 1
	mov	qword ptr [rsp + 32], rsi
	mov	byte ptr [rsp + 40], 0
	lea	rsi, [rsp + 8]
	mov	edx, 1
	mov	rbx, rdi
	xor	ecx, ecx
	call	qword ptr [rip + deferrt_core::open::<impl deferrt_core::task::cx::Cx<E,P,M>>::exit_open_slow::h29a2a54146d6c709@GOTPCREL]
	mov	rdi, rbx
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB194_5
.LBB194_6:
	lea	rdi, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.12]
	lea	rdx, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
