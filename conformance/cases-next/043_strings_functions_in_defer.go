// rule: A1, A4, A6; issue9 strings: the common functions, a deferred strings.Builder report
package main

import (
	"fmt"
	"strings"
)

func report(lines []string) (out string) {
	var b strings.Builder
	defer func() { out = b.String() }()
	for i, l := range lines {
		defer fmt.Fprintf(&b, "%d:%s;", i, strings.ToUpper(l))
	}
	return "ignored"
}

func main() {
	fmt.Println(report([]string{"a", "bc"}))
	s := "  Hello, World, Go  "
	t := strings.TrimSpace(s)
	fmt.Printf("%q\n", t)
	fmt.Println(strings.Split(t, ", "), len(strings.Fields(s)))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Contains(t, "World"), strings.HasPrefix(t, "Hell"), strings.HasSuffix(t, "Go"))
	fmt.Println(strings.Index(t, "o"), strings.LastIndex(t, "o"), strings.Index(t, "zz"))
	fmt.Println(strings.Replace(t, "o", "0", 1), strings.ReplaceAll(t, "o", "0"))
	fmt.Println(strings.Repeat("ab", 3), strings.ToLower(t), strings.Count("cheese", "e"))
	fmt.Println(strings.TrimPrefix(t, "Hello"), strings.TrimSuffix(t, "Go"), strings.Trim("xxhixx", "x"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.EqualFold("Go", "GO"), strings.SplitN("a,b,c", ",", 2))
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "HAL"))
}
