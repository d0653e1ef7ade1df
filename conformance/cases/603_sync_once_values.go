// issue 9/10: sync.OnceValues: one call of f for many goroutines, both
// results kept (a pointer compared equal, an error value the same), a
// panic of f re-raised by every call and recovered by defers, and the
// made func called inside a deferred closure
package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

type Config struct{ Port int }

var calls int

func main() {
	load := sync.OnceValues(func() (*Config, error) {
		calls++
		return &Config{Port: 8080}, nil
	})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := load()
			if err != nil || c.Port != 8080 {
				panic("bad")
			}
		}()
	}
	wg.Wait()
	c1, _ := load()
	c2, _ := load()
	fmt.Println(calls, c1 == c2, c1.Port)

	parse := sync.OnceValues(func() (int, error) { return strconv.Atoi("x1") })
	n, err := parse()
	fmt.Println(n, err)
	_, err2 := parse()
	fmt.Println(err == err2)

	boom := sync.OnceValues(func() (string, []int) {
		calls++
		panic("boom once")
	})
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover(), calls) }()
			s, xs := boom()
			fmt.Println(s, xs)
		}()
	}
	get := sync.OnceValues(func() (string, error) { return "v", errors.New("e") })
	defer func() {
		s, e := get()
		fmt.Println("deferred:", s, e)
	}()
	fmt.Printf("%T\n", get)
}
