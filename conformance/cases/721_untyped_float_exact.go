package main

import "fmt"

const third = 1.0 / 3

func show(label string, v any) { fmt.Println(label, v) }

func main() {
	defer show("deferred third*3 == 1:", third*3 == 1)
	defer show("deferred 0.1+0.2:", 0.1+0.2)
	const big = 1 << 62 * 1.5
	var f32 float32 = 0.1
	x := 0.1
	fmt.Println(0.1+0.2 == 0.3, x+0.2 == 0.3, big, int64(big))
	fmt.Println(f32, float64(f32) == 0.1, -third*3, 1e300*1e300/1e300)
	fmt.Println(int(2.5*2), 7.0/2, 1/3.0*3 == 1, 0x1.8p1/3)
	var i int = 10.0 / 4 * 2
	fmt.Println(i, third)
}
