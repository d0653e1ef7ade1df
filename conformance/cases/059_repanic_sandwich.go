// rule: E3, B4, B5
package main

func main() {
	var outer any
	defer func() {
		recover()
		panic(outer)
	}()
	func() {
		defer func() {
			outer = recover()
			panic("inner")
		}()
		panic("outer")
	}()
}
