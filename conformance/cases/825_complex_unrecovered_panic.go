package main

import "fmt"

// An unrecovered panic with a complex value: Go prints it as (1+2i).

func main() {
	defer fmt.Println("deferred", complex(1, 2)*1i)
	z := complex(1, 2)
	panic(z)
}
