deferrt_benches::body_hand::h48f0bbad9ebb6f04:
.Lfunc_begin192:
	mov	rax, qword ptr [rdi + 16]
	mov	qword ptr [rsp - 8], rax
	lea	rcx, [rsp - 8]
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rcx, qword ptr [rsp - 8]
	add	qword ptr [rcx], rsi
	mov	rax, qword ptr [rax]
	ret
