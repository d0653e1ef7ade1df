// blocker: BUG slice and array elements are not addressable: items[i].Qty++ ("cannot assign to items[i].Qty"), &items[i], items[i].PtrMethod(), defer conns[i].Close()
// uses: \w+\[[^\]]+\]\.\w+\s*(\+\+|--|[-+*/]?=[^=])|&\w+\[[^\]]+\]|\w+\[\w+\]\.[A-Z]\w*\(
package main

import "fmt"

type Item struct{ Qty int }

func (it *Item) Inc() { it.Qty++ }

func main() {
	items, arr := []Item{{1}, {2}}, [2]Item{}
	defer func() { fmt.Println(items, arr) }()
	items[0].Qty++
	p := &items[1]
	p.Inc()
	defer arr[1].Inc()
}
