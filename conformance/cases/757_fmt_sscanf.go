// rule: issue9 packages: fmt.Sscanf with constant formats (%d %v %s %f %g, literal text, spaces and newlines), its counts and error texts as Go
package main

import "fmt"

func main() {
	var n, m int
	var s string
	var f float64
	show := func(in, format string, c int, err error) {
		fmt.Printf("%q %q -> %d %v | n=%d m=%d s=%q f=%v\n", in, format, c, err, n, m, s, f)
		n, m, s, f = 0, 0, "", 0
	}
	{
		c, err := fmt.Sscanf("42", "%d", &n)
		show("42", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf(" 42", "%d", &n)
		show(" 42", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("-7", "%d", &n)
		show("-7", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("+7", "%d", &n)
		show("+7", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("x", "%d", &n)
		show("x", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("", "%d", &n)
		show("", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("3 4", "%d %d", &n, &m)
		show("3 4", "%d %d", c, err)
	}
	{
		c, err := fmt.Sscanf("3,4", "%d,%d", &n, &m)
		show("3,4", "%d,%d", c, err)
	}
	{
		c, err := fmt.Sscanf("3;4", "%d,%d", &n, &m)
		show("3;4", "%d,%d", c, err)
	}
	{
		c, err := fmt.Sscanf("3", "%d %d", &n, &m)
		show("3", "%d %d", c, err)
	}
	{
		c, err := fmt.Sscanf("12abc", "%d", &n)
		show("12abc", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("abc def", "%s", &s)
		show("abc def", "%s", c, err)
	}
	{
		c, err := fmt.Sscanf("abc def", "%s %s", &s, &s)
		show("abc def", "%s %s", c, err)
	}
	{
		c, err := fmt.Sscanf("1.5", "%f", &f)
		show("1.5", "%f", c, err)
	}
	{
		c, err := fmt.Sscanf("1.5e3", "%g", &f)
		show("1.5e3", "%g", c, err)
	}
	{
		c, err := fmt.Sscanf("7", "%v", &n)
		show("7", "%v", c, err)
	}
	{
		c, err := fmt.Sscanf("hi", "%v", &s)
		show("hi", "%v", c, err)
	}
	{
		c, err := fmt.Sscanf("5", "%d %d", &n)
		show("5", "%d %d", c, err)
	}
	{
		c, err := fmt.Sscanf("5", "%d", &n, &m)
		show("5", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("99999999999999999999", "%d", &n)
		show("99999999999999999999", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("a=5", "a=%d", &n)
		show("a=5", "a=%d", c, err)
	}
	{
		c, err := fmt.Sscanf("b=5", "a=%d", &n)
		show("b=5", "a=%d", c, err)
	}
	{
		c, err := fmt.Sscanf("1\n2", "%d %d", &n, &m)
		show("1\n2", "%d %d", c, err)
	}
	{
		c, err := fmt.Sscanf("1\n2", "%d\n%d", &n, &m)
		show("1\n2", "%d\n%d", c, err)
	}
	{
		c, err := fmt.Sscanf("0x1f", "%d", &n)
		show("0x1f", "%d", c, err)
	}
	{
		c, err := fmt.Sscanf("0x1f", "%v", &n)
		show("0x1f", "%v", c, err)
	}
	{
		c, err := fmt.Sscanf("1_000", "%v", &n)
		show("1_000", "%v", c, err)
	}
	{
		c, err := fmt.Sscanf("12", "%d%d", &n, &m)
		show("12", "%d%d", c, err)
	}
}
