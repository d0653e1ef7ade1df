// rule: issue10 (wild) an errgroup written by hand: Go/Wait, first error kept with sync.Once, cancellation by closing a channel
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
	done    chan struct{}
}

func NewGroup() *Group { return &Group{done: make(chan struct{})} }

func (g *Group) Go(f func(done <-chan struct{}) error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(g.done); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				close(g.done)
			})
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	g.errOnce.Do(func() { close(g.done) })
	return g.err
}

var ErrBadInput = errors.New("bad input")

func main() {
	g := NewGroup()
	results := make([]int, 5)
	for i := range results {
		g.Go(func(done <-chan struct{}) error {
			results[i] = i * i
			return nil
		})
	}
	fmt.Println("err:", g.Wait(), "results:", results)

	g2 := NewGroup()
	started := make(chan struct{})
	var cancelled sync.WaitGroup
	cancelled.Add(3)
	for i := 0; i < 3; i++ {
		g2.Go(func(done <-chan struct{}) error {
			defer cancelled.Done()
			<-done
			return fmt.Errorf("worker %d: cancelled", i)
		})
	}
	g2.Go(func(done <-chan struct{}) error {
		close(started)
		return fmt.Errorf("validator: %w", ErrBadInput)
	})
	<-started
	cancelled.Wait()
	err := g2.Wait()
	fmt.Println("err:", err, errors.Is(err, ErrBadInput))
	select {
	case <-g2.done:
		fmt.Println("done channel closed")
	default:
		fmt.Println("done channel open")
	}
}
