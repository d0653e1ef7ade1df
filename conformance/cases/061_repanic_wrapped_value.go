// rule: E3, B5
package main

func main() {
	defer func() {
		r := recover()
		panic("wrapped: " + r.(string))
	}()
	panic("original")
}
