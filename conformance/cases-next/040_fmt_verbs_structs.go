// rule: A1; issue9 fmt verbs %v %+v %T %q %x %d %s %t %c with widths, printing deferred struct and pointer values
package main

import "fmt"

type Inner struct{ A int }
type Rec struct {
	Name  string
	Count int
	Tags  []string
	In    Inner
	P     *Inner
	M     map[string]int
	ok    bool
}

func main() {
	r := Rec{Name: "x", Count: 3, Tags: []string{"a", "b"}, In: Inner{1}, M: map[string]int{"z": 1, "a": 2}}
	defer fmt.Printf("deferred %%v: %v\n", r)
	defer fmt.Printf("deferred %%+v: %+v\n", r)
	r.Count = 4
	fmt.Printf("%T %T %T %T %T\n", r, &r, r.Tags, r.M, nil)
	fmt.Printf("[%5d] [%-5d] [%05d] [%x] [%X] [%o] [%b]\n", 42, 42, 42, 255, 255, 8, 5)
	fmt.Printf("[%s] [%10s] [%-10s] [%q] [%x] [% x]\n", "go", "go", "go", "a\"b", "hi", "hi")
	fmt.Printf("[%t] [%v] [%c] [%q] [%U]\n", true, false, 'G', 'G', 'G')
	fmt.Printf("%v %d %s\n", []int{1, 2}, []int{1, 2}, []string{"a", "b"})
	fmt.Printf("%v %+v\n", Inner{5}, &Inner{6})
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%d%%\n", 50)
	fmt.Printf("%!\n")
	fmt.Printf("%d\n", "str")
	fmt.Printf("%d %d\n", 1)
	fmt.Println(fmt.Sprintf("%v|%6.2v|%-4v|", "abc", "abcdef", 7))
}
