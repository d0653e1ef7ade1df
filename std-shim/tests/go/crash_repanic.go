// Crash report head (up to the blank line) recorded as crash_*.out.
package main

func f() {
	defer func() { panic(recover()) }()
	panic("message")
}

func main() { f() }
