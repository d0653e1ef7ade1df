deferrt_benches::body_chain::h44e8299d1ee2668e:
.Lfunc_begin152:
	push	r15
	push	r14
	push	r12
	push	rbx
	push	rax
	mov	r15, qword ptr [rdi]
	mov	r14, qword ptr [r15 + 72]
	cmp	r14d, 2147483646
	ja	.LBB152_19
	mov	rdx, rsi
	mov	rbx, rdi
	inc	r14
	mov	qword ptr [r15 + 72], r14
	mov	r12, qword ptr [r15 + 24]
	mov	rax, qword ptr [r15 + 40]
	lea	rdi, [rax + 32]
	cmp	rdi, qword ptr [r15 + 48]
	ja	.LBB152_2
	mov	qword ptr [rax], rdx
	lea	rcx, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.60]
	mov	qword ptr [rax + 16], rcx
	mov	qword ptr [rax + 24], r14
	mov	qword ptr [r15 + 40], rdi
	cmp	r12, qword ptr [r15 + 24]
	jne	.LBB152_6
.LBB152_5:
	cmp	r14, qword ptr [r15 + 72]
	jne	.LBB152_6
	cmp	dword ptr [rdi - 8], r14d
	jne	.LBB152_17
.LBB152_9:
	lea	r12, [r14 + 1]
	mov	qword ptr [r15 + 72], r12
.LBB152_10:
	mov	rax, qword ptr [rdi - 16]
	mov	rcx, qword ptr [rax]
	cmp	qword ptr [rdi + rcx - 16], rax
	je	.LBB152_12
	add	rdi, rcx
	mov	qword ptr [r15 + 40], rdi
	mov	rsi, rbx
	call	qword ptr [rax + 8]
	test	rax, rax
	je	.LBB152_14
	jmp	.LBB152_20
.LBB152_12:
	mov	rdi, rbx
	mov	rsi, rax
	mov	rdx, r12
	call	qword ptr [rax + 16]
	test	rax, rax
	jne	.LBB152_20
.LBB152_14:
	mov	r15, qword ptr [rbx]
	cmp	qword ptr [r15 + 72], r12
	jne	.LBB152_20
	mov	rdi, qword ptr [r15 + 40]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB152_10
	jae	.LBB152_20
.LBB152_17:
	dec	r14
	mov	qword ptr [r15 + 72], r14
	mov	eax, 1
.LBB152_18:
	mov	rcx, qword ptr [rbx + 16]
	add	rax, qword ptr [rcx]
	add	rsp, 8
	pop	rbx
	pop	r12
	pop	r14
	pop	r15
	ret
.LBB152_20:
	mov	rdi, rbx
	mov	esi, r14d
	mov	rdx, r12
	mov	rcx, rax
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::exit_after_unusual_call::hadb2a219e216d69a@GOTPCREL]
	mov	rcx, rax
	xor	eax, eax
	test	rcx, rcx
	sete	al
	jmp	.LBB152_18
.LBB152_19:
	lea	rdi, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.12]
	lea	rdx, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.14]
	mov	esi, 207
	call	qword ptr [rip + core[c1f1a4ba060b9bfa]::panicking::panic_fmt@GOTPCREL]
.LBB152_2:
	mov	rsi, qword ptr [rbx + 8]
	mov	rdi, r15
	call	qword ptr [rip + deferrt_core::task::vtable::push_after_grow::h758a505c7a796bdd@GOTPCREL]
	mov	rdi, rax
	mov	qword ptr [r15 + 40], rdi
	cmp	r12, qword ptr [r15 + 24]
	je	.LBB152_5
.LBB152_6:
	lea	rcx, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.31]
	lea	r9, [rip + .Lanon.45ce5667888ab4fe798752259924a73a.33]
	mov	r8d, 4
	mov	rdi, rbx
	mov	rsi, r12
	mov	rdx, r14
	call	qword ptr [rip + deferrt_core::task::cx::Cx<E,P,M>::align_to::h2dcb05b75e0d3b25@GOTPCREL]
	mov	ecx, eax
	mov	eax, 1
	test	cl, cl
	je	.LBB152_18
	mov	rdi, qword ptr [r15 + 40]
	mov	r14, qword ptr [r15 + 72]
	cmp	dword ptr [rdi - 8], r14d
	je	.LBB152_9
	jmp	.LBB152_17
