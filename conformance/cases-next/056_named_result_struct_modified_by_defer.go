// rule: A6, C4; issue9 structs and pointers as named results: a deferred closure changes fields of the result after return
package main

import "fmt"

type Result struct {
	Value int
	Err   string
	Log   []string
}

func compute(n int) (res Result) {
	defer func() {
		res.Log = append(res.Log, "deferred")
		if r := recover(); r != nil {
			res.Err = fmt.Sprint(r)
			res.Value = -1
		}
	}()
	res.Log = append(res.Log, "start")
	if n == 0 {
		panic("zero input")
	}
	return Result{Value: 100 / n, Log: []string{"returned"}}
}

func build() (p *Result) {
	defer func() { p.Value *= 2 }()
	return &Result{Value: 21}
}

func main() {
	fmt.Printf("%+v\n", compute(4))
	fmt.Printf("%+v\n", compute(0))
	fmt.Println(build().Value)
}
