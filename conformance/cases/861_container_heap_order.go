package main

import (
	"container/heap"
	"fmt"
	"strings"
)

// A priority queue of jobs on container/heap; every comparison is logged,
// so the order in which the package calls Less and Swap is visible.
type job struct {
	name string
	prio int
	at   int
}

type queue struct {
	jobs []*job
	log  *strings.Builder
}

func (q queue) Len() int { return len(q.jobs) }
func (q queue) Less(i, j int) bool {
	fmt.Fprintf(q.log, "<%d,%d>", i, j)
	return q.jobs[i].prio > q.jobs[j].prio
}
func (q queue) Swap(i, j int) {
	q.jobs[i], q.jobs[j] = q.jobs[j], q.jobs[i]
	q.jobs[i].at, q.jobs[j].at = i, j
}
func (q *queue) Push(x any) {
	j := x.(*job)
	j.at = len(q.jobs)
	q.jobs = append(q.jobs, j)
}
func (q *queue) Pop() any {
	last := q.jobs[len(q.jobs)-1]
	q.jobs = q.jobs[:len(q.jobs)-1]
	last.at = -1
	return last
}

func drain(q *queue) (out []string) {
	defer func() {
		if r := recover(); r != nil {
			out = append(out, fmt.Sprint("recovered: ", r))
		}
	}()
	defer func() { out = append(out, fmt.Sprint("left: ", q.Len())) }()
	for q.Len() > 0 {
		j := heap.Pop(q).(*job)
		if j.prio < 0 {
			panic("negative priority " + j.name)
		}
		out = append(out, fmt.Sprintf("%s:%d", j.name, j.prio))
	}
	return out
}

func main() {
	var log strings.Builder
	q := &queue{log: &log}
	for i, n := range []string{"build", "test", "lint", "deploy", "docs", "bench"} {
		q.jobs = append(q.jobs, &job{name: n, prio: (i * 7) % 5, at: i})
	}
	heap.Init(q)
	fmt.Println("init", log.String())
	log.Reset()
	heap.Push(q, &job{name: "hotfix", prio: 9})
	q.jobs[4].prio = 10
	heap.Fix(q, 4)
	removed := heap.Remove(q, 2).(*job)
	fmt.Println("removed", removed.name, removed.at, log.String())
	var h heap.Interface = q
	heap.Push(h, &job{name: "release", prio: 3})
	heap.Push(h, &job{name: "broken", prio: -1})
	fmt.Println(strings.Join(drain(q), " "))
}
