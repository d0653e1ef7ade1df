package main

// runtime's constants (the target is the host's; the compiler gc's) and
// runtime/debug's collector settings: SetGCPercent returns the previous
// percentage (100 by default, -1 once a negative one turned the collector
// off); FreeOSMemory collects.

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

const compiler = runtime.Compiler

func main() {
	fmt.Println(compiler, runtime.GOOS != "", runtime.GOARCH != "")
	var arch string = runtime.GOARCH
	fmt.Println(len(arch) > 0)
	fmt.Println(debug.SetGCPercent(50))
	fmt.Println(debug.SetGCPercent(-5))
	fmt.Println(debug.SetGCPercent(100))
	debug.FreeOSMemory()
	runtime.GC()
	runtime.KeepAlive(arch)
	fmt.Println("done")
}
