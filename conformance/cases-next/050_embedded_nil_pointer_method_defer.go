// rule: A1, A3, A8, B3; issue9 embedding a nil pointer: a promoted pointer method is deferred fine, a promoted value method dereferences at the defer statement
package main

import "fmt"

type Logger struct{ prefix string }

func (l *Logger) Flush() {
	if l == nil {
		fmt.Println("Flush on nil *Logger")
		return
	}
	fmt.Println("Flush", l.prefix)
}

func (l Logger) Name() { fmt.Println("Name", l.prefix) }

type Service struct {
	*Logger
	id int
}

func ptrMethod(s Service) {
	defer s.Flush()
	fmt.Println("ptrMethod body", s.id)
}

func valMethod(s Service) {
	defer func() { fmt.Println("valMethod recovered:", recover()) }()
	defer fmt.Println("registered before the failing defer")
	defer s.Name()
	fmt.Println("valMethod body", s.id)
}

func main() {
	ptrMethod(Service{id: 1})
	ptrMethod(Service{Logger: &Logger{"svc"}, id: 2})
	valMethod(Service{Logger: &Logger{"ok"}, id: 3})
	valMethod(Service{id: 4})
}
