deferrt_benches::loop_hand::h759da946a1b68fc2:
.Lfunc_begin167:
	mov	rax, qword ptr [rdi + 16]
	test	rsi, rsi
	je	.LBB167_3
	xor	edx, edx
	lea	rcx, [rsp - 8]
.LBB167_2:
	mov	qword ptr [rsp - 8], rax
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rdi, qword ptr [rsp - 8]
	add	qword ptr [rdi], rdx
	inc	rdx
	cmp	rsi, rdx
	jne	.LBB167_2
.LBB167_3:
	mov	rax, qword ptr [rax]
	ret
