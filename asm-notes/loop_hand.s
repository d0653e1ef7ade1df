deferrt_benches::loop_hand::hed756117e20fb5dd:
.Lfunc_begin157:
	mov	rax, qword ptr [rdi + 16]
	test	rsi, rsi
	je	.LBB157_3
	xor	edx, edx
	lea	rcx, [rsp - 8]
.LBB157_2:
	mov	qword ptr [rsp - 8], rax
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rdi, qword ptr [rsp - 8]
	add	qword ptr [rdi], rdx
	inc	rdx
	cmp	rsi, rdx
	jne	.LBB157_2
.LBB157_3:
	mov	rax, qword ptr [rax]
	ret
