deferrt_benches::body_hand::hf176219b2a1af2dd:
.Lfunc_begin93:
	mov	rax, qword ptr [rdi + 16]
	mov	qword ptr [rsp - 8], rax
	lea	rcx, [rsp - 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp - 8]
	add	qword ptr [rcx], rsi
	mov	rax, qword ptr [rax]
	ret
