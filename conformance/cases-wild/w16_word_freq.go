// rule: issue9 (wild) word frequency: strings.Fields, ToLower, Trim, sort.Slice with a tie-break, maps
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness...`

type wordCount struct {
	word  string
	count int
}

func main() {
	freq := make(map[string]int)
	for _, w := range strings.Fields(text) {
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if w != "" {
			freq[w]++
		}
	}
	var wcs []wordCount
	for w, c := range freq {
		wcs = append(wcs, wordCount{w, c})
	}
	sort.Slice(wcs, func(i, j int) bool {
		if wcs[i].count != wcs[j].count {
			return wcs[i].count > wcs[j].count
		}
		return wcs[i].word < wcs[j].word
	})
	for i, wc := range wcs {
		if i == 5 {
			break
		}
		fmt.Printf("%2d. %-8s %s\n", i+1, wc.word, strings.Repeat("*", wc.count))
	}
	fmt.Println(len(freq), "distinct words")
	fmt.Println(strings.Count(text, "it"), strings.Index(text, "age"), strings.LastIndex(text, "was"))
	fmt.Println(strings.Title("hello"), strings.Split("a,b,,c", ","), len(strings.Split("a,b,,c", ",")))
	fmt.Printf("%q\n", strings.SplitN("k=v=w", "=", 2))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("liftoff")
	fmt.Println(sb.String(), sb.Len())
}
