// blocker: package math/rand with a fixed seed (rand.New(rand.NewSource(42)))
// uses: "math/rand
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Intn(100), r.Intn(100), r.Intn(100))
}
