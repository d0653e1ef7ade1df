// Crash report head (up to the blank line) recorded as crash_*.out.
package main

func f() {
	defer func() { panic("third") }()
	defer func() { recover(); panic("second") }()
	panic("first")
}

func main() { f() }
