// rule: issue10 (wild) a parallel map writing results by index; panics in workers become errors joined with errors.Join
package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

func ParallelMap[T, U any](in []T, f func(T) (U, error)) ([]U, error) {
	out := make([]U, len(in))
	errs := make([]error, len(in))
	var wg sync.WaitGroup
	for i, v := range in {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errs[i] = fmt.Errorf("item %d: panic: %v", i, r)
				}
			}()
			u, err := f(v)
			if err != nil {
				errs[i] = fmt.Errorf("item %d: %w", i, err)
				return
			}
			out[i] = u
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

func main() {
	nums, err := ParallelMap([]string{"1", "22", "333"}, strconv.Atoi)
	fmt.Println(nums, err)
	nums, err = ParallelMap([]string{"7", "x", "9", "", "10"}, func(s string) (int, error) {
		if s == "" {
			var m map[string]int
			m[s]++
		}
		return strconv.Atoi(s)
	})
	fmt.Printf("%v\n%v\n", nums, err)
	fmt.Println(errors.Is(err, strconv.ErrSyntax))
	lens, _ := ParallelMap([]string{"a", "bb", "ccc"}, func(s string) (int, error) { return len(s), nil })
	fmt.Println(lens)
}
