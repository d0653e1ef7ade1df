// rule: issue10 (wild) fan-out/fan-in: several producers merged into one channel, closed after a WaitGroup
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func producer(name string, n int) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- fmt.Sprintf("%s-%d", name, i)
		}
	}()
	return ch
}

func merge(cs ...<-chan string) <-chan string {
	var wg sync.WaitGroup
	out := make(chan string)
	output := func(c <-chan string) {
		defer wg.Done()
		for s := range c {
			out <- strings.ToUpper(s)
		}
	}
	wg.Add(len(cs))
	for _, c := range cs {
		go output(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	var got []string
	perSource := map[string]int{}
	for s := range merge(producer("a", 3), producer("b", 2), producer("c", 4)) {
		got = append(got, s)
		perSource[s[:1]]++
	}
	sort.Strings(got)
	fmt.Println(len(got), got)
	fmt.Println(perSource)
	// order within one source is preserved
	var order []string
	for s := range merge(producer("x", 5)) {
		order = append(order, s)
	}
	fmt.Println(order)
}
