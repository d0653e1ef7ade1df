deferrt_benches::body_scopeguard::hd6d366070d81676e:
.Lfunc_begin124:
	mov	rax, qword ptr [rdi + 16]
	mov	qword ptr [rsp - 8], rax
	lea	rcx, [rsp - 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp - 8]
	add	qword ptr [rcx], rsi
	mov	rax, qword ptr [rax]
	ret
