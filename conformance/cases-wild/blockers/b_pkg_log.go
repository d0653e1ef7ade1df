// blocker: package log (SetFlags, SetPrefix, Println, Panicf, Fatalf)
// uses: "log"
package main

import "log"

func main() { log.SetFlags(0); log.SetPrefix("app: "); log.Println("x"); log.Fatalf("bad %d", 1) }
