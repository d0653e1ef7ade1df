// rule: issue10 (wild) send on a closed channel and double close, recovered in goroutines; an unrecovered double close ends main
package main

import (
	"fmt"
)

func trySend(ch chan int, v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("send %d: %v", v, r)
		}
	}()
	ch <- v
	return nil
}

func tryClose(ch chan int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%T: %v", r, r)
		}
	}()
	close(ch)
	return nil
}

func main() {
	ch := make(chan int, 1)
	errs := make(chan error)
	go func() {
		errs <- trySend(ch, 1)
		close(ch)
		errs <- trySend(ch, 2)
		errs <- tryClose(ch)
		var nilCh chan int
		errs <- tryClose(nilCh)
	}()
	for i := 0; i < 4; i++ {
		fmt.Println(<-errs)
	}
	v, ok := <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
	defer fmt.Println("main deferred")
	close(ch)
}
