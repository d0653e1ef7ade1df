deferrt_benches::body_inline::ha63271fa4840d39f:
.Lfunc_begin156:
	mov	rax, qword ptr [rdi + 16]
	mov	qword ptr [rsp - 8], rax
	lea	rax, [rsp - 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rax, qword ptr [rsp - 8]
	add	qword ptr [rax], rsi
	mov	rax, qword ptr [rdi + 16]
	mov	rax, qword ptr [rax]
	ret
