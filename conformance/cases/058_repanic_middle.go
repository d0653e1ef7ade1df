// rule: E3, B4, B5
package main

func main() {
	defer func() {
		recover()
		panic("outer")
	}()
	func() {
		defer func() {
			panic(recover())
		}()
		func() {
			defer func() {
				recover()
				panic("middle")
			}()
			panic("inner")
		}()
	}()
}
