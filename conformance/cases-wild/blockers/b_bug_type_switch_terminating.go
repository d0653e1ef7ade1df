// blocker: BUG a type switch with a default clause whose clauses all end in return is a terminating statement; minigo says "missing return"
// uses: (?!)
package main

import "fmt"

func kind(v any) string {
	switch x := v.(type) {
	case int:
		return fmt.Sprint("int ", x)
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() { fmt.Println(kind(1), kind("s")) }
