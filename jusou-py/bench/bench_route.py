"""Benchmark: jusou.route_many against a plain-Python implementation of the same routing rules,
in one process.

    python jusou-py/bench/bench_route.py [--n 1000000] [--chunk 100000] [--out target/bench/python.json]

Inputs: ``--n`` synthetic consultations (``synth.py``, seeded), routed in chunks of ``--chunk``
so memory stays bounded; only the routing calls are timed (building the inputs is not). Timed,
per chunk:

- ``plain_python``: ``plain_route.route_many`` over the list of dicts (the baseline);
- ``vectorised``: ``vector_route.route`` — the same rules as pandas/numpy column operations over
  flat tables (cases, members, consents), what a capable analyst writes; ``vectorised_flatten``
  is building those tables from the list of dicts (a Python loop an analyst with flat data skips);
- ``list``: ``jusou.route_many`` over the same list of dicts → list of decision dicts;
- ``dataframe``: over a pandas.DataFrame (one column per Case field) → DataFrame;
- ``arrow``: over a pyarrow.Table with a ``case`` column of JSON text → pyarrow.Table;
- ``arrow_structs``: over a pyarrow.Table with one column per Case field (structs and lists,
  ``pa.array(list_of_dicts)``), read natively → pyarrow.Table;
- every jusou path at 1 thread (``@1``) and at one thread per core (``@all``: ``threads=None``);
- ``native``: the core alone (``_jusou.bench_route_native``: decode, validate, decide each case,
  GIL released, no Python objects) — the per-case cost the bindings are measured against.

The cyclic garbage collector is paused for every timed call (jusou pauses it inside
``route_many`` anyway; the baseline gets the same treatment so the comparison is fair).
Before timing, a sample of ``--check`` cases is routed both ways and every decision field is
compared, so both sides decide the same thing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import pathlib
import platform
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import plain_route  # noqa: E402
import synth  # noqa: E402

try:
    import vector_route  # noqa: E402  (needs pandas)
except ImportError:
    vector_route = None

import jusou  # noqa: E402
from jusou import _jusou  # noqa: E402

KEYS = ("case_id", "as_of", "multi_agency", "outreach", "participation_support", "lead_program",
        "first_meeting", "fields", "patterns")


#: Cases whose decisions differed between jusou and a baseline (only with --lenient-check).
DISAGREED = {"plain_python": 0, "vectorised": 0}


def check_same(n: int, seed: int, lenient: bool = False) -> int:
    """Route ``n`` cases both ways and assert the decisions agree; returns how many compared.
    With ``lenient`` a disagreeing case is counted in ``DISAGREED`` instead."""
    cases = synth.population(n, seed, start=10**8)
    compared = 0
    for case, d in zip(cases, jusou.route_many(cases)):
        if "errors" in d:
            continue
        if lenient:
            try:
                _same_plain(case, d)
            except AssertionError:
                DISAGREED["plain_python"] += 1
            compared += 1
            continue
        _same_plain(case, d)
        compared += 1
    assert compared >= 1000, compared
    return compared


def _same_plain(case, d):
    p = plain_route.route(case)
    for k in KEYS:
        assert p[k] == d[k], (case["id"], k, p[k], d[k])
    assert [r["rule"] for r in p["reasons"]] == [r["rule"] for r in d["reasons"]], case["id"]
    assert [(a["rule"], a["member"]) for a in p["statutory_alerts"]] == [
        (a["rule"], a["member"]) for a in d["statutory_alerts"]
    ], case["id"]


def check_vectorised(n: int, seed: int, lenient: bool = False) -> int:
    """Route ``n`` cases with jusou and with the vectorised rules; assert every decision agrees
    (booleans, lead, first meeting, fields, patterns with members, the set of rules that fired,
    alerts by member). Returns how many valid cases were compared."""
    cases = [c for c in synth.population(n, seed, start=2 * 10**8)]
    decisions = jusou.route_many(cases)
    valid = [(c, d) for c, d in zip(cases, decisions) if "errors" not in d]
    mine = vector_route.as_decisions(*vector_route.route(vector_route.flatten([c for c, _ in valid])))
    for (case, d), v in zip(valid, mine):
        j = vector_route.jusou_view(d)
        if lenient:
            DISAGREED["vectorised"] += any(j[k] != v[k] for k in j)
            continue
        for k in j:
            assert j[k] == v[k], (case["id"], k, j[k], v[k])
    return len(valid)


def timed(f):
    gc.disable()
    try:
        t = time.perf_counter()
        out = f()
        return time.perf_counter() - t, out
    finally:
        gc.enable()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="jusou.route_many vs plain Python")
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--chunk", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--check", type=int, default=2_000, help="cases compared before timing")
    ap.add_argument("--check-vectorised", type=int, default=10_000,
                    help="cases the vectorised rules are compared with jusou on before timing")
    ap.add_argument("--out", type=pathlib.Path, default=pathlib.Path("target/bench/python.json"))
    ap.add_argument("--lenient-check", action="store_true",
                    help="count the cases a baseline decides differently instead of stopping")
    args = ap.parse_args(argv)

    try:
        import pandas as pd
    except ImportError:
        pd = None
    try:
        import pyarrow as pa
    except ImportError:
        pa = None

    compared = check_same(args.check, args.seed, args.lenient_check)
    print(f"checked: {compared} valid cases compared in plain Python and jusou; "
          f"{DISAGREED['plain_python']} decided differently")
    vcompared = None
    if vector_route is not None:
        vcompared = check_vectorised(args.check_vectorised, args.seed, args.lenient_check)
        print(f"checked: {vcompared} valid cases compared in vectorised pandas/numpy and jusou; "
              f"{DISAGREED['vectorised']} decided differently")

    cores = os.cpu_count() or 1
    # @1: one thread; @all: threads=None (JUSOU_THREADS, else one per core).
    threads = {"@1": 1, "@all": None}
    secs = {"plain_python": 0.0, "vectorised": 0.0, "vectorised_flatten": 0.0}
    for path in ("list", "dataframe", "arrow", "arrow_structs"):
        for tag in threads:
            secs[path + tag] = 0.0
    secs["native"] = 0.0
    if vector_route is None:
        del secs["vectorised"], secs["vectorised_flatten"]
    for tag in threads:
        if pd is None:
            del secs["dataframe" + tag]
        if pa is None:
            del secs["arrow" + tag], secs["arrow_structs" + tag]
    structs_checked = False
    done = 0
    invalid = 0
    while done < args.n:
        n = min(args.chunk, args.n - done)
        cases = synth.population(n, args.seed, start=done)
        t, _ = timed(lambda: plain_route.route_many(cases))
        secs["plain_python"] += t
        if vector_route is not None:
            t, tables = timed(lambda: vector_route.flatten(cases))
            secs["vectorised_flatten"] += t
            t, _ = timed(lambda: vector_route.route(tables))
            secs["vectorised"] += t
            del tables
        for tag, k in threads.items():
            t, out = timed(lambda: jusou.route_many(cases, threads=k))
            secs["list" + tag] += t
        invalid += sum(1 for d in out if "errors" in d)
        del out
        text = json.dumps(cases, ensure_ascii=False)
        secs["native"] += min(_jusou.bench_route_native(text, 1, "route"))
        if pd is not None:
            frame = pd.DataFrame(cases)
            for tag, k in threads.items():
                t, out = timed(lambda: jusou.route_many(frame, threads=k))
                secs["dataframe" + tag] += t
            del frame, out
        if pa is not None:
            table = pa.table({"case": pa.array([json.dumps(c, ensure_ascii=False) for c in cases])})
            for tag, k in threads.items():
                t, out = timed(lambda: jusou.route_many(table, threads=k))
                secs["arrow" + tag] += t
            # pa.array infers the struct type from every row (from_pylist keeps the first row's keys).
            structs = pa.Table.from_struct_array(pa.array(cases))
            native = _jusou.Engine().route_arrow(structs.slice(0, 10))
            assert native is not None, "the struct table is read natively"
            for tag, k in threads.items():
                t, got = timed(lambda: jusou.route_many(structs, threads=k))
                secs["arrow_structs" + tag] += t
            if not structs_checked:
                # Same decisions from structs as from JSON text, row for row.
                a, b = out.to_pylist(), got.to_pylist()
                assert len(a) == len(b)
                for x, y in zip(a, b):
                    if x["errors"] is None:
                        assert x == y, (x, y)
                structs_checked = True
            del table, out, structs, got
        del cases, text
        done += n
        print(f"  {done:>9,} cases", file=sys.stderr)

    plain = secs["plain_python"]
    native = secs["native"]
    rows = {}
    for name, s in secs.items():
        rows[name] = {
            "seconds": round(s, 4),
            "cases_per_second": round(args.n / s),
            "us_per_case": round(s / args.n * 1e6, 3),
            "speedup_vs_plain_python": round(plain / s, 2),
            "cost_vs_native": round(s / native, 2),
        }
    arrows = [k for k in rows if k.startswith("arrow")]
    fastest_arrow = min(arrows, key=lambda k: rows[k]["seconds"]) if arrows else None
    arrow_vs_native = rows[fastest_arrow]["cost_vs_native"] if fastest_arrow else None
    best = max(v["speedup_vs_plain_python"] for k, v in rows.items()
               if k not in ("plain_python", "native", "vectorised", "vectorised_flatten"))
    vec = rows.get("vectorised")
    arrow_vs_vec = round(vec["seconds"] / rows[fastest_arrow]["seconds"], 2) if vec and fastest_arrow else None
    scaling = {p: round(rows[p + "@1"]["seconds"] / rows[p + "@all"]["seconds"], 2)
               for p in ("list", "dataframe", "arrow", "arrow_structs") if p + "@1" in rows}
    result = {
        "bench": "python route_many",
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()} {platform.processor() or ''} {os.cpu_count()} cpus".strip(),
        "load_average": os.getloadavg(),
        "threads_all": int(os.environ.get("JUSOU_THREADS") or cores),
        "scaling_1_to_all": scaling,
        "fastest_arrow_path": fastest_arrow,
        "python": platform.python_version(),
        "jusou": jusou.version(),
        "n": args.n,
        "invalid_cases": invalid,
        "checked_cases": compared,
        "checked_cases_vectorised": vcompared,
        "disagreed_with_jusou": dict(DISAGREED) if args.lenient_check else None,
        "paths": rows,
        "targets": {
            "speedup_vs_plain_python": {"target": 30, "best_binding_path": best, "met": best >= 30},
            "arrow_vs_native": {"target": 3, "measured": arrow_vs_native,
                                "met": arrow_vs_native is not None and arrow_vs_native <= 3},
            "arrow_vs_vectorised": {"target": 3, "measured": arrow_vs_vec,
                                    "met": arrow_vs_vec is not None and arrow_vs_vec >= 3},
        },
    }

    print(f"\nload average {os.getloadavg()}, {cores} cores; @all = {result['threads_all']} threads")
    print(f"\nroute_many over {args.n:,} synthetic cases ({invalid:,} invalid), Python {result['python']}")
    print(f"{'path':<20}{'cases/s':>14}{'µs/case':>10}{'× plain':>9}{'× native':>10}")
    for name, r in rows.items():
        print(f"{name:<20}{r['cases_per_second']:>14,}{r['us_per_case']:>10.2f}"
              f"{r['speedup_vs_plain_python']:>9.2f}{r['cost_vs_native']:>10.2f}")
    print(f"target ≥ 30× plain Python: best binding path {best}× — {'met' if best >= 30 else 'MISSED'}")
    for p, x in scaling.items():
        print(f"scaling 1 → {result['threads_all']} threads, {p}: {x}×")
    if arrow_vs_vec is not None:
        print(f"target Arrow ≥ 3× vectorised pandas/numpy (decide only): {arrow_vs_vec}× — "
              f"{'met' if arrow_vs_vec >= 3 else 'MISSED'}")
    if arrow_vs_native is not None:
        print(f"target Arrow ≤ 3× native per-case cost: {arrow_vs_native}× — "
              f"{'met' if arrow_vs_native <= 3 else 'MISSED'}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
