// rule: D6; issue9 os.Exit called from a pointer-receiver method: no deferred call of any frame runs
package main

import (
	"fmt"
	"os"
)

type App struct{ code int }

func (a *App) Shutdown() {
	defer fmt.Println("Shutdown defer: never printed")
	fmt.Println("shutting down with", a.code)
	os.Exit(a.code)
}

func (a *App) Run() {
	defer fmt.Println("Run defer: never printed")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			a.code = 3
			a.Shutdown()
		}
	}()
	panic("fatal condition")
}

func main() {
	defer fmt.Println("main defer: never printed")
	app := &App{}
	app.Run()
}
