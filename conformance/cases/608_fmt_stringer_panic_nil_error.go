// issue 9: fmt.Stringer and *runtime.PanicNilError named by programs: a
// type assertion to fmt.Stringer (ok and failing with Go's text, recovered),
// errors.As into a *runtime.PanicNilError after panic(nil) recovered by a
// deferred closure, its methods, and a nil fmt.Stringer panicked
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func describe(x any) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("recovered: ", r)
		}
	}()
	return x.(fmt.Stringer).String()
}

func protect(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	f()
	return nil
}

func main() {
	fmt.Println(describe(Temp(21.5)))
	fmt.Println(describe(42))
	var s fmt.Stringer = Temp(-3)
	fmt.Println(s, s.String())
	if st, ok := any(s).(fmt.Stringer); ok {
		fmt.Println("stringer:", st)
	}
	err := protect(func() { panic(nil) })
	var pne *runtime.PanicNilError
	fmt.Println(errors.As(err, &pne), pne.Error())
	var re runtime.Error
	fmt.Println(errors.As(err, &re), re)
	wrapped := fmt.Errorf("task: %w", err)
	var pne2 *runtime.PanicNilError
	fmt.Println(errors.As(wrapped, &pne2), wrapped)
	fmt.Println(errors.As(errors.New("x"), &pne2))
	defer fmt.Println("deferred before crash")
	var iface fmt.Stringer
	panic(iface)
}
