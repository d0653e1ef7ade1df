// blocker: the less common strings functions (NewReplacer, Title, Map, EqualFold, Cut, SplitN, TrimFunc, LastIndex)
// uses: \bstrings\.(NewReplacer|Title|ToTitle|Map|EqualFold|Cut|SplitN|TrimFunc|LastIndex|ContainsRune)\(
package main

import (
	"fmt"
	"strings"
)

func main() {
	k, v, ok := strings.Cut("a=b", "=")
	fmt.Println(strings.NewReplacer("<", "&lt;").Replace("<b"), strings.EqualFold("Go", "GO"), k, v, ok, strings.SplitN("a,b,c", ",", 2))
}
