// rule: issue9 (wild) the log package with flags off: Printf/Println to stderr, a prefix, log.Panicf recovered, log.Fatalf at the end
package main

import (
	"fmt"
	"log"
)

type Job struct {
	ID    int
	Input string
}

func process(j Job) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("job %d: %v", j.ID, r)
		}
	}()
	if j.Input == "" {
		log.Panicf("job %d has no input", j.ID)
	}
	return fmt.Sprintf("<%s>", j.Input), nil
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("worker: ")
	defer fmt.Println("deferred in main (not run by log.Fatal)")
	jobs := []Job{{1, "a"}, {2, ""}, {3, "c"}}
	failed := 0
	for _, j := range jobs {
		out, err := process(j)
		if err != nil {
			log.Println("error:", err)
			failed++
			continue
		}
		log.Printf("job %d -> %s", j.ID, out)
		fmt.Println(out)
	}
	if failed > 0 {
		log.Fatalf("%d of %d jobs failed", failed, len(jobs))
	}
}
