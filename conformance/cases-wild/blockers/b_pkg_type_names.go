// blocker: types of other packages (fmt.Stringer, strconv.NumError, runtime.PanicNilError, io.Writer, os.PathError; strings.Builder works)
// uses: \bfmt\.Stringer\b|\bruntime\.PanicNilError\b|\bstrconv\.NumError\b|\bio\.(Writer|Reader)\b|\bos\.PathError\b
package main

import (
	"fmt"
	"runtime"
)

func main() {
	var s fmt.Stringer
	defer func() { _, ok := recover().(*runtime.PanicNilError); fmt.Println(s == nil, ok) }()
	panic(nil)
}
