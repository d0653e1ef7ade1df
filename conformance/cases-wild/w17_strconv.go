// rule: issue9 (wild) strconv parsing with error handling, a config parser that panics on malformed input
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type Config struct {
	Port    int
	Debug   bool
	Ratio   float64
	Name    string
	Retries int64
}

func mustParse(src string) (cfg Config, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = fmt.Errorf("config: %w", e)
			} else {
				err = fmt.Errorf("config: %v", r)
			}
		}
	}()
	for lineno, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			panic(fmt.Sprintf("line %d: missing '='", lineno+1))
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		var perr error
		switch key {
		case "port":
			cfg.Port, perr = strconv.Atoi(val)
		case "debug":
			cfg.Debug, perr = strconv.ParseBool(val)
		case "ratio":
			cfg.Ratio, perr = strconv.ParseFloat(val, 64)
		case "name":
			cfg.Name, perr = strconv.Unquote(val)
		case "retries":
			cfg.Retries, perr = strconv.ParseInt(val, 0, 8)
		default:
			panic(fmt.Errorf("line %d: unknown key %q", lineno+1, key))
		}
		if perr != nil {
			panic(fmt.Errorf("line %d: %w", lineno+1, perr))
		}
	}
	return cfg, nil
}

func main() {
	good := `
# server
port = 8080
debug = true
ratio = 0.75
name = "api\tserver"
retries = 0x10
`
	cfg, err := mustParse(good)
	fmt.Printf("%+v %v\n", cfg, err)
	for _, bad := range []string{"port=80x", "debug = yes", "retries=300", "colour=red", "justtext", "name=noquotes"} {
		_, err := mustParse(bad)
		fmt.Println(err)
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			fmt.Println("   ->", ne.Func, errors.Is(err, strconv.ErrRange), errors.Is(err, strconv.ErrSyntax))
		}
	}
	fmt.Println(strconv.Itoa(-45), strconv.Quote("hi\n"), strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.AppendInt([]byte("n="), 42, 10))
}
