// rule: issue9 (wild) const/iota enums with String(), bit flags, switch with fallthrough
package main

import (
	"fmt"
	"strings"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

func (d Weekday) String() string {
	if d < 0 || int(d) >= len(dayNames) {
		return fmt.Sprintf("Weekday(%d)", int(d))
	}
	return dayNames[d]
}

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func (p Perm) String() string {
	var parts []string
	if p&Read != 0 {
		parts = append(parts, "r")
	}
	if p&Write != 0 {
		parts = append(parts, "w")
	}
	if p&Exec != 0 {
		parts = append(parts, "x")
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "")
}

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

func describe(d Weekday) string {
	var tags []string
	switch d {
	case Saturday, Sunday:
		tags = append(tags, "weekend")
	case Friday:
		tags = append(tags, "almost")
		fallthrough
	default:
		tags = append(tags, "workday")
	}
	return strings.Join(tags, "+")
}

func main() {
	for d := Sunday; d <= Saturday; d++ {
		fmt.Printf("%d %-4v %s\n", d, d, describe(d))
	}
	fmt.Println(Weekday(12))
	fmt.Printf("%v %v %v %v\n", Read, Read|Exec, Read|Write|Exec, Perm(0))
	fmt.Printf("%d %08b\n", Read|Write|Exec, Read|Write|Exec)
	fmt.Println(KB, MB, GB)
	var p Perm = 255
	p &^= Write
	fmt.Println(p, uint8(p))
}
