package main

import (
	"fmt"
	"sync"
)

// `go i.M()` with a nil *T in i and M a method of T: the wrapper runs in
// the new goroutine, so the go statement itself does not panic and the
// spawning goroutine's recover sees nothing; the new goroutine's panic
// ends the program. A non-nil pointer's method value runs normally.

type Job struct{ id int }

func (j Job) Run(wg *sync.WaitGroup, tag string) {
	defer wg.Done()
	fmt.Println("job", j.id, tag)
}

type Runner interface {
	Run(wg *sync.WaitGroup, tag string)
}

var runners []Runner

func main() {
	var wg sync.WaitGroup
	runners = []Runner{&Job{1}, (*Job)(nil)}
	wg.Add(1)
	go runners[0].Run(&wg, "direct")
	wg.Wait()
	run := runners[0].Run
	wg.Add(1)
	go run(&wg, "method value")
	wg.Wait()

	defer func() { fmt.Println("main recovered:", recover()) }()
	broken := runners[1].Run
	fmt.Println("method value of the nil pointer taken")
	wg.Add(1)
	go broken(&wg, "never")
	wg.Wait()
}
