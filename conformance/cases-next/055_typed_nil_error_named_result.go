// rule: A6, B2, C4; issue9 interfaces: a nil *T stored in an error is not a nil error; panic with it is not PanicNilError
package main

import "fmt"

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "<nil *MyErr>"
	}
	return e.msg
}

func mayFail(fail bool) (err error) {
	var p *MyErr
	defer func() {
		fmt.Println("deferred: err == nil is", err == nil)
	}()
	if fail {
		p = &MyErr{"failed"}
	}
	return p
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err)
	fmt.Println(mayFail(true))
	defer func() {
		r := recover()
		fmt.Printf("recovered %T %v\n", r, r)
		var e error
		defer func() { fmt.Printf("second: %T %v\n", recover(), "") }()
		panic(e)
	}()
	var p *MyErr
	panic(p)
}
