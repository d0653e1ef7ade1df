// rule: issue9 (wild) strings as bytes and runes: range over a string, utf8, reversing, byte indexing, Unicode checks
package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	var clean []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			clean = append(clean, r)
		}
	}
	for i := 0; i < len(clean)/2; i++ {
		if clean[i] != clean[len(clean)-1-i] {
			return false
		}
	}
	return true
}

func caesar(s string, shift int) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+rune(shift))%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+rune(shift))%26
		}
		return r
	}, s)
}

func main() {
	s := "Hello, 世界!"
	for i, r := range s {
		fmt.Printf("%d:%c(%U) ", i, r, r)
	}
	fmt.Println()
	fmt.Println(len(s), utf8.RuneCountInString(s), s[7], s[7:10], string(s[7]))
	fmt.Println(reverse(s), reverse("abc"))
	for _, p := range []string{"A man, a plan, a canal: Panama", "Go", "été"} {
		fmt.Printf("%q palindrome=%t\n", p, isPalindrome(p))
	}
	fmt.Println(caesar("Hello, World", 3), caesar(caesar("Hello, World", 3), 23))
	b := []byte("abc")
	fmt.Printf("%v %s %x %X % x\n", b, b, b, "hi", "hi")
	r, size := utf8.DecodeRuneInString("€uro")
	fmt.Println(r, size, string(r), utf8.RuneLen('é'), utf8.ValidString("a\xffb"))
	var counts [26]int
	for _, c := range "the quick brown fox" {
		if c >= 'a' && c <= 'z' {
			counts[c-'a']++
		}
	}
	fmt.Println(counts)
	fmt.Printf("%c %d %q %v\n", 'x', 'x', 'x', rune(0x4e16))
	fmt.Println(strings.ToUpper("straße"), strings.EqualFold("Go", "GO"), strings.ContainsRune("abc", 'b'))
	bad := string([]byte{0xff, 'a'})
	for i, r := range bad {
		fmt.Println(i, r, r == utf8.RuneError)
	}
}
