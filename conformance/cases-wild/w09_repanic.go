// rule: issue9 (wild) re-panicking after cleanup; the final crash shows the recovered-and-repanicked chain
package main

import (
	"fmt"
	"os"
)

type Server struct {
	name    string
	cleaned []string
}

func (s *Server) cleanup(what string) {
	s.cleaned = append(s.cleaned, what)
	fmt.Println("cleanup:", what)
}

func (s *Server) handle(req string) {
	defer func() {
		if r := recover(); r != nil {
			s.cleanup("request " + req)
			if req == "fatal" {
				panic(fmt.Sprintf("handler %s: unrecoverable: %v", s.name, r))
			}
			fmt.Fprintln(os.Stderr, "handled:", r)
		}
	}()
	switch req {
	case "ok":
		fmt.Println("served", req)
	default:
		panic("bad request " + req)
	}
}

func main() {
	s := &Server{name: "api"}
	defer fmt.Println("main: cleaned", len(s.cleaned), "things")
	for _, r := range []string{"ok", "weird", "ok", "fatal", "never"} {
		s.handle(r)
	}
}
