// rule: issue10 (wild) a counting semaphore from a buffered channel bounds concurrency; results gathered under a mutex
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Stats struct {
	mu      sync.Mutex
	active  int
	maxSeen int
	done    []string
}

func (s *Stats) enter() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.active++
	if s.active > s.maxSeen {
		s.maxSeen = s.active
	}
}

func (s *Stats) leave(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.active--
	s.done = append(s.done, name)
}

func main() {
	const limit = 3
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	st := &Stats{}
	urls := strings.Fields("a.com b.org c.net d.io e.dev f.com g.org h.net")
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			st.enter()
			defer st.leave(u)
			_ = strings.Repeat(u, 100)
		}(u)
	}
	wg.Wait()
	sort.Strings(st.done)
	fmt.Println(st.done)
	fmt.Println("max concurrent within limit:", st.maxSeen >= 1 && st.maxSeen <= limit, "active:", st.active, "sem len:", len(sem))
}
