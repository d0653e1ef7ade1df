package main

import (
	"fmt"
	"strings"
)

func render(items []string) (out string) {
	var b strings.Builder
	defer func() { out = b.String() + fmt.Sprintf(" (%d bytes)", b.Len()) }()
	b.WriteString("items:")
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteRune(' ')
		fmt.Fprintf(&b, "%d=%s", i, it)
	}
	return "ignored"
}

func main() {
	fmt.Println(render([]string{"a", "bé"}))
	s := "  Hello, World  "
	fmt.Println(strings.TrimSpace(s), strings.ToUpper(s), strings.ToLower("ÀB"))
	fmt.Println(strings.Contains(s, "World"), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("x", "y"), strings.LastIndex("go gopher", "go"), strings.IndexByte("abc", 'c'))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.Fields("  a b  c "))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Repeat("ab", 3))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "o", "0"))
	fmt.Println(strings.Trim("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"), strings.TrimLeft("aab", "a"), strings.TrimRight("baa", "a"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.EqualFold("Go", "GO"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Printf("%q\n", strings.SplitN("a,b,c", ",", 2))
	fmt.Println(strings.Title("x") == "X", strings.ContainsRune("abc", 'b'), strings.ContainsAny("abc", "xyzc"))
}
