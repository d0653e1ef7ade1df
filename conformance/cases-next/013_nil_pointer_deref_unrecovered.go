// rule: B3, E1, A5; issue9 pointers: nil pointer dereference unrecovered, with the signal line
package main

import "fmt"

type Node struct {
	val  int
	next *Node
}

func sum(n *Node) int {
	defer fmt.Println("sum defer")
	total := 0
	for i := 0; i < 3; i++ {
		total += n.val
		n = n.next
	}
	return total
}

func main() {
	defer fmt.Println("main defer")
	list := &Node{1, &Node{2, &Node{3, nil}}}
	fmt.Println(sum(list))
	fmt.Println(sum(list.next))
}
