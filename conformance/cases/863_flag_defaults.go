package main

import (
	"flag"
	"fmt"
	"os"
)

// Flags defined without command-line arguments keep their defaults; Parse
// leaves no arguments over. A deferred report reads them after a panic.
var (
	workers = flag.Int("workers", 4, "number of workers")
	dryRun  = flag.Bool("dry-run", true, "only print")
	label   = flag.String("label", "nightly", "run label")
	limit   = flag.Uint64("limit", 1<<63+5, "byte limit")
)

func run(scale float64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("run %s (workers=%d, scale=%g): %v", *label, *workers, scale, r)
		}
	}()
	if *dryRun {
		panic("dry run requested")
	}
	return nil
}

func main() {
	var scale float64
	var retries int
	var seed int64
	flag.Float64Var(&scale, "scale", 1.5, "scale factor")
	flag.IntVar(&retries, "retries", -2, "retries")
	flag.Int64Var(&seed, "seed", 1<<40, "seed")
	flag.Parse()
	fmt.Println(len(os.Args), flag.NArg(), flag.NFlag(), flag.Args(), flag.Arg(0) == "")
	fmt.Println(*workers, *dryRun, *label, *limit, scale, retries, seed)
	*workers *= 2
	fmt.Println(run(scale))
	*dryRun = false
	fmt.Println(run(scale / 2))
}
