// rule: issue9 (wild) structs with embedding and promoted methods, maps sorted by key, Printf widths
package main

import (
	"fmt"
	"sort"
)

type Item struct {
	SKU   string
	Name  string
	Price float64
	Qty   int
}

func (i Item) Total() float64 { return i.Price * float64(i.Qty) }

type Timestamps struct {
	Created, Updated int
}

func (t *Timestamps) Touch(now int) { t.Updated = now }

type Inventory struct {
	Timestamps
	items map[string]*Item
}

func NewInventory() *Inventory {
	return &Inventory{Timestamps: Timestamps{Created: 1}, items: map[string]*Item{}}
}

func (inv *Inventory) Add(it Item, now int) {
	if cur, ok := inv.items[it.SKU]; ok {
		cur.Qty += it.Qty
	} else {
		inv.items[it.SKU] = &it
	}
	inv.Touch(now)
}

func (inv *Inventory) Remove(sku string, n int, now int) error {
	it, ok := inv.items[sku]
	if !ok {
		return fmt.Errorf("remove %s: unknown SKU", sku)
	}
	if it.Qty < n {
		return fmt.Errorf("remove %s: only %d in stock", sku, it.Qty)
	}
	it.Qty -= n
	if it.Qty == 0 {
		delete(inv.items, sku)
	}
	inv.Touch(now)
	return nil
}

func (inv *Inventory) Report() {
	skus := make([]string, 0, len(inv.items))
	for k := range inv.items {
		skus = append(skus, k)
	}
	sort.Strings(skus)
	var sum float64
	fmt.Printf("%-6s|%-12s|%8s|%4s|%9s\n", "SKU", "Name", "Price", "Qty", "Total")
	for _, k := range skus {
		it := inv.items[k]
		fmt.Printf("%-6s|%-12s|%8.2f|%4d|%9.2f\n", it.SKU, it.Name, it.Price, it.Qty, it.Total())
		sum += it.Total()
	}
	fmt.Printf("total %.2f, %d SKUs, created %d updated %d\n", sum, len(inv.items), inv.Created, inv.Updated)
}

func main() {
	inv := NewInventory()
	inv.Add(Item{"A100", "Widget", 2.5, 10}, 2)
	inv.Add(Item{"B200", "Gadget", 12.99, 3}, 3)
	inv.Add(Item{"A100", "Widget", 2.5, 5}, 4)
	inv.Add(Item{"C300", "Doohickey", 0.1, 100}, 5)
	fmt.Println(inv.Remove("B200", 3, 6))
	fmt.Println(inv.Remove("A100", 99, 7))
	fmt.Println(inv.Remove("Z999", 1, 8))
	inv.Report()
	fmt.Printf("%v\n", *inv.items["A100"])
	fmt.Printf("%+v\n", inv.Timestamps)
}
