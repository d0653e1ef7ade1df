deferrt_benches::loop_hand::h357303baa62aa33e:
.Lfunc_begin195:
	mov	rax, qword ptr [rdi + 16]
	test	rsi, rsi
	je	.LBB195_3
	xor	edx, edx
	lea	rcx, [rsp - 8]
.LBB195_2:
	mov	qword ptr [rsp - 8], rax
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rdi, qword ptr [rsp - 8]
	add	qword ptr [rdi], rdx
	inc	rdx
	cmp	rsi, rdx
	jne	.LBB195_2
.LBB195_3:
	mov	rax, qword ptr [rax]
	ret
