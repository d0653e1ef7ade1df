package main

// Package context's cancellation as defer code uses it: `defer cancel()`,
// workers that stop when their context is done and report from a deferred
// call, cancellation reaching children (through WithValue and through a
// user type embedding a Context) before cancel returns, a child of a
// canceled parent canceled at once, cancel called twice, Err, errors.Is,
// Value lookups and the contexts' String and %T.

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

type ctxKey string

type reqID int

// traced wraps a Context: its methods are the embedded one's.
type traced struct {
	context.Context
	name string
}

func worker(ctx context.Context, id int, wg *sync.WaitGroup, results []string) {
	defer wg.Done()
	defer func() { results[id] = fmt.Sprintf("worker %d: %v", id, ctx.Err()) }()
	<-ctx.Done()
}

func run(parent context.Context) (err error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("run: %v (ctx err before our cancel: %v)", r, ctx.Err())
		}
	}()
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range 3 {
		wg.Add(1)
		go worker(ctx, i, &wg, results)
	}
	cancel()
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	panic("stop")
}

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Err(), bg.Done() == nil, bg.Value("k"))
	_, has := bg.Deadline()
	fmt.Println("deadline:", has)

	fmt.Println(run(bg))

	root, cancelRoot := context.WithCancel(bg)
	defer fmt.Println("main: deferred print after cancelRoot:", root.Err())
	defer cancelRoot()
	v := context.WithValue(root, ctxKey("user"), "gopher")
	v2 := context.WithValue(v, reqID(7), 42)
	fmt.Println(v2.Value(ctxKey("user")), v2.Value(reqID(7)), v2.Value("user"), v2.Value(reqID(8)))
	fmt.Println(v2)
	fmt.Printf("%T %T %T\n", bg, root, v2)

	viaValue, c1 := context.WithCancel(v2)
	defer c1()
	viaWrapper, c2 := context.WithCancel(traced{root, "t"})
	defer c2()
	cancelRoot()
	fmt.Println("after cancelRoot:", viaValue.Err(), viaWrapper.Err(), v2.Err())
	select {
	case <-viaValue.Done():
		fmt.Println("viaValue done")
	default:
		fmt.Println("viaValue not done")
	}
	cancelRoot()
	late, c3 := context.WithCancel(viaValue)
	fmt.Println("late child:", late.Err(), errors.Is(late.Err(), context.Canceled), late.Err() == context.Canceled)
	c3()
	c3()

	other, cancelOther := context.WithCancel(bg)
	sibling, cancelSibling := context.WithCancel(other)
	cancelSibling()
	fmt.Println("sibling only:", other.Err(), sibling.Err())
	cancelOther()
	fmt.Println(other, sibling)
}
