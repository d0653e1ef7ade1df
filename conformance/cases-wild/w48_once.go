// rule: issue10 (wild) sync.Once for lazy config from many goroutines; a panicking Once.Do counts as done
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	Name  string
	Loads int
}

var (
	cfg     *Config
	cfgOnce sync.Once
	loads   int
)

func GetConfig() *Config {
	cfgOnce.Do(func() {
		loads++
		cfg = &Config{Name: "prod", Loads: loads}
	})
	return cfg
}

func main() {
	var wg sync.WaitGroup
	seen := make([]*Config, 50)
	for i := range seen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = GetConfig()
		}()
	}
	wg.Wait()
	same := true
	for _, c := range seen {
		same = same && c == seen[0]
	}
	fmt.Printf("%+v loads=%d same=%t\n", *seen[0], loads, same)

	var once sync.Once
	for i := 0; i < 3; i++ {
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("attempt", i, "recovered:", r)
				}
			}()
			once.Do(func() { panic(fmt.Sprintf("init failed on attempt %d", i)) })
			fmt.Println("attempt", i, "Do returned without running f")
		}()
	}
	ov := sync.OnceValue(func() int {
		fmt.Println("computing once")
		return 6 * 7
	})
	fmt.Println(ov(), ov())
	ovs := sync.OnceValues(func() (string, error) { return "", fmt.Errorf("load failed") })
	fmt.Println(ovs())
}
