package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	Name  string
	Tags  []string
	Price int
}

type Store struct {
	items map[string]*Item
	log   []string
}

func NewStore() *Store {
	return &Store{items: make(map[string]*Item)}
}

func (s *Store) Add(it Item) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add %s: %v", it.Name, r)
		}
		s.log = append(s.log, fmt.Sprintf("add(%s)=%v", it.Name, err))
	}()
	if it.Price < 0 {
		panic("negative price")
	}
	if _, dup := s.items[it.Name]; dup {
		return errors.New("duplicate")
	}
	cp := it
	cp.Tags = append([]string(nil), it.Tags...)
	s.items[it.Name] = &cp
	return nil
}

func (s *Store) Names() []string {
	var out []string
	for n := range s.items {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func (s *Store) Total() (sum int) {
	defer func() { s.log = append(s.log, fmt.Sprint("total=", sum)) }()
	for _, it := range s.items {
		sum += it.Price
	}
	return
}

func main() {
	s := NewStore()
	tags := []string{"a", "b"}
	fmt.Println(s.Add(Item{"x", tags, 3}))
	tags[0] = "changed"
	fmt.Println(s.Add(Item{"y", nil, -1}))
	fmt.Println(s.Add(Item{"x", nil, 1}))
	fmt.Println(s.Add(Item{Name: "z", Price: 10}))
	fmt.Println(s.Names(), s.Total(), s.items["x"].Tags)
	fmt.Println(strings.Join(s.log, "; "))
	grid := [3][3]rune{}
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = '.'
		}
	}
	grid[1][1] = '#'
	for _, row := range grid {
		fmt.Println(string(row[:]))
	}
	byLen := map[int][]string{}
	for _, w := range strings.Fields("go is a fun language to use") {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	fmt.Println(byLen)
}
