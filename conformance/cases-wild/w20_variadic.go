// rule: issue9 (wild) variadic helpers, f(s...), defers with variadic calls, multiple return values
package main

import (
	"errors"
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func logf(prefix string, format string, args ...any) {
	fmt.Printf(prefix+" "+format+"\n", args...)
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func minMax(first int, rest ...int) (min, max int) {
	min, max = first, first
	for _, v := range rest {
		if v < min {
			min = v
		}
		if v > max {
			max = v
		}
	}
	return
}

func cleanup(names ...string) {
	fmt.Println("cleanup:", strings.Join(names, ","), len(names))
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	logf("[INFO]", "%d items, %s", 3, "ok")
	logf("[WARN]", "nothing")
	fmt.Println(firstErr(nil, errors.New("second"), errors.New("third")))
	fmt.Println(firstErr())
	fmt.Println(minMax(5, 2, 9, -3, 7))
	lo, hi := minMax(1)
	fmt.Println(lo, hi)
	args := []string{"db", "cache"}
	defer cleanup(args...)
	args[0] = "DB"
	defer cleanup()
	args = append(args, "queue")
	defer cleanup(args...)
	fmt.Println(append([]int{1}, nums...), fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil))
}
