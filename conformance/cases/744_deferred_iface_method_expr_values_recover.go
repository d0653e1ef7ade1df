// Deferred interface method expressions (I.M), method values (plain,
// promoted, through an interface, through an embedded interface) and
// method expressions of an interface type embedded in a struct recover:
// every wrapper gc makes for them is invisible to recover.
package main

import "fmt"

type Catcher interface{ Catch(tag string) }

type Base struct{ name string }

func (b Base) Catch(tag string) { fmt.Println(tag, b.name, "recovered:", recover()) }

type PBase struct{ name string }

func (b *PBase) Catch(tag string) { fmt.Println(tag, b.name, "recovered:", recover()) }

type Wrap struct{ Base }

type Wrap2 struct{ Wrap }

type HasIface struct{ Catcher }

type HasIface2 struct{ HasIface }

func run(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "escaped:", r)
		}
	}()
	f()
	fmt.Println(name, "returned")
}

func main() {
	run("I.M value", func() {
		defer Catcher.Catch(Base{"b"}, "I.M")
		panic("p1")
	})
	run("I.M pointer", func() {
		defer Catcher.Catch(&PBase{"pb"}, "I.M")
		panic("p2")
	})
	run("I.M promoted", func() {
		defer Catcher.Catch(Wrap2{Wrap{Base{"w2"}}}, "I.M")
		panic("p3")
	})
	run("I.M stored", func() {
		f := Catcher.Catch
		defer f(Wrap{Base{"w"}}, "I.M var")
		panic("p4")
	})
	run("method value", func() {
		defer Base{"b"}.Catch("value")
		panic("p5")
	})
	run("method value promoted", func() {
		w := Wrap2{Wrap{Base{"w2"}}}
		f := w.Catch
		defer f("promoted value")
		panic("p6")
	})
	run("method value pointer", func() {
		p := &PBase{"pb"}
		f := p.Catch
		defer f("ptr value")
		panic("p7")
	})
	run("method value through interface", func() {
		var c Catcher = Wrap{Base{"w"}}
		f := c.Catch
		defer f("iface value")
		panic("p8")
	})
	run("deferred interface call", func() {
		var c Catcher = &PBase{"pb"}
		defer c.Catch("iface call")
		panic("p9")
	})
	run("embedded interface method expression", func() {
		defer HasIface2.Catch(HasIface2{HasIface{Wrap{Base{"e"}}}}, "embedded iface")
		panic("p10")
	})
	run("embedded interface method value", func() {
		h := HasIface2{HasIface{&PBase{"ep"}}}
		defer h.Catch("embedded iface value")
		panic("p11")
	})
	run("I.M nil interface", func() {
		defer Catcher.Catch(nil, "nil")
		panic("p12")
	})
	run("interface of an interface", func() {
		type Named interface {
			Catcher
		}
		defer Named.Catch(Wrap{Base{"n"}}, "Named.M")
		panic("p13")
	})
}
