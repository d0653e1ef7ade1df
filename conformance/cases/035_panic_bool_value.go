// rule: B1, E2
package main

func main() {
	defer println("println defer goes to stderr before the report")
	ok := 1 > 2
	panic(ok)
}
