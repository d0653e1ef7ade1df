// rule: issue9 (wild) HTTP-style middleware chain with a recovery middleware, written without net/http
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Request struct {
	Method, Path string
	Headers      map[string]string
}

type Response struct {
	Status int
	Body   strings.Builder
}

type Handler func(*Response, *Request)

type Middleware func(Handler) Handler

func Chain(h Handler, ms ...Middleware) Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

func Logging(next Handler) Handler {
	return func(w *Response, r *Request) {
		defer func() {
			fmt.Printf("%s %s -> %d (%d bytes)\n", r.Method, r.Path, w.Status, w.Body.Len())
		}()
		next(w, r)
	}
}

func Recovery(next Handler) Handler {
	return func(w *Response, r *Request) {
		defer func() {
			if err := recover(); err != nil {
				w.Status = 500
				w.Body.Reset()
				fmt.Fprintf(&w.Body, "internal error: %v", err)
			}
		}()
		next(w, r)
	}
}

func Auth(next Handler) Handler {
	return func(w *Response, r *Request) {
		if r.Headers["Authorization"] != "secret" {
			w.Status = 401
			w.Body.WriteString("unauthorized")
			return
		}
		next(w, r)
	}
}

var store = map[string]string{"1": "alpha", "2": "beta"}

func app(w *Response, r *Request) {
	parts := strings.Split(strings.Trim(r.Path, "/"), "/")
	switch {
	case parts[0] == "items" && len(parts) == 1:
		keys := make([]string, 0, len(store))
		for k := range store {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		w.Status = 200
		w.Body.WriteString(strings.Join(keys, ","))
	case parts[0] == "items":
		v, ok := store[parts[1]]
		if !ok {
			w.Status = 404
			return
		}
		w.Status = 200
		w.Body.WriteString(v)
	case parts[0] == "crash":
		var hdr map[string]string
		hdr["x"] = parts[2]
	default:
		w.Status = 404
	}
}

func main() {
	h := Chain(app, Logging, Recovery, Auth)
	auth := map[string]string{"Authorization": "secret"}
	reqs := []*Request{
		{"GET", "/items", auth},
		{"GET", "/items/2", auth},
		{"GET", "/items/9", auth},
		{"GET", "/items", nil},
		{"POST", "/crash", auth},
		{"POST", "/crash/a/b", auth},
	}
	for _, r := range reqs {
		w := &Response{}
		h(w, r)
		fmt.Printf("  body=%q\n", w.Body.String())
	}
}
