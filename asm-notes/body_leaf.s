deferrt_benches::body_leaf::hf7cdabbfed870a14:
.Lfunc_begin78:
	mov	rax, qword ptr [rdi]
	mov	ecx, dword ptr [rax + 80]
	lea	edx, [rcx + 1]
	mov	dword ptr [rax + 80], edx
	mov	rax, qword ptr [rdi + 16]
	mov	qword ptr [rsp - 8], rax
	lea	rax, [rsp - 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rax, qword ptr [rsp - 8]
	add	qword ptr [rax], rsi
	mov	rax, qword ptr [rdi]
	mov	dword ptr [rax + 80], ecx
	mov	rax, qword ptr [rdi + 16]
	mov	rax, qword ptr [rax]
	inc	rax
	ret
