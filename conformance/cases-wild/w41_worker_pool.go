// rule: issue10 (wild) a worker pool: jobs channel, results channel, defer wg.Done(), a closer goroutine, sorted results
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct {
	ID int
	N  int
}

type Result struct {
	JobID  int
	Worker int
	Sum    int
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		s := 0
		for i := 1; i <= j.N; i++ {
			s += i
		}
		results <- Result{JobID: j.ID, Worker: id, Sum: s}
	}
}

func main() {
	const numJobs, numWorkers = 12, 4
	jobs := make(chan Job, numJobs)
	results := make(chan Result, numJobs)
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i := 1; i <= numJobs; i++ {
		jobs <- Job{ID: i, N: i * 10}
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []Result
	workersSeen := map[int]bool{}
	for r := range results {
		all = append(all, r)
		workersSeen[r.Worker] = true
	}
	sort.Slice(all, func(i, j int) bool { return all[i].JobID < all[j].JobID })
	total := 0
	for _, r := range all {
		fmt.Printf("job %2d: sum=%d\n", r.JobID, r.Sum)
		total += r.Sum
	}
	fmt.Println("jobs:", len(all), "total:", total, "workers used <= 4:", len(workersSeen) <= numWorkers)
}
