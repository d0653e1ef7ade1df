// blocker: package bytes (bytes.Buffer, bytes.Contains)
// uses: "bytes"
package main

import (
	"bytes"
	"fmt"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	fmt.Fprintf(&buf, "%d", 42)
	fmt.Println(buf.String(), buf.Len(), bytes.Contains([]byte("abc"), []byte("b")))
}
