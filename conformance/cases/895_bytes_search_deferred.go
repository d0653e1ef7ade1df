package main

import (
	"bytes"
	"fmt"
	"strings"
)

// The searching and comparing functions of `bytes` (byte-exact, nil and
// empty slices alike), called directly and as the call of a defer
// statement (its arguments evaluated at the defer, its results dropped).

func deferredCalls(data []byte) (out string) {
	defer func() {
		out += fmt.Sprint(" recovered:", recover())
	}()
	defer bytes.Compare(nil, nil)
	defer bytes.Equal(data, nil)
	defer bytes.IndexByte(data, 'z')
	defer strings.IndexByte("", 0)
	defer bytes.Contains(data, []byte("x"))
	data[0] = 'Q'
	out = string(data)
	var short []byte
	_ = short[3]
	return "not reached"
}

func main() {
	a, b := []byte("abc"), []byte("abd")
	var none []byte
	empty := []byte{}
	fmt.Println(bytes.Compare(a, b), bytes.Compare(b, a), bytes.Compare(a, a))
	fmt.Println(bytes.Compare(none, empty), bytes.Equal(none, empty), bytes.Equal(a, []byte("abc")))
	fmt.Println(bytes.Compare([]byte{0xff}, []byte("a")), bytes.Compare(nil, []byte{0}))
	bin := []byte{1, 0xfe, 0xff, 'k', 0xff}
	fmt.Println(bytes.IndexByte(bin, 0xff), bytes.IndexByte(bin, 'k'), bytes.IndexByte(none, 0))
	fmt.Println(strings.IndexByte(string(bin), 0xff), strings.Compare(string(bin), "\x01"))
	hay := []byte("go gopher go")
	fmt.Println(bytes.Index(hay, []byte("go")), bytes.LastIndex(hay, []byte("go")), bytes.Index(hay, nil))
	fmt.Println(bytes.LastIndex(hay, nil), bytes.Index(hay, []byte("x")), bytes.Count(hay, []byte("go")))
	fmt.Println(bytes.Count([]byte("héllo"), nil), bytes.Count(none, nil))
	fmt.Println(bytes.Contains(hay, []byte("pher")), bytes.Contains(none, none), bytes.Contains(none, a))
	fmt.Println(bytes.HasPrefix(hay, []byte("go ")), bytes.HasSuffix(hay, []byte("er")), bytes.HasPrefix(none, nil))
	fmt.Println(bytes.ContainsRune([]byte("héllo"), 'é'), bytes.IndexRune([]byte("héllo"), 'l'))
	fmt.Println(bytes.ContainsAny(hay, "xyzp"), bytes.EqualFold([]byte("GoPher"), []byte("gopher")))
	fmt.Println(deferredCalls([]byte("data")))
}
