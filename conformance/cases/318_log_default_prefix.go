package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	defer fmt.Println("main defer")
	log.Println("to stderr", 1, 2)
	log.Printf("formatted %d", 3)
	log.Print("a", "b", 5)
	log.SetPrefix("[app] ")
	log.Print("with prefix")
	log.SetFlags(log.Lmsgprefix)
	log.Print("msgprefix")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.Panicf("panic %s", "here")
	}()
	log.Fatalln("fatal", "now")
}
