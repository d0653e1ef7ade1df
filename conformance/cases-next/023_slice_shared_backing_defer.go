// rule: A1, A4; issue9 slices: a deferred slice argument shares its backing array
package main

import "fmt"

func main() {
	s := make([]int, 3, 4)
	defer fmt.Println("deferred slice arg sees element writes:", s)
	t := s[:2]
	t[0] = 1
	s[2] = 3
	u := append(s, 4)
	u[1] = 2
	fmt.Println(s, t, u, len(u), cap(u))
	v := append(u, 5)
	v[0] = 100
	fmt.Println(u, v, cap(v) >= 5)
	s = append(s, 999)
	fmt.Println("s rebinding does not change the deferred header:", s)
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), cap(nilS), nilS)
	nilS = append(nilS, 1, 2)
	fmt.Println(nilS)
}
