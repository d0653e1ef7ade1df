deferrt_benches::body_scopeguard::hd82a5c15c3ed5a10:
.Lfunc_begin132:
	mov	rax, qword ptr [rdi + 16]
	mov	qword ptr [rsp - 8], rax
	lea	rcx, [rsp - 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp - 8]
	add	qword ptr [rcx], rsi
	mov	rax, qword ptr [rax]
	ret
