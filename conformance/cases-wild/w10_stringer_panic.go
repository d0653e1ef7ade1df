// rule: issue9 (wild) panics with custom error and fmt.Stringer values, printed by the crash report
package main

import (
	"fmt"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	case Warn:
		return "WARN"
	case Error:
		return "ERROR"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type ConfigError struct {
	Key  string
	Line int
}

func (e ConfigError) Error() string {
	return fmt.Sprintf("config: bad key %q at line %d", e.Key, e.Line)
}

func mustLevel(s string) Level {
	for l := Debug; l <= Error; l++ {
		if l.String() == s {
			return l
		}
	}
	panic(ConfigError{Key: s, Line: 12})
}

func main() {
	for _, s := range []string{"INFO", "ERROR"} {
		fmt.Printf("%s -> %v (%d)\n", s, mustLevel(s), mustLevel(s))
	}
	fmt.Println(Level(9))
	func() {
		defer func() {
			r := recover()
			fmt.Printf("recovered %T: %v\n", r, r)
		}()
		panic(Warn)
	}()
	defer fmt.Println("deferred in main")
	mustLevel("TRACE")
}
