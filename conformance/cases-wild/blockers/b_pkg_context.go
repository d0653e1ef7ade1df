// blocker: package context (WithCancel, WithTimeout, Done, Err, DeadlineExceeded)
// uses: "context"
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	<-ctx.Done()
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	fmt.Println(ctx.Err(), ctx2.Err(), ctx.Err() == context.DeadlineExceeded)
}
