// rule: issue10 (wild) goroutines that recover their own panics and report them as errors over a channel
package main

import (
	"errors"
	"fmt"
	"sort"
)

type TaskError struct {
	Task  string
	Cause any
}

func (e *TaskError) Error() string { return fmt.Sprintf("task %s panicked: %v", e.Task, e.Cause) }

func safeGo(name string, f func() int, out chan<- string, errs chan<- error) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				errs <- &TaskError{Task: name, Cause: r}
			}
		}()
		out <- fmt.Sprintf("%s=%d", name, f())
	}()
}

func main() {
	out := make(chan string)
	errs := make(chan error)
	table := []int{10, 20, 30}
	tasks := map[string]func() int{
		"ok":     func() int { return 42 },
		"index":  func() int { return table[len(table)] },
		"manual": func() int { panic(errors.New("manual failure")) },
		"div": func() int {
			d := len(table) - 3
			return 10 / d
		},
		"sum": func() int {
			s := 0
			for _, v := range table {
				s += v
			}
			return s
		},
	}
	for name, f := range tasks {
		safeGo(name, f, out, errs)
	}
	var oks, fails []string
	for range tasks {
		select {
		case s := <-out:
			oks = append(oks, s)
		case err := <-errs:
			var te *TaskError
			if errors.As(err, &te) {
				fails = append(fails, fmt.Sprintf("%s (%T)", err, te.Cause))
			}
		}
	}
	sort.Strings(oks)
	sort.Strings(fails)
	fmt.Println("succeeded:", oks)
	for _, f := range fails {
		fmt.Println("failed:", f)
	}
}
