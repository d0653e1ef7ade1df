deferrt_benches::loop_hand::h69c840b6a4ba5b0e:
.Lfunc_begin39:
	mov	rax, qword ptr [rdi + 16]
	test	rsi, rsi
	je	.LBB39_3
	xor	edx, edx
	lea	rcx, [rsp - 8]
.LBB39_2:
	mov	qword ptr [rsp - 8], rax
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rdi, qword ptr [rsp - 8]
	add	qword ptr [rdi], rdx
	inc	rdx
	cmp	rsi, rdx
	jne	.LBB39_2
.LBB39_3:
	mov	rax, qword ptr [rax]
	ret
