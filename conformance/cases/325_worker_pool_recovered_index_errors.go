package main

import (
	"fmt"
	"sort"
	"sync"
)

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					results <- fmt.Sprintf("job %d failed: %v", j, r)
				}
			}()
			data := make([]int, j%4)
			results <- fmt.Sprintf("job %d -> %d", j, data[2])
		}()
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := range 8 {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	var out []string
	for r := range results {
		out = append(out, r)
	}
	sort.Strings(out)
	for _, r := range out {
		fmt.Println(r)
	}
	var mu sync.Mutex
	counts := map[string]int{}
	var wg2 sync.WaitGroup
	for _, w := range []string{"a", "b", "a", "c", "a"} {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			mu.Lock()
			defer mu.Unlock()
			counts[w]++
		}()
	}
	wg2.Wait()
	fmt.Println(counts)
}
