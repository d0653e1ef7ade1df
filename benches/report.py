#!/usr/bin/env python3
"""Writes benches/REPORT.md and benches/defer-cost.svg from the outputs of
benches/report.sh: gungraun JSON lines (one file per bench) and the
side-by-side runner's JSON. Standard library only; the SVG is written by hand.

usage: report.py WORKDIR   (WORKDIR has body.json loops.json panics.json
                            wall.json machine.json)

With GUNGRAUN_DIR set (the gungraun output directory of the benches,
$CARGO_TARGET_DIR/gungraun/deferrt-benches) and callgrind_annotate on PATH,
it also reads the panics group's callgrind files and reports the share of
the std shim's panic+recover instructions spent in the unwinder.
"""
import json
import html
import math
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LOOP_NS = [1, 16, 1024, 65536]
DEPTHS = [1, 16]


def load_ir(path):
    """(function_name, arg) -> Ir, from gungraun --output-format=json lines."""
    out = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            d = json.loads(line)
            ir = d["profiles"][0]["data"]["total"]["metrics"]["Ir"]["values"]["new"]
            desc = d.get("description") or ""
            # "(setup_chain(1024))" -> 1024 ; "(setup_hand())" -> None
            m = re.search(r"\((\d+)\)\)?$", desc)
            arg = int(m.group(1)) if m else None
            out[(d["function_name"], arg)] = int(ir)
    return out


UNWINDER = ("libgcc_s", "_Unwind_", "rust_eh_personality", "dl-find_object", "_dl_find_object")


def unwinder_share(path):
    """(total Ir, Ir in the unwinder: libgcc_s, _Unwind_*, the personality
    routine, _dl_find_object) from one callgrind output file, or None."""
    if not path or not os.path.exists(path) or not shutil.which("callgrind_annotate"):
        return None
    try:
        out = subprocess.run(
            ["callgrind_annotate", "--inclusive=no", path], capture_output=True, text=True, check=True
        ).stdout.split("\n")
    except Exception:
        return None
    try:
        i = next(k for k, l in enumerate(out) if "PROGRAM TOTALS" in l)
        j = next(k for k, l in enumerate(out) if k > i and "file:function" in l)
    except StopIteration:
        return None
    total = int(out[i].split()[0].replace(",", ""))
    unw = 0
    for line in out[j + 2:]:
        if not line.strip():
            break
        if any(u in line for u in UNWINDER):
            unw += int(line.split()[0].replace(",", ""))
    return total, unw


def fmt(x, nd=1):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:,.{nd}f}"


def met(ok):
    return "**met**" if ok else "**not met**"


def median(v):
    s = sorted(v)
    n = len(s)
    if n == 0:
        return float("nan")
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


# --------------------------------------------------------------------------
# SVG
# --------------------------------------------------------------------------

COLORS = {
    "ours": "#1f77b4",
    "go": "#d62728",
    "naive": "#7f7f7f",
    "hand": "#2ca02c",
    "body_ours": "#1f77b4",
    "body_go": "#d62728",
    "shim": "#9467bd",
    "leaf": "#17becf",
}


def log_ticks(lo, hi):
    ticks = []
    e = math.floor(math.log10(lo))
    while 10**e <= hi * 1.0001:
        for m in (1, 2, 5):
            v = m * 10**e
            if lo * 0.9999 <= v <= hi * 1.0001:
                ticks.append(v)
        e += 1
    return ticks


def tick_label(v):
    if v >= 1000:
        return f"{v/1000:g}k"
    return f"{v:g}"


def panel(x0, y0, w, h, title, ylabel, series, hlines):
    """One log-log panel: series = [(label, color, dash, [(n, y)])],
    hlines = [(label, color, dash, y)]. The legend goes under the plot, so
    it never hides a line."""
    series = [(l, c, d, [(n, y) for n, y in pts if y and y > 0]) for l, c, d, pts in series]
    series = [s for s in series if s[3]]
    hlines = [h_ for h_ in hlines if h_[3] and h_[3] > 0]
    ys = [y for _, _, _, pts in series for _, y in pts]
    ys += [y for _, _, _, y in hlines]
    lo = 10 ** math.floor(math.log10(min(ys)))
    hi = 10 ** math.ceil(math.log10(max(ys)))
    xl, xh = 0, math.log2(LOOP_NS[-1])
    nleg = len(series) + len(hlines)
    legend_h = 15 * nleg + 10
    pl, pr, pt, pb = 58, 30, 28, 44 + legend_h
    iw, ih = w - pl - pr, h - pt - pb

    def X(n):
        return x0 + pl + (math.log2(n) - xl) / (xh - xl) * iw

    def Y(v):
        return y0 + pt + (1 - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))) * ih

    o = []
    o.append(f'<text x="{x0 + w/2}" y="{y0 + 18}" text-anchor="middle" font-weight="bold">{html.escape(title)}</text>')
    o.append(f'<rect x="{x0+pl}" y="{y0+pt}" width="{iw}" height="{ih}" fill="none" stroke="#333"/>')
    for t in log_ticks(lo, hi):
        y = Y(t)
        o.append(f'<line x1="{x0+pl}" y1="{y:.1f}" x2="{x0+pl+iw}" y2="{y:.1f}" stroke="#ddd"/>')
        o.append(f'<text x="{x0+pl-4}" y="{y+4:.1f}" text-anchor="end" font-size="11">{tick_label(t)}</text>')
    for n in [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536]:
        x = X(n)
        o.append(f'<line x1="{x:.1f}" y1="{y0+pt}" x2="{x:.1f}" y2="{y0+pt+ih}" stroke="#eee"/>')
        o.append(f'<text x="{x:.1f}" y="{y0+pt+ih+14}" text-anchor="middle" font-size="11">{n}</text>')
    o.append(f'<text x="{x0+pl+iw/2}" y="{y0+pt+ih+32}" text-anchor="middle" font-size="12">n (defers in one frame, log scale)</text>')
    o.append(
        f'<text x="{x0+14}" y="{y0+pt+ih/2}" text-anchor="middle" font-size="12" '
        f'transform="rotate(-90 {x0+14} {y0+pt+ih/2})">{ylabel}</text>'
    )
    legend = []
    for label, color, dash, y in hlines:
        o.append(
            f'<line x1="{x0+pl}" y1="{Y(y):.1f}" x2="{x0+pl+iw}" y2="{Y(y):.1f}" stroke="{color}" '
            f'stroke-dasharray="{dash}" stroke-width="1.5"/>'
        )
        legend.append((label, color, dash, False))
    for label, color, dash, pts in series:
        d = " ".join(f"{'M' if i == 0 else 'L'}{X(n):.1f},{Y(y):.1f}" for i, (n, y) in enumerate(pts))
        o.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>')
        for n, y in pts:
            o.append(f'<circle cx="{X(n):.1f}" cy="{Y(y):.1f}" r="3" fill="{color}"/>')
        legend.append((label, color, dash, True))
    lx, ly = x0 + pl + 8, y0 + pt + ih + 54
    for i, (label, color, dash, dot) in enumerate(legend):
        yy = ly + i * 15
        o.append(
            f'<line x1="{lx}" y1="{yy}" x2="{lx+22}" y2="{yy}" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        if dot:
            o.append(f'<circle cx="{lx+11}" cy="{yy}" r="3" fill="{color}"/>')
        o.append(f'<text x="{lx+28}" y="{yy+4}" font-size="11">{html.escape(label)}</text>')
    return o


def svg(wall, ir):
    W, H = 1000, 560
    o = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
    ]
    ours = wall["ours_med"]
    go = wall["go_med"]
    series = [
        ("ours: chain defer", COLORS["ours"], "", [(n, ours.get(f"loop/chain/n={n}", 0) / n) for n in LOOP_NS]),
        ("Go 1.27: defer in a loop", COLORS["go"], "", [(n, go.get(f"LoopDefer/n={n}", 0) / n) for n in LOOP_NS]),
        ("std shim: deferrt::defer", COLORS["shim"], "", [(n, ours.get(f"shim/loop/n={n}", 0) / n) for n in LOOP_NS]),
        ("naive Vec<Box<dyn FnOnce>>", COLORS["naive"], "6,3", [(n, ours.get(f"loop/naive/n={n}", 0) / n) for n in LOOP_NS]),
        ("hand-written call", COLORS["hand"], "3,3", [(n, ours.get(f"loop/hand/n={n}", 0) / n) for n in LOOP_NS]),
    ]
    hl = [
        ("ours: body defer, open-coded (ns per call)", COLORS["body_ours"], "2,3", ours.get("body/open")),
        ("ours: body defer, open-coded Leaf (ns per call)", COLORS["leaf"], "8,3", ours.get("body/leaf")),
        ("Go: body defer, open-coded (ns per call)", COLORS["body_go"], "2,3", go.get("BodyDefer")),
    ]
    o += panel(0, 0, 500, H, "Wall-clock per defer (median)", "ns per defer (log)", series, hl)
    iseries = [
        ("ours: chain defer", COLORS["ours"], "", [(n, ir[("chain", n)] / n) for n in LOOP_NS]),
        ("std shim: over its hand-written twin", COLORS["shim"], "", [(n, (ir[("shim", n)] - ir[("shim_hand", n)]) / n) for n in LOOP_NS]),
        ("naive Vec<Box<dyn FnOnce>>", COLORS["naive"], "6,3", [(n, ir[("naive", n)] / n) for n in LOOP_NS]),
        ("hand-written call", COLORS["hand"], "3,3", [(n, ir[("hand", n)] / n) for n in LOOP_NS]),
    ]
    ihl = [
        ("ours: body, open-coded (Ir per call)", COLORS["body_ours"], "2,3", ir.get(("body_open", None))),
        ("ours: body, open-coded Leaf (Ir per call)", COLORS["leaf"], "8,3", ir.get(("body_leaf", None))),
        ("ours: body, hand-written (Ir per call)", COLORS["hand"], "2,3", ir.get(("body_hand", None))),
    ]
    o += panel(500, 0, 500, H, "Instructions per defer (callgrind Ir)", "Ir per defer (log)", iseries, ihl)
    o.append("</svg>")
    return "\n".join(o) + "\n"


# --------------------------------------------------------------------------
# REPORT.md
# --------------------------------------------------------------------------


def goroutines_section(p, work):
    """Section 4b: the goroutine program, Go against minigo (issue 10)."""
    path = os.path.join(work, "goroutines.json")
    if not os.path.exists(path):
        return
    g = json.load(open(path))
    med = g["median"]
    calls = g["goroutines"] * g["calls"]
    p("## 4b. Goroutines: minigo against Go, on 1 and 2 workers")
    p("")
    p(f"`benches/goroutines/goroutines.go`: {g['goroutines']} goroutines each make {g['calls']} calls; a call")
    p(f"defers {g['defers_per_call']} calls in a loop (the chain) and every other call panics and is")
    p("recovered by its first deferred call; a `WaitGroup` and a channel collect the results. The same")
    p("file is compiled by Go 1.27.3 (`GOMAXPROCS=P`) and interpreted by minigo (`minigo run --procs P`:")
    p("P worker threads, each with its own `deferrt_core::Worker`, goroutines as `Sendable` tasks that")
    p(f"migrate between them). Both print the same total (checked). Median of {g['rounds']} interleaved runs")
    p("per row, whole process (minigo's includes parsing and compiling the program); CPU = user + system")
    p("time of the process.")
    p("")
    p("| | wall, 1 worker | wall, 2 workers | speed-up 1 → 2 | CPU, 1 worker | CPU, 2 workers | calls/s, 1 worker (wall) |")
    p("|---|---:|---:|---:|---:|---:|---:|")
    for who, name in (("go", "Go 1.27.3"), ("minigo", "minigo")):
        w1, w2 = med[f"{who}/1"]["wall"], med[f"{who}/2"]["wall"]
        c1, c2 = med[f"{who}/1"]["cpu"], med[f"{who}/2"]["cpu"]
        p(f"| {name} | {w1 * 1e3:.0f} ms | {w2 * 1e3:.0f} ms | {w1 / w2:.2f}x | {c1 * 1e3:.0f} ms | {c2 * 1e3:.0f} ms | {calls / w1:,.0f} |")
    r1 = med["minigo/1"]["wall"] / med["go/1"]["wall"]
    r2 = med["minigo/2"]["wall"] / med["go/2"]["wall"]
    rc = med["minigo/1"]["cpu"] / med["go/1"]["cpu"]
    p(f"| minigo / Go | {r1:.1f}x | {r2:.1f}x | | {rc:.1f}x | {med['minigo/2']['cpu'] / med['go/2']['cpu']:.1f}x | |")
    p("")
    p("minigo interprets every statement; the breakdown below shows how much of its time is the defer")
    p("engine and the scheduler. The speed-up is wall(1 worker) / wall(2 workers) of the same program; it")
    p("can approach 2x only when two cores are free (the load before the wall-clock part is in the header).")
    b = g.get("breakdown")
    if b:
        t = b["total_ir"]
        p("")
        p(f"**Where minigo's time goes** — callgrind, a smaller instance ({b['goroutines']} goroutines x")
        p(f"{b['calls']} calls) on one worker, {t:,} instructions in all, split by the function they are")
        p("counted in (inlined code counts in the function it was inlined into):")
        p("")
        p("| part | Ir | share |")
        p("|---|---:|---:|")
        for k, v in sorted(b["parts"].items(), key=lambda kv: -kv[1]):
            p(f"| {k} | {v:,} | {v / t * 100:.1f}% |")
    p("")


def main():
    work = sys.argv[1]
    body = load_ir(os.path.join(work, "body.json"))
    loops = load_ir(os.path.join(work, "loops.json"))
    panics = load_ir(os.path.join(work, "panics.json"))
    wall = json.load(open(os.path.join(work, "wall.json")))
    machine = json.load(open(os.path.join(work, "machine.json")))
    wall["ours_med"] = {k: median(v) for k, v in wall["ours"].items()}
    wall["go_med"] = {k: median(v) for k, v in wall["go"].items()}

    L = []
    p = L.append
    p("# deferrt benchmark report")
    p("")
    p("Generated by `benches/report.sh` (do not edit by hand; rerun it).")
    p("")
    p("| | |")
    p("|---|---|")
    for k in ["date", "commit", "nproc", "cpu", "valgrind", "rustc", "go", "gungraun", "load"]:
        p(f"| {k} | {machine.get(k, 'n/a')} |")
    p("")
    p("Instruction counts are callgrind `Ir` from gungraun 0.20.0 (the renamed iai-callgrind) for one")
    p("call of each kernel in `benches/src/lib.rs`, in steady state: the pool, worker and task are made")
    p("and the kernel is run 2-3 times in a setup function outside the measured region. The count")
    p("includes the benchmark function's own constant frame (the fixture handed in and out, the `Cx`")
    p("made from it), which is the same for every case of a group; **over hand** subtracts the")
    p("hand-written baseline of the same group, so it is the cost of the defer mechanism alone,")
    p("divided by the number of defers (or frames).")
    p("")

    # --- body
    hand = body[("hand", None)]
    p("## 1. The body: one deferred call at a function's exit (Ir)")
    p("")
    p("| case | Ir | Ir per defer | over hand | target (`benches/TARGETS.md`) | |")
    p("|---|---:|---:|---:|---|---|")
    rows = [
        ("hand-written call (`body_hand`)", "hand", None),
        ("open-coded defer, general slot (`body_open`: `enter_open`/`defer::<0>`/`exit_open`)", "open", 2),
        ("open-coded defer, `Leaf` slot (`body_leaf`: `defer::<0>(Leaf(..))`, gets only the environment)", "leaf", 2),
        ("open-coded `Leaf` defer in an inline frame (`body_inline`: `enter_inline`/`exit_inline`)", "inline", 2),
        ("chain defer (`body_chain`: `enter`/`defer`/`exit`)", "chain", 20),
        ("`scopeguard::guard` (`body_scopeguard`)", "scopeguard", None),
    ]
    body_results = {}
    for label, key, target in rows:
        ir = body[(key, None)]
        over = ir - hand
        body_results[key] = over
        if key in ("open", "leaf", "inline"):
            tgt, ok = "T1: within 2 of hand", met(over <= 2)
        elif key == "chain":
            tgt, ok = "T2: ≤ 20 over hand (the chain target, n = 1)", met(over <= 20)
        elif key == "hand":
            tgt, ok = "baseline", ""
        else:
            tgt, ok = "reference", ""
        p(f"| {label} | {fmt(ir)} | {fmt(ir)} | {'—' if key == 'hand' else f'{over:+d}'} | {tgt} | {ok} |")
    p("")
    p("Both open-coded rows are kept: the general slot (a `FnOnce(&mut Cx) -> Outcome`, which may defer,")
    p("panic or recover, so the exit runs it in a frame of its own and checks after it) and the `Leaf` slot")
    p("(an `FnOnce(&mut E)`, which cannot reach the engine, so the exit just calls it; what is left over")
    p("hand is the open frame's depth increment and restore, one check for chain calls registered on the")
    p("open frame, and the stack frame kept for that check's cold call, `asm-notes/README.md`). The inline")
    p("frame is the tier for a function the embedder treats as inlined into its caller — all its defers")
    p("`Leaf` calls, no direct `recover`, no chain defers, all known statically, as Go's compiler knows")
    p("what it inlines — and is not a frame of the task at all: its exit is the slots' calls.")
    p("")
    sh_hand, sh, go0 = body[("shim_hand", None)], body[("shim", None)], body[("go_empty", None)]
    p("**The std shim** (`deferrt`), one `deferrt::func` with one `deferrt::defer`. The shim owns its task,")
    p("which lives only inside a `deferrt::go`, so each shim row measures one `deferrt::go` running the")
    p("kernel (set up and warmed outside the measured region, but the `go` itself is inside it);")
    p("`shim_hand` runs the hand-written work in the same way, so **over shim hand** cancels the goroutine.")
    p("")
    p("| case | Ir | over shim hand |")
    p("|---|---:|---:|")
    p(f"| empty goroutine: `deferrt::go(\|\| ())` (`go_empty`) | {fmt(go0)} | (the goroutine's own cost) |")
    p(f"| hand-written work inside one `go` (`shim_body_hand`) | {fmt(sh_hand)} | — |")
    p(f"| `func(\|\| defer(move \|\| work(v)))` inside one `go` (`shim_body`) | {fmt(sh)} | {sh - sh_hand:+,} |")
    smac = body[("shim_macro", None)]
    p(f"| `#[deferrt::func] fn f(v) {{ defer! {{ work(v); }} }}` inside one `go` (`shim_macro`, open tier, landing pad) | {fmt(smac)} | {smac - sh_hand:+,} |")
    hp, sin = body[("shim_hand_ptr", None)], body[("shim_macro_inline", None)]
    p(f"| hand-written `*p += v` inside one `go` (`shim_hand_ptr`: the inline tier's baseline) | {fmt(hp)} | — |")
    p(f"| `#[deferrt::func] fn f(p, v) {{ defer! {{ unsafe {{ *p += v; }} }} }}` (`shim_macro_inline`, the inline tier) | {fmt(sin)} | {sin - hp:+,} over `shim_hand_ptr` |")
    p("")

    # --- loops
    p("## 2. The loop: n defers in one frame (Ir)")
    p("")
    p("| n | hand Ir | hand /call | chain Ir | chain /defer | chain over hand /defer | T2: ≤ 20 | naive Ir | naive /defer | naive over hand /defer |")
    p("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    over_chain = []
    for n in LOOP_NS:
        h, c, v = loops[("hand", n)], loops[("chain", n)], loops[("naive", n)]
        oc = (c - h) / n
        over_chain.append(oc)
        p(
            f"| {n:,} | {fmt(h)} | {fmt(h/n)} | {fmt(c)} | {fmt(c/n)} | {fmt(oc)} | {met(oc <= 20)} | "
            f"{fmt(v)} | {fmt(v/n)} | {fmt((v-h)/n)} |"
        )
    flat = max(over_chain) / min(over_chain)
    p("")
    p(
        f"Flatness of the chain's cost over hand per defer, n = 1 … 65536: max / min = {flat:.2f} "
        f"(n ≥ 16: {max(over_chain[1:]) / min(over_chain[1:]):.2f}). Target T2: at most 20 per defer at every n: "
        f"{met(all(x <= 20 for x in over_chain))}."
    )
    p("")
    mixed_ns = [n for n in LOOP_NS if ("chain_mixed", n) in loops]
    if mixed_ns:
        p("**Two closure types in turn** (`chain_mixed`: the loop body has two `defer` sites used in turn,")
        p("`loop_chain_mixed`): every record is a run of one, so the exit calls each through its vtable's")
        p("one-record `call` shim instead of batching a run of one type (`run` shim). The same `work` calls as")
        p("`chain`; over the same hand-written loop.")
        p("")
        p("| n | hand Ir | chain_mixed Ir | chain_mixed /defer | over hand /defer | chain over hand /defer (one type) |")
        p("|---:|---:|---:|---:|---:|---:|")
        for n in mixed_ns:
            h, m = loops[("hand", n)], loops[("chain_mixed", n)]
            p(
                f"| {n:,} | {fmt(h)} | {fmt(m)} | {fmt(m/n)} | {fmt((m-h)/n)} | "
                f"{fmt(over_chain[LOOP_NS.index(n)])} |"
            )
        p("")

    # --- panics
    p("**The std shim**: one `deferrt::func` deferring n closures in a loop (`shim_loop`), against the same")
    p("work by hand (`shim_loop_hand`), each measured as one `deferrt::go` running the kernel.")
    p("")
    p("The macro column is the same loop written `#[deferrt::func] fn f(n) { for i in 0..n { defer! { work(i); } } }`")
    p("(`shim_macro`: chain tier; no deferred block can recover, so no `catch_unwind`).")
    p("")
    p("| n | shim hand Ir | shim Ir | shim over shim hand /defer | engine chain over hand /defer | shim's own part /defer | macro Ir | macro over shim hand /defer |")
    p("|---:|---:|---:|---:|---:|---:|---:|---:|")
    shim_over = []
    for n, oc in zip(LOOP_NS, over_chain):
        h, c = loops[("shim_hand", n)], loops[("shim", n)]
        m = loops[("shim_macro", n)]
        o = (c - h) / n
        shim_over.append(o)
        p(f"| {n:,} | {fmt(h)} | {fmt(c)} | {fmt(o)} | {fmt(oc)} | {fmt(o - oc)} | {fmt(m)} | {fmt((m - h) / n)} |")
    p("")
    p(
        "The shim's own part per defer is what it adds to the engine's chain defer: the thread-local "
        "lookup of the current `Cx` in `defer` (and the `func` frame's two, amortised), the closure that "
        "wraps the user's closure, and, per deferred call, the `scoped` thread-local swap + restore and "
        "`catch_unwind` around it (no landing pad runs when nothing panics)."
    )
    p("")
    p("## 3. Panic + recover on the embedded (no-unwind) path (Ir)")
    p("")
    p("Baseline: the same error returned by hand (`Result`) up the same frames, each doing its `work`.")
    p("")
    p("| depth | hand Ir | panic+recover Ir | per frame | over hand | over hand per frame |")
    p("|---:|---:|---:|---:|---:|---:|")
    for d in DEPTHS:
        h, r = panics[("hand", d)], panics[("recover", d)]
        p(f"| {d} | {fmt(h)} | {fmt(r)} | {fmt(r/d)} | {r-h:+,} | {fmt((r-h)/d)} |")
    p("")
    p("**The std shim rides Rust unwinding.** `deferrt::panic` records the panic in the core and unwinds with")
    p("`std::panic::resume_unwind`; every `deferrt::func` the panic crosses catches it (`catch_unwind`), runs")
    p("its frame's deferred calls through the core, and throws it on with a new `resume_unwind`. Rows, each")
    p("one `deferrt::go` running the kernel: `shim` (nested `func`s, one `defer` each, the innermost panics,")
    p("the outermost's deferred call recovers), `shim hand` (the error returned by hand), and the bare Rust")
    p("unwinding with the same work: **one unwind** (`resume_unwind` in the innermost frame, a `Drop` guard")
    p("— a landing pad — in every frame, one `catch_unwind` at the top) and **rethrow per frame**")
    p("(`catch_unwind` + a new `resume_unwind` in every frame, the shim's pattern without the engine).")
    p("")
    gdir = os.environ.get("GUNGRAUN_DIR")
    p("| depth | shim hand Ir | shim Ir | shim over hand | per frame | Rust: one unwind Ir | Rust: rethrow per frame Ir | shim in the unwinder |")
    p("|---:|---:|---:|---:|---:|---:|---:|---:|")
    shim_unw = {}
    for i, d in enumerate(DEPTHS):
        h, r = panics[("shim_hand", d)], panics[("shim", d)]
        ru, rr = panics[("rust_unwind", d)], panics[("rust_rethrow", d)]
        share = unwinder_share(
            gdir and os.path.join(gdir, "panics", "panics", f"shim.depth_{i}", f"callgrind.shim.depth_{i}.out")
        )
        shim_unw[d] = share
        sh = f"{share[1]:,} Ir ({100 * share[1] / share[0]:.1f}%)" if share else "n/a"
        p(f"| {d} | {fmt(h)} | {fmt(r)} | {r-h:+,} | {fmt((r-h)/d)} | {fmt(ru)} | {fmt(rr)} | {sh} |")
    p("")
    s1, s16 = panics[("shim", 1)], panics[("shim", 16)]
    rr1, rr16 = panics[("rust_rethrow", 1)], panics[("rust_rethrow", 16)]
    ru1, ru16 = panics[("rust_unwind", 1)], panics[("rust_unwind", 16)]
    bound = (
        f"**What bounds the shim.** (1)+(2), the normal path: per `defer`, one thread-local lookup of the "
        f"current `Cx`; per deferred call, the `scoped` thread-local swap + restore and a `catch_unwind` (no "
        f"landing pad runs when nothing unwinds, but the call goes through its out-of-line `do_call`); plus "
        f"moving the wrapped closure. Together {shim_over[-1] - over_chain[-1]:.0f} Ir per defer over the "
        f"engine's own chain defer at n = 65536 (§2). (3) Per panic: Rust "
        f"unwinding — a two-phase `_Unwind_RaiseException` that looks up every frame's unwind tables and runs "
        f"its landing pad — and the shim pays it once per `func` the panic crosses, because each `func` catches "
        f"and re-throws: {s1:,} Ir at depth 1 and {s16:,} at depth 16, "
        f"{(s16 - s1) / 15:,.0f} Ir per extra frame; the bare rethrow pattern costs {rr1:,} / {rr16:,}, "
        f"one single unwind through the same 16 frames {ru16:,} ({(ru16 - ru1) / 15:,.0f} per extra frame)."
    )
    if shim_unw.get(1) and shim_unw.get(16):
        a, b = shim_unw[1], shim_unw[16]
        bound += (
            f" callgrind puts {100 * a[1] / a[0]:.0f}% (depth 1) and {100 * b[1] / b[0]:.0f}% (depth 16) of the "
            f"shim's panic+recover in the unwinder (libgcc_s, `_Unwind_Find_FDE`, `_dl_find_object`, "
            f"`rust_eh_personality`); the engine and the shim together are the other "
            f"{a[0] - a[1]:,} / {b[0] - b[1]:,} Ir."
        )
    bound += (
        " Allocations per panic+recover (`tests/zero_alloc.rs`): the panic value's `Rc` and one unwind box per "
        "`func` crossed (allocate + free each)."
    )
    p(bound)
    p("")

    # --- wall clock
    om, gm = wall["ours_med"], wall["go_med"]
    p("## 4. Wall-clock, side by side with Go 1.27.3")
    p("")
    p(
        f"`target/release/sidebyside --rounds {wall['rounds']} --benchtime-ms {wall['benchtime_ms']}`: "
        f"{wall['rounds']} interleaved rounds (all of ours, then `go test -run '^$' -bench "
        f"'^Benchmark(Body|Loop|Panic)' -benchtime {wall['benchtime_ms']}ms -count 1` in `benches/go`, "
        "then ours again, …); medians over the rounds. Ours is timed in-process with `Instant` over "
        "enough iterations of the same kernels. The machine is shared (2 cores), so expect noise; the "
        "ratios come from the same rounds."
    )
    p("")
    p(
        "The same work on both sides: each deferred (or hand-written) call adds a value to a counter "
        "through a function the compiler may inline — Go's `work` (no `//go:noinline`; `go test "
        "-gcflags=-m` reports it inlined into the deferred closures and the loops) and ours "
        "(`#[inline(always)]`, through `black_box`) — while the functions that hold the defers are kept "
        "out of line on both sides (`//go:noinline`, `#[inline(never)]`). So the ratio measures the "
        "defer mechanism, not a call that one side makes and the other inlines."
    )
    p("")
    p("| case | ours ns/op (min–max) | Go ns/op (min–max) | ours ns/defer | Go ns/defer | Go / ours | target | |")
    p("|---|---:|---:|---:|---:|---:|---|---|")

    def rng(samples):
        return f"{median(samples):,.1f} ({min(samples):,.1f}–{max(samples):,.1f})"

    for r in wall["rows"]:
        o = om.get(r["ours"], float("nan"))
        g = gm.get(r["go"], float("nan"))
        n = r["defers"]
        ratio = g / o if o else float("nan")
        tgt, ok = "", ""
        if r["ours"].startswith("loop/chain"):
            tgt, ok = "T3: ≥ 8x", met(ratio >= 8)
        elif r["ours"].startswith("shim/loop/"):
            tgt, ok = "T4: ≥ 4x (std shim)", met(ratio >= 4)
        elif r["ours"].startswith("panic/recover"):
            tgt, ok = "T6: ≥ 3x", met(ratio >= 3)
        gcol = rng(wall["go"][r["go"]]) if r["go"] in wall["go"] else "—"
        rcol = f"{ratio:.2f}x" if not math.isnan(ratio) else "—"
        p(
            f"| {r['label']} | {rng(wall['ours'][r['ours']])} | {gcol} | "
            f"{fmt(o/n, 2)} | {fmt(g/n, 2)} | {rcol} | {tgt} | {ok} |"
        )
    p("")
    p("Ours over the hand-written call, per defer (ns): " + ", ".join(
        f"n = {n}: {(om[f'loop/chain/n={n}'] - om[f'loop/hand/n={n}']) / n:.2f}" for n in LOOP_NS
    ) + "; Go: " + ", ".join(
        f"n = {n}: {(gm[f'LoopDefer/n={n}'] - gm[f'LoopHand/n={n}']) / n:.2f}" for n in LOOP_NS
    ) + ".")
    p("")
    if all(f"minigo/loop/defer/n={n}" in om for n in LOOP_NS):
        p(
            "**minigo** (the embedder's view): the rows marked minigo run the Go program "
            "`deferrt_benches::minigo::SRC` in the interpreter — `loopDefer(n)` (`for i := 0; i < n; i++ "
            "{ defer work(i) }`, the chain tier) and `loopHand(n)` (the same calls written by hand) — "
            "compiled once, one call per iteration of the timed loop. An interpreted defer over an "
            "interpreted call, per defer (ns): " + ", ".join(
                f"n = {n}: {(om[f'minigo/loop/defer/n={n}'] - om[f'minigo/loop/hand/n={n}']) / n:.2f}"
                for n in LOOP_NS
            ) + " (Go's defer over Go's call is in the line above). Registering one allocates nothing "
            "(`tests/zero_alloc.rs`, `minigo_defer_statement_allocates_nothing`: up to four arguments "
            "live inline in the pooled record)."
        )
        p("")
    p(
        "The std shim's rows run inside one `deferrt::go` set up outside the timed loop (as a Go benchmark "
        f"runs in one goroutine); an empty `deferrt::go` costs {om['shim/go_empty']:.1f} ns on its own. "
        "Shim over its hand-written twin, per defer (ns): " + ", ".join(
            f"n = {n}: {(om[f'shim/loop/n={n}'] - om[f'shim/loop/hand/n={n}']) / n:.2f}" for n in LOOP_NS
        ) + f"; a body `func` + `defer`: {om['shim/body'] - om['shim/body/hand']:.1f} ns over hand. "
        f"A shim panic+recover takes {om['shim/panic/recover/depth=1']:,.0f} ns at depth 1 and "
        f"{om['shim/panic/recover/depth=16']:,.0f} ns at depth 16, against {om['rust/unwind/depth=1']:,.0f} / "
        f"{om['rust/unwind/depth=16']:,.0f} ns for one bare Rust unwind and "
        f"{om['rust/rethrow/depth=1']:,.0f} / {om['rust/rethrow/depth=16']:,.0f} ns for a rethrow in every frame: "
        "Rust unwinding, not the engine, sets the shim's panic cost (Go: "
        f"{gm['PanicRecover/depth=1']:,.0f} / {gm['PanicRecover/depth=16']:,.0f} ns)."
    )
    p("")
    p("![cost per defer against n](defer-cost.svg)")
    p("")
    p("Left: wall-clock ns per defer (medians) for the loop cases — ours through the chain, Go's defer in a")
    p("loop, the std shim's `deferrt::defer` in a loop, the naive `Vec<Box<dyn FnOnce>>`, the hand-written")
    p("call — with the body (open-coded) defer of each as a dotted line. Right: callgrind instructions per")
    p("defer for the same loop kernels (the std shim's over its hand-written twin, which cancels its")
    p("goroutine), with the body kernels (open-coded general and Leaf slots, hand-written; one call each)")
    p("as dotted lines.")
    p("")

    goroutines_section(p, work)

    # --- targets
    p("## 5. Targets (`benches/TARGETS.md`)")
    p("")
    p("| target | measured | |")
    p("|---|---|---|")
    p(f"| T1: open-coded body defer within 2 instructions of the hand-written call: general slot (`body_open`) | {body_results['open']:+d} Ir | {met(body_results['open'] <= 2)} |")
    p(f"| T1: open-coded body defer within 2 instructions of the hand-written call: `Leaf` slot (`body_leaf`) | {body_results['leaf']:+d} Ir | {met(body_results['leaf'] <= 2)} |")
    p(f"| T1: open-coded body defer within 2 instructions of the hand-written call: inline frame, `Leaf` slot (`body_inline`) | {body_results['inline']:+d} Ir | {met(body_results['inline'] <= 2)} |")
    p(
        f"| T2: loop defer through the chain ≤ 20 Ir per defer over hand, flat n = 1 … 65536 | "
        f"{', '.join(f'{x:.1f}' for x in over_chain)} (n = 1, 16, 1024, 65536) | {met(all(x <= 20 for x in over_chain))} |"
    )
    loop_ratios = [gm[f"LoopDefer/n={n}"] / om[f"loop/chain/n={n}"] for n in LOOP_NS]
    p(
        f"| T3: wall-clock ≥ 8x faster than Go's loop defer | {', '.join(f'{x:.1f}x' for x in loop_ratios)} (n = 1, 16, 1024, 65536) | "
        f"{met(all(x >= 8 for x in loop_ratios))} |"
    )
    shim_ratios = [gm[f"LoopDefer/n={n}"] / om[f"shim/loop/n={n}"] for n in LOOP_NS]
    p(
        f"| T4: std shim: wall-clock ≥ 4x faster than Go's loop defer | {', '.join(f'{x:.1f}x' for x in shim_ratios)} (n = 1, 16, 1024, 65536) | "
        f"{met(all(x >= 4 for x in shim_ratios))} |"
    )
    macro_ratios = [gm[f"LoopDefer/n={n}"] / om[f"shim/macro_loop/n={n}"] for n in LOOP_NS]
    p(
        f"| T4: std shim through the macro (`#[deferrt::func]`, `defer! {{}}` in a loop): wall-clock ≥ 4x faster than Go's loop defer | {', '.join(f'{x:.1f}x' for x in macro_ratios)} (n = 1, 16, 1024, 65536) | "
        f"{met(all(x >= 4 for x in macro_ratios))} |"
    )
    inl = om["shim/macro_body_inline"] - om["shim/body/hand_ptr"]
    p(
        f"| T1 (std shim): a macro body defer in the inline tier costs what the hand-written work costs | "
        f"{body[('shim_macro_inline', None)] - body[('shim_hand_ptr', None)]:+d} Ir (gungraun `shim_macro_inline` − `shim_hand_ptr`); "
        f"wall clock {om['shim/macro_body_inline']:.2f} ns vs hand {om['shim/body/hand_ptr']:.2f} ns ({inl:+.2f} ns), "
        f"Go's open-coded body defer {gm['BodyDefer']:.2f} ns | "
        f"{met(body[('shim_macro_inline', None)] - body[('shim_hand_ptr', None)] <= 2 and om['shim/macro_body_inline'] <= gm['BodyDefer'])} |"
    )
    spr = [gm[f"PanicRecover/depth={d}"] / om[f"shim/panic/recover/depth={d}"] for d in DEPTHS]
    p(
        f"| T7: std shim: \"rides Rust unwinding; measure it and say what bounds it\" | panic+recover "
        f"{spr[0]:.2f}x / {spr[1]:.2f}x Go's speed (depth 1 / 16): bounded by Rust unwinding, one "
        f"`resume_unwind` per `func` crossed (§3) | measured |"
    )
    pr = [gm[f"PanicRecover/depth={d}"] / om[f"panic/recover/depth={d}"] for d in DEPTHS]
    p(
        f"| T6: panic+recover ≥ 3x faster than Go at depth 1 and 16 | {pr[0]:.1f}x, {pr[1]:.1f}x | "
        f"{met(all(x >= 3 for x in pr))} |"
    )
    p(
        "| T5: zero global-allocator calls per defer in steady state | counted by `benches/tests/zero_alloc.rs` "
        f"(`cargo test -p deferrt-benches --test zero_alloc`): {machine.get('zero_alloc', 'n/a')} | "
        f"{met(machine.get('zero_alloc', '').startswith('ok'))} |"
    )
    p("")
    # --- the cost of issue 8's checks
    before = json.load(open(os.path.join(HERE, "before-issue8.json")))
    p("## 6. What the safety checks cost (issue 8), before and now (Ir)")
    p("")
    p(f"Before: the rows as measured at commit {before['commit']} (`benches/before-issue8.json`, copied from")
    p("the report generated there). Now: this run. Issue 8 tied every token (`Frame`, `OpenFrame`,")
    p("`InlineFrame`, `Unwind`) to its task and frame generation, bounded the frame depth, and made the")
    p("engine consistent when user code unwinds out of it; those checks cost a compare and a cold branch")
    p("per frame. The loop rows also include issue 12's intrusive free lists (fewer instructions per")
    p("defer), so their difference is the sum of both changes; the per-frame rows (body, n = 1, panics)")
    p("show the checks. Measured apart at commit 68e1815 (checks only, before the free lists):")
    p("+3 `body_open`, +1 `body_leaf`, +3 `body_chain`, +5 chain n = 1, −1.6 per defer at n ≥ 1024")
    p("(one position compare after each call replaced two loads), +43–52 per std-shim goroutine.")
    p("")
    p("| row | before | now | change |")
    p("|---|---:|---:|---:|")
    for key in ["hand", "open", "leaf", "inline", "chain", "go_empty", "shim_hand", "shim"]:
        b, n = before["body"][key], body[(key, None)]
        p(f"| body `{key}` | {fmt(b)} | {fmt(n)} | {n - b:+,} |")
    for kern in ["hand", "chain", "shim_hand", "shim"]:
        for n_ in LOOP_NS:
            b, n = before["loops"][kern][str(n_)], loops[(kern, n_)]
            p(f"| loop `{kern}` n = {n_:,} | {fmt(b)} | {fmt(n)} | {n - b:+,} ({(n - b) / n_:+.1f} per defer) |")
    for kern in ["hand", "recover"]:
        for d in DEPTHS:
            b, n = before["panics"][kern][str(d)], panics[(kern, d)]
            p(f"| panic `{kern}` depth {d} | {fmt(b)} | {fmt(n)} | {n - b:+,} |")
    p("")

    p("Where the instructions go, instruction by instruction: `asm-notes/README.md`. Problems found in")
    p("deferrt-core and the suggested changes: `benches/CORE-PERF.md`.")
    p("")
    with open(os.path.join(HERE, "REPORT.md"), "w") as f:
        f.write("\n".join(L))
    ir_all = {}
    ir_all.update({(k, a): v for (k, a), v in loops.items()})
    ir_all[("body_open", None)] = body[("open", None)]
    ir_all[("body_leaf", None)] = body[("leaf", None)]
    ir_all[("body_inline", None)] = body[("inline", None)]
    ir_all[("body_hand", None)] = body[("hand", None)]
    with open(os.path.join(HERE, "defer-cost.svg"), "w") as f:
        f.write(svg(wall, ir_all))
    print(f"wrote {os.path.join(HERE, 'REPORT.md')} and defer-cost.svg")


if __name__ == "__main__":
    main()
