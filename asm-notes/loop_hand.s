deferrt_benches::loop_hand::h779af65979a44670:
.Lfunc_begin96:
	mov	rax, qword ptr [rdi + 16]
	test	rsi, rsi
	je	.LBB96_3
	xor	edx, edx
	lea	rcx, [rsp - 8]
.LBB96_2:
	mov	qword ptr [rsp - 8], rax
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rdi, qword ptr [rsp - 8]
	add	qword ptr [rdi], rdx
	inc	rdx
	cmp	rsi, rdx
	jne	.LBB96_2
.LBB96_3:
	mov	rax, qword ptr [rax]
	ret
