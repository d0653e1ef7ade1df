// issue 10: time.Duration as Go's named int64 with its String method
// (ns, µs, ms, s, m, h forms, fractions trimmed, negatives), its float
// and integer accessors, constant arithmetic, a Duration printed by a
// deferred call (evaluated at the defer statement) and time.Since
package main

import (
	"fmt"
	"time"
)

type Config struct {
	Timeout time.Duration
}

func elapsed(name string, d time.Duration) {
	fmt.Println(name, "took at least", d)
}

func main() {
	ds := []time.Duration{0, 1, 999, 1500, time.Microsecond, 2500 * time.Microsecond,
		20 * time.Millisecond, time.Second, 1500 * time.Millisecond, 90 * time.Second,
		time.Hour, time.Hour + 30*time.Minute + 5*time.Second + 250*time.Millisecond,
		-3 * time.Second, 100 * time.Hour, 1<<63 - 1, -1 << 63}
	for _, d := range ds {
		fmt.Printf("%v|%s|%d\n", d, d, int64(d))
	}
	d := 2*time.Hour + 45*time.Minute
	fmt.Println(d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	fmt.Printf("%T %v\n", d, d > time.Hour)
	c := Config{Timeout: 5 * time.Second}
	fmt.Println(c.Timeout, c.Timeout/2, time.Duration(3)*time.Millisecond)
	defer elapsed("main", 10*time.Millisecond)
	start := time.Now()
	time.Sleep(2 * time.Millisecond)
	fmt.Println(time.Since(start) >= 2*time.Millisecond)
	var timeout time.Duration = 250 * time.Millisecond
	fmt.Println("timeout:", timeout, timeout.String())
}
