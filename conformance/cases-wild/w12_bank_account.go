// rule: issue9 (wild) a bank account exercise: methods, custom errors, defer-based audit log
package main

import (
	"errors"
	"fmt"
	"strings"
)

type InsufficientFundsError struct {
	Need, Have int64
}

func (e *InsufficientFundsError) Error() string {
	return fmt.Sprintf("insufficient funds: need %d, have %d", e.Need, e.Have)
}

var ErrFrozen = errors.New("account frozen")

type Account struct {
	Owner   string
	Balance int64
	Frozen  bool
	history []string
}

func (a *Account) audit(op string, amt int64, err *error) {
	status := "ok"
	if *err != nil {
		status = "FAILED: " + (*err).Error()
	}
	a.history = append(a.history, fmt.Sprintf("%s %d %s", op, amt, status))
}

func (a *Account) Withdraw(amt int64) (err error) {
	defer a.audit("withdraw", amt, &err)
	if a.Frozen {
		return ErrFrozen
	}
	if amt > a.Balance {
		return &InsufficientFundsError{Need: amt, Have: a.Balance}
	}
	a.Balance -= amt
	return nil
}

func (a *Account) Deposit(amt int64) (err error) {
	defer a.audit("deposit", amt, &err)
	if amt <= 0 {
		return fmt.Errorf("deposit: invalid amount %d", amt)
	}
	a.Balance += amt
	return nil
}

func (a Account) String() string {
	return fmt.Sprintf("%s: $%d.%02d", a.Owner, a.Balance/100, a.Balance%100)
}

func main() {
	acct := &Account{Owner: "Jane", Balance: 10050}
	fmt.Println(acct)
	_ = acct.Deposit(2599)
	err := acct.Withdraw(50000)
	var ife *InsufficientFundsError
	if errors.As(err, &ife) {
		fmt.Println("short by", ife.Need-ife.Have)
	}
	_ = acct.Deposit(-5)
	acct.Frozen = true
	if err := acct.Withdraw(1); errors.Is(err, ErrFrozen) {
		fmt.Println("frozen!")
	}
	fmt.Println(*acct)
	fmt.Println(strings.Join(acct.history, "\n"))
}
