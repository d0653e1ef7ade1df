deferrt_benches::body_hand::h61f4328c73316426:
.Lfunc_begin154:
	mov	rax, qword ptr [rdi + 16]
	mov	qword ptr [rsp - 8], rax
	lea	rcx, [rsp - 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp - 8]
	add	qword ptr [rcx], rsi
	mov	rax, qword ptr [rax]
	ret
