// rule: D6, A1; issue9 log: Printf/Println to stderr, Fatal exits with status 1 without running defers
package main

import (
	"fmt"
	"log"
)

func check(ok bool) {
	defer log.Println("check defer: only on the normal path")
	if !ok {
		log.Fatalf("check failed: %d", 42)
	}
}

func main() {
	log.SetFlags(0)
	defer fmt.Println("main defer: never printed")
	log.Printf("starting %s", "job")
	log.Print("no newline added twice\n")
	check(true)
	log.SetPrefix("app: ")
	log.Println("with prefix")
	fmt.Println("stdout line")
	check(false)
	fmt.Println("unreachable")
}
