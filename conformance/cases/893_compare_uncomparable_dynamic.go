package main

import "fmt"

// Comparing structs and arrays whose interface fields hold values of
// uncomparable types: the fields (elements) are compared in order and the
// comparison stops at the first difference, so it panics only when it
// reaches an interface pair of one uncomparable dynamic type. Interface
// values of different dynamic types are unequal without looking inside.

type pair struct {
	first  any
	second any
}

type mixed struct {
	tag   string
	n     int64
	extra any
}

type withSlice struct {
	items []int
}

type node struct {
	label string
	inner pair
}

func compare(label string, a, b any) {
	defer func() {
		if r := recover(); r != nil {
			err, isErr := r.(error)
			fmt.Printf("%s: panic (%v) %v\n", label, isErr, err)
		}
	}()
	fmt.Printf("%s: %v\n", label, a == b)
}

func main() {
	bs := []byte("x")
	compare("pair differs first", pair{1, bs}, pair{2, bs})
	compare("pair slice first", pair{bs, 1}, pair{bs, 2})
	compare("pair types differ", pair{bs, 1}, pair{"bs", 1})
	compare("pair second types differ", pair{1, bs}, pair{1, "s"})
	compare("pair second slice", pair{1, bs}, pair{1, bs})
	compare("array differs first", [3]any{0, bs, 1}, [3]any{9, bs, 1})
	compare("array slice middle", [3]any{0, bs, 1}, [3]any{0, bs, 2})
	compare("map in iface", [1]any{map[int]int{}}, [1]any{map[int]int{}})
	compare("func in iface", pair{func() {}, 1}, pair{func() {}, 2})
	compare("string decides", mixed{"a", 1, bs}, mixed{"b", 1, bs})
	compare("int decides", mixed{"a", 1, bs}, mixed{"a", 2, bs})
	compare("reaches extra", mixed{"a", 1, bs}, mixed{"a", 1, bs})
	compare("struct with slice", withSlice{}, withSlice{})
	compare("nested", node{"n", pair{bs, 0}}, node{"n", pair{bs, 0}})
	compare("nested label", node{"m", pair{bs, 0}}, node{"n", pair{bs, 0}})
	compare("pointer fields", pair{&bs, 1}, pair{&bs, 1})
	compare("nil vs slice", pair{nil, 1}, pair{bs, 1})

	var x, y any = pair{bs, 1}, pair{bs, 1}
	func() {
		defer func() { fmt.Println("direct:", recover()) }()
		fmt.Println(x == y)
	}()
	p, q := pair{1, bs}, pair{1, bs}
	func() {
		defer func() { fmt.Println("static struct:", recover()) }()
		fmt.Println(p == q)
	}()
	arr1, arr2 := [2]any{bs, 1}, [2]any{bs, 1}
	func() {
		defer func() { fmt.Println("static array:", recover()) }()
		fmt.Println(arr1 != arr2)
	}()
	m := map[any]int{}
	func() {
		defer func() { fmt.Println("map key:", recover()) }()
		m[pair{1, bs}] = 1
	}()
	fmt.Println(len(m))
}
