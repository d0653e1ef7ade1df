// issue 10: a buffered channel keeps its values in order; len and cap;
// values sent before close are still received; range ends at close; a
// closed, drained channel yields the zero value and false
package main

import "fmt"

func main() {
	c := make(chan string, 3)
	fmt.Println(len(c), cap(c))
	c <- "a"
	c <- "b"
	fmt.Println(len(c), cap(c))
	close(c)
	for v := range c {
		fmt.Println("got", v, len(c))
	}
	v, ok := <-c
	fmt.Printf("%q %v\n", v, ok)
	var nilc chan int
	fmt.Println(len(nilc), cap(nilc), nilc == nil)
	u := make(chan int)
	fmt.Println(len(u), cap(u))
	done := make(chan bool)
	go func() {
		defer close(done)
		for i := 0; i < 3; i++ {
			u <- i * i
		}
		close(u)
	}()
	for x := range u {
		fmt.Println("unbuffered", x)
	}
	<-done
	_, ok = <-done
	fmt.Println("done closed:", !ok)
}
