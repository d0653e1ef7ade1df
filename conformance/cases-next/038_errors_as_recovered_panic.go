// rule: B3, C4; issue9 errors.As on a recovered panic value (runtime.Error and a custom type through wrapping)
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type ValidationError struct {
	Field string
}

func (v *ValidationError) Error() string { return "invalid " + v.Field }

func protect(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = fmt.Errorf("protected: %w", e)
			} else {
				err = fmt.Errorf("protected: %v", r)
			}
		}
	}()
	f()
	return nil
}

func main() {
	errs := []error{
		protect(func() { panic(&ValidationError{"name"}) }),
		protect(func() { var a []int; _ = a[1] }),
		protect(func() { panic("just a string") }),
		protect(func() {}),
	}
	for _, err := range errs {
		var ve *ValidationError
		var re runtime.Error
		fmt.Println(err)
		fmt.Println("  as ValidationError:", errors.As(err, &ve), "as runtime.Error:", errors.As(err, &re))
		if ve != nil {
			fmt.Println("  field:", ve.Field)
		}
		if re != nil {
			fmt.Println("  runtime:", re.Error())
		}
	}
}
