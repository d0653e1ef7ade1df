// rule: issue9 (wild) sort.Sort with a Len/Less/Swap type, sort.Stable, sort.Search, sort.Ints; a Less that panics
package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func (p Person) String() string { return fmt.Sprintf("%s (%d)", p.Name, p.Age) }

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

type byName struct{ ByAge }

func (b byName) Less(i, j int) bool { return b.ByAge[i].Name < b.ByAge[j].Name }

func main() {
	people := []Person{
		{"Alice", 30}, {"Bob", 25}, {"Carol", 35}, {"Dan", 25}, {"Eve", 30},
	}
	sort.Stable(ByAge(people))
	fmt.Println(people)
	sort.Sort(byName{people})
	fmt.Println(people)
	sort.Sort(sort.Reverse(ByAge(people)))
	fmt.Println(people[0], people[len(people)-1].Age)

	nums := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(nums)
	i := sort.SearchInts(nums, 8)
	j := sort.Search(len(nums), func(i int) bool { return nums[i] >= 4 })
	fmt.Println(nums, i, j, sort.IntsAreSorted(nums))
	fs := []float64{2.5, -1, 3.25}
	sort.Float64s(fs)
	fmt.Println(fs)

	defer func() {
		if r := recover(); r != nil {
			fmt.Println("sort aborted:", r)
		}
	}()
	sort.Slice(people, func(i, j int) bool {
		if people[i].Name == "Eve" || people[j].Name == "Eve" {
			panic(fmt.Sprintf("cannot compare %v", Person{"Eve", 30}))
		}
		return people[i].Age < people[j].Age
	})
	fmt.Println("not reached")
}
