// blocker: package io: io.Writer, io.WriteString, io.EOF; os.Stdout as an io.Writer
// uses: "io"
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) { return u.w.Write([]byte(strings.ToUpper(string(p)))) }

func main() {
	fmt.Fprintln(upper{os.Stdout}, "shout")
	var sb strings.Builder
	io.WriteString(&sb, "abc")
	fmt.Println(sb.String(), errors.Is(fmt.Errorf("x: %w", io.EOF), io.EOF))
}
