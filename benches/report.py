#!/usr/bin/env python3
"""Print the ratio table of `make bench`: criterion medians (target/criterion) and the binding
benchmarks' JSON (target/bench/python.json, target/bench/node.json), each as a ratio to the
baseline measured in the same process. `--readme FILE` also rewrites the table in FILE between
the `<!-- bench:begin -->` and `<!-- bench:end -->` markers.

Standard library only, so it runs before any venv exists.
"""

import argparse
import datetime
import json
import os
import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def medians():
    """{full_id: (median ns, throughput dict)} of criterion's latest run."""
    out = {}
    for bench in (TARGET / "criterion").glob("**/new/benchmark.json"):
        est = bench.with_name("estimates.json")
        if not est.exists():
            continue
        meta = json.loads(bench.read_text())
        ns = json.loads(est.read_text())["median"]["point_estimate"]
        out[meta["full_id"]] = (ns, meta.get("throughput"))
    return out


def fmt_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def verdict(ratio, limit):
    if limit is None:
        return ""
    return "ok" if ratio <= limit else "MISSED"


def rust_rows(m):
    """Rows: (what, median, baseline name, baseline median, ratio, target, verdict)."""
    rows = []
    groups = sorted({k.rsplit("/", 1)[0] for k in m if "/baseline/" not in k} |
                    {k.split("/baseline/")[0] for k in m if "/baseline/" in k})
    for g in groups:
        if g.startswith("growth"):
            continue
        parse = m.get(f"{g}/baseline/serde_json-parse-only")
        clone = m.get(f"{g}/baseline/clone-typed") or m.get(f"{g}/baseline/clone-input") \
            or m.get(f"{g}/baseline/clone-codes")
        for fn in ("json-end-to-end", "json-in-json-out", "probe/parse-then-typed", "limits-scan",
                   "typed", "parse",
                   "lookup-all-codes", "parse-code", "on-date"):
            v = m.get(f"{g}/{fn}")
            if v is None:
                continue
            base_name, base = ("serde_json parse-only", parse) \
                if fn in ("json-end-to-end", "json-in-json-out", "probe/parse-then-typed",
                          "limits-scan") \
                else ("clone of input", clone)
            if base is None:
                continue
            limit = 1.3 if fn == "json-end-to-end" and g.split("/")[0] in ("route", "meeting") \
                else None
            r = v[0] / base[0]
            rows.append((f"{g} {fn}", fmt_ns(v[0]), base_name, fmt_ns(base[0]), r,
                         f"≤ {limit}×" if limit else "", verdict(r, limit)))
    return rows


def growth_rows(m):
    """Per-element cost at each size and the largest/smallest per-element ratio."""
    rows = []
    series = {}
    for k, (ns, tp) in m.items():
        if not k.startswith("growth/"):
            continue
        group, fn, n = k.rsplit("/", 2)
        elems = (tp or {}).get("Elements") or int(n)
        series.setdefault(f"{group} {fn}", []).append((int(n), ns / elems))
    for name, pts in sorted(series.items()):
        pts.sort()
        per = ", ".join(f"{n}: {fmt_ns(c)}" for n, c in pts)
        lo, hi = min(c for _, c in pts), max(c for _, c in pts)
        # Linear or better: the per-element cost at the largest size is not above the smallest's
        # by more than noise and cache effects (2×).
        r = pts[-1][1] / pts[0][1]
        rows.append((name, per, r, "ok" if r <= 2.0 else "MISSED", hi / lo))
    return rows


def binding_rows(name):
    path = TARGET / "bench" / f"{name}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    return data


def table(headers, rows):
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for r in rows:
        lines.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(lines)


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def render():
    m = medians()
    parts = [
        f"Machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; date {datetime.date.today().isoformat()}; medians of criterion "
        "(Rust) and of the binding benchmarks' repeats.",
        "",
        "### Rust (criterion): each operation against baselines in the same group",
        "",
        table(["operation", "median", "baseline", "baseline median", "ratio", "target", ""],
              [(a, b, c, d, f"{e:.2f}×", f, g) for a, b, c, d, e, f, g in rust_rows(m)]),
        "",
        "### Growth (per-element cost by size; linear or better = ratio largest/smallest size ≤ 2×)",
        "",
        table(["series", "per element at n", "last/first", ""],
              [(a, b, f"{c:.2f}×", d) for a, b, c, d, _ in growth_rows(m)]),
    ]
    for name, title, rows_of in (("python", "Python (`make bench-py`)", python_rows),
                                 ("node", "WASM in node (`make bench-node`)", node_rows)):
        data = binding_rows(name)
        parts += ["", f"### {title}", ""]
        if data is None:
            parts.append(f"(no results: target/bench/{name}.json is missing)")
            continue
        parts.append(table(["measurement", "median", "baseline", "baseline median", "ratio",
                            "target", ""], rows_of(data)))
        if data.get("method"):
            parts += ["", f"Method: {data['method']}"]
    return "\n".join(parts)


def ratio_row(what, a, base_name, b, limit=None):
    r = a / b
    target, ok = ("", "") if limit is None else (f"≤ {limit}×", "ok" if r <= limit else "MISSED")
    return (what, fmt_ns(a), base_name, fmt_ns(b), f"{r:.2f}×", target, ok)


def speedup_row(what, ns, plain_ns, at_least, base_name="plain Python, same rules"):
    """A per-case cost against a plain-Python baseline's, as a speed-up (plain / this)."""
    r = plain_ns / ns
    target = f"≥ {at_least}× faster" if at_least else ""
    ok = ("ok" if r >= at_least else "MISSED") if at_least else ""
    return (what, fmt_ns(ns), base_name, fmt_ns(plain_ns), f"{r:.2f}× faster", target, ok)


def node_rows(data):
    res = {k: v["median_ns"] for k, v in data.get("results", {}).items()}
    rows = []
    for what, a, base, b, limit in (
            ("route from a JS object", "route_js_object", "ajv validation (schema Case)",
             "ajv_validate", 3),
            ("route from a JS object", "route_js_object", "JSON.parse", "json_parse", None),
            ("route from JSON text", "route_json_text", "JSON.parse", "json_parse", None),
            ("keystroke: parse + route", "keystroke_parse_route", "keystroke: parse + ajv",
             "keystroke_parse_ajv", None),
            ("keystroke: invalid form (throws)", "keystroke_route_invalid",
             "keystroke: parse + ajv", "keystroke_parse_ajv", None)):
        if a in res and b in res:
            rows.append(ratio_row(what, res[a], base, res[b], limit))
    return rows


def python_rows(data):
    """Python's paths as per-case costs: each against the rules in plain Python (`plain_rules`,
    target ≥ 30× faster), the Arrow table also against a loop over `jusou.route`
    (`plain_python`, no target) and against the core's native batch in the same process
    (target ≤ 3× its cost). A JSON from before `plain_rules` has only the loop over
    `jusou.route`, labelled as such and without the target."""
    paths = data.get("paths", {})
    if "native" not in paths or not ({"plain_rules", "plain_python"} & set(paths)):
        return []
    us = {k: v["us_per_case"] * 1000 for k, v in paths.items()}
    loop = "loop over jusou.route"
    rows = []
    # The bench names its 1-thread paths `list@1`, …; older JSON has `list`, ….
    one = {name: name + "@1" if name + "@1" in us else name for name in ("list", "dataframe", "arrow")}
    for name, label in (("list", "route_many, list of dicts"), ("dataframe", "route_many, DataFrame"),
                        ("arrow", "route_many, Arrow table")):
        key = one[name]
        if key not in us:
            continue
        if key.endswith("@1"):
            label += " (1 thread)"
        if "plain_rules" in us:
            rows.append(speedup_row(label, us[key], us["plain_rules"], 30))
            if name == "arrow" and "plain_python" in us:
                rows.append(speedup_row(label, us[key], us["plain_python"], None, loop))
        else:
            rows.append(speedup_row(label, us[key], us["plain_python"], None, loop))
    if one["arrow"] in us:
        rows.append(ratio_row("route_many, Arrow table", us[one["arrow"]], "native core batch",
                              us["native"], 3))
    if "plain_rules" in us:
        rows.append(speedup_row("native core batch (in the same run)", us["native"], us["plain_rules"], None))
    else:
        rows.append(speedup_row("native core batch (in the same run)", us["native"], us["plain_python"], None, loop))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--readme", type=Path)
    args = ap.parse_args()
    text = render()
    print(text)
    if args.readme:
        old = args.readme.read_text()
        new, n = re.subn(r"(<!-- bench:begin -->\n).*?(<!-- bench:end -->)",
                         lambda mo: mo.group(1) + text + "\n" + mo.group(2), old, flags=re.S)
        if n != 1:
            sys.exit(f"{args.readme}: no bench markers")
        args.readme.write_text(new)


if __name__ == "__main__":
    main()
