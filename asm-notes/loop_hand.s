deferrt_benches::loop_hand::h039adc272a5bf17b:
.Lfunc_begin82:
	mov	rax, qword ptr [rdi + 16]
	test	rsi, rsi
	je	.LBB82_3
	xor	edx, edx
	lea	rcx, [rsp - 8]
.LBB82_2:
	mov	qword ptr [rsp - 8], rax
	#APP		# black_box barrier (inline asm)
	#NO_APP		# black_box barrier (inline asm)
	mov	rdi, qword ptr [rsp - 8]
	add	qword ptr [rdi], rdx
	inc	rdx
	cmp	rsi, rdx
	jne	.LBB82_2
.LBB82_3:
	mov	rax, qword ptr [rax]
	ret
