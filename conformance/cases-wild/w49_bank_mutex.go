// rule: issue10 (wild) concurrent transfers between accounts with per-account mutexes locked in a fixed order; totals conserved
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Account struct {
	ID  int
	mu  sync.Mutex
	bal int
}

var ErrInsufficient = errors.New("insufficient funds")

func Transfer(from, to *Account, amt int) error {
	if from.ID == to.ID {
		return errors.New("same account")
	}
	first, second := from, to
	if second.ID < first.ID {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if from.bal < amt {
		return fmt.Errorf("transfer %d from #%d: %w", amt, from.ID, ErrInsufficient)
	}
	from.bal -= amt
	to.bal += amt
	return nil
}

func main() {
	accts := make([]*Account, 5)
	for i := range accts {
		accts[i] = &Account{ID: i, bal: 1000}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := 0
	for i := 0; i < 200; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			from, to := accts[i%5], accts[(i*7+1)%5]
			if err := Transfer(from, to, 10+i%7); err != nil {
				mu.Lock()
				defer mu.Unlock()
				if !errors.Is(err, ErrInsufficient) {
					failures++
				}
			}
		}(i)
	}
	wg.Wait()
	total := 0
	for _, a := range accts {
		total += a.bal
	}
	fmt.Println("total:", total, "same-account failures:", failures)
	fmt.Println(Transfer(accts[0], accts[1], 1_000_000))
}
