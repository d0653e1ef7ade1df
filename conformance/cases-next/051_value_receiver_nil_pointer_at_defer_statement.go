// rule: A3, A1, B3, E1; issue9 a value-receiver method deferred through a nil pointer panics at the defer statement (the receiver is copied then); unrecovered
package main

import "fmt"

type Config struct{ name string }

func (c Config) Print() { fmt.Println("config", c.name) }

func (c *Config) PrintPtr() {
	fmt.Println("PrintPtr receiver is nil:", c == nil)
}

func load(c *Config) {
	defer fmt.Println("load: registered first, runs")
	defer c.PrintPtr()
	defer c.Print()
	fmt.Println("load: after the defers")
}

func main() {
	load(&Config{"good"})
	fmt.Println("---")
	load(nil)
}
