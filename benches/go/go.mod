module deferrt.invalid/benches

go 1.27
