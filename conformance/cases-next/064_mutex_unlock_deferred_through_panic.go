// rule: A5, C4; issue10 sync.Mutex: defer mu.Unlock() releases the lock when the critical section panics and a caller recovers
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Withdraw(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if n > a.balance {
		panic(fmt.Sprintf("insufficient funds: have %d, want %d", a.balance, n))
	}
	a.balance -= n
}

func (a *Account) TryWithdraw(n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	a.Withdraw(n)
	return nil
}

func main() {
	acct := &Account{balance: 100}
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := acct.TryWithdraw(10); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	n := 0
	for range errs {
		n++
	}
	fmt.Println("balance:", acct.balance, "failed withdrawals:", n)
	fmt.Println(acct.TryWithdraw(1))
	ok := acct.mu.TryLock()
	fmt.Println("lock free after the panics:", ok)
}
