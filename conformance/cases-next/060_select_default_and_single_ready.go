// rule: A1; issue10 select: default when nothing is ready, the one ready case otherwise, nil channels never ready, defers in select cases
package main

import "fmt"

func poll(a, b chan int) (res string) {
	defer func() { res = "[" + res + "]" }()
	select {
	case v := <-a:
		defer fmt.Println("  deferred in case a")
		return fmt.Sprint("a ", v)
	case v, ok := <-b:
		return fmt.Sprint("b ", v, " ", ok)
	default:
		return "nothing ready"
	}
}

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	fmt.Println(poll(a, b))
	a <- 1
	fmt.Println(poll(a, b))
	b <- 2
	fmt.Println(poll(a, b))
	close(b)
	fmt.Println(poll(a, b))
	var nilCh chan int
	fmt.Println(poll(nilCh, nilCh))
	out := make(chan int, 1)
	select {
	case out <- 5:
		fmt.Println("sent", <-out)
	default:
		fmt.Println("not sent")
	}
	select {
	case nilCh <- 1:
		fmt.Println("impossible")
	default:
		fmt.Println("send to nil channel not ready")
	}
}
