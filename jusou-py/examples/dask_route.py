"""Routing a national-scale synthetic population on Dask's distributed scheduler.

    python jusou-py/examples/dask_route.py --data target/dask/consultations \\
        [--municipalities 40] [--scheduler tcp://host:8786] [--workers 2]

1. ``write_population`` writes a year of consultations per synthetic municipality
   (``population.city_year``, cited rates) as Parquet partitioned by municipality
   (``municipality=<code>/part-<k>.parquet``, ``--files`` files each, so one municipality spans
   several Dask partitions): columns ``config`` (which configuration it runs), ``case_id``,
   ``case`` (the case as JSON text, the layout jusou's Arrow path reads in place) and ``log``
   (the case's plan event log as JSON text, null for a case that stayed with the first window:
   ``plan_logs.plan_log``, what the municipality's 多機関協働 body records over the 年度).
   ``national_municipalities()`` gives Japan's shape — 1,741 municipalities summing to the 2020
   census population — so the whole country is ~1.5 million consultations a year; the test
   writes a handful.
2. ``route_dataset`` reads the dataset with ``dask.dataframe.read_parquet`` and, per partition,
   calls ``jusou.route_many`` on a ``pyarrow.Table`` with the municipality's configuration, and
   counts the partition's plan logs into a **partial 実績 report** (``report_partial``, one per
   municipality in the partition). The configurations (``fixtures/municipalities/*.json``) are
   read and checked against the law **once per worker** by a worker plugin (``Municipalities``),
   not shipped with every task: the plugin holds one ``jusou.Engine`` per configuration (checked
   and compiled once), and each task asks it ``route_many``.
3. The routing summary is the sum of the partitions' counts (``groupby().sum()``). The 実績 report
   cannot be summed — a median of medians is not the median, and one 重層的支援会議 sitting may
   hear cases of several partitions — so each partition's partial report keeps what does not add
   up (the intervals of days, the meeting ids with their dates) and ``report_merge`` combines the
   partials of a municipality, in partition order, into exactly the report ``jusou.report`` gives
   for all its logs at once (docs/report.md, "Reports over partitions"; the merge test is in
   jusou-core). Partials are a few kilobytes per municipality, so the merge runs on the client.

The same code runs against a real cluster: pass ``--scheduler tcp://…`` (or
``Client("tcp://…")``) instead of the ``LocalCluster`` the test starts; the dataset path must then
be readable by every worker (shared disk or ``s3://…`` with s3fs). Synthetic municipalities borrow
the four fixture configurations in turn (新座市, 稲城市, 越谷市, 豊川市) — a stand-in for each
municipality's own configuration, not a claim about theirs.

PySpark: the same per-partition step is ``DataFrame.mapInArrow`` — see docs/report.md and
docs/analysis.md.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import sys
from typing import Dict, Iterable, List, Optional, Tuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from distributed.diagnostics.plugin import WorkerPlugin

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import plan_logs  # noqa: E402
import population  # noqa: E402

FIXTURES = HERE.parents[1] / "fixtures" / "municipalities"
CONFIGS = ("niiza", "inagi", "koshigaya", "toyokawa")
PLUGIN = "jusou-municipalities"
FISCAL_YEAR = 2026  # the 年度 population.city_year generates (令和8年度)
COUNTS = ["cases", "invalid", "stays", "multi_agency", "pending", "unassessed", "outreach",
          "participation_support", "support_meeting", "jusou_meeting"]

# Japan: 1,741 municipalities (市区町村, counting Tokyo's 23 wards as one each: 1,718 + 23; UNVERIFIED
# count) summing to the 2020 census population (census2020 in population.SOURCES, VERIFIED). The
# size distribution is a log-normal shape of our own (UNVERIFIED), rescaled to that total.
N_MUNICIPALITIES = 1_741


def national_municipalities(n: int = N_MUNICIPALITIES, seed: int = 2026,
                            total: int = population.JAPAN_POPULATION) -> List[Tuple[str, int, str]]:
    """(code, population, configuration) for ``n`` synthetic municipalities summing to ``total``."""
    rng = random.Random(seed)
    raw = [rng.lognormvariate(10.3, 1.3) for _ in range(n)]
    scale = total / sum(raw)
    return [(f"S{i:05d}", max(300, round(r * scale)), CONFIGS[i % len(CONFIGS)]) for i, r in enumerate(raw)]


def write_population(root: pathlib.Path, municipalities: Iterable[Tuple[str, int, str]], seed: int = 2026,
                     files: int = 2) -> int:
    """``files`` Parquet files per municipality under ``root`` (``municipality=<code>/``); returns
    the number of cases. Each case carries its plan log for the 年度 when its routing under the
    municipality's configuration sends it beyond the first window (``plan_logs.plan_log``, the
    municipality's own record of what followed)."""
    import jusou

    configs = {c: json.loads((FIXTURES / f"{c}.json").read_text("utf-8")) for c in CONFIGS}
    total = 0
    for k, (code, pop, config) in enumerate(municipalities):
        cases = population.city_year(pop, seed * 100_003 + k)
        decisions = jusou.route_many(cases, municipality=configs[config])
        rng = random.Random(seed * 7 + k)
        calendar = plan_logs.meeting_calendar(FISCAL_YEAR)
        as_of = _date(FISCAL_YEAR + 1, 3, 31)
        logs = []
        for c, d in zip(cases, decisions):
            log = None if "errors" in d else plan_logs.plan_log(c, d, rng, calendar, as_of)
            logs.append(json.dumps(log, ensure_ascii=False) if log and log["events"] else None)
        table = pa.table({
            "config": pa.array([config] * len(cases), pa.string()),
            "case_id": pa.array([c["id"] for c in cases], pa.string()),
            "case": pa.array([json.dumps(c, ensure_ascii=False) for c in cases], pa.string()),
            "unassessed": pa.array([not population.assessed(c) for c in cases], pa.bool_()),
            "log": pa.array(logs, pa.string()),
        })
        part = root / f"municipality={code}"
        part.mkdir(parents=True, exist_ok=True)
        step = -(-len(cases) // files)
        for f in range(files):
            pq.write_table(table.slice(f * step, step), part / f"part-{f}.parquet")
        total += len(cases)
    return total


def _date(y: int, m: int, d: int):
    import datetime

    return datetime.date(y, m, d)


class Municipalities(WorkerPlugin):
    """Worker plugin: when a worker starts (or joins) it reads the municipal configurations and
    checks each against the law, once; tasks look them up instead of carrying them."""

    name = PLUGIN

    def __init__(self, fixtures: str):
        self.fixtures = fixtures
        self.configs: Dict[str, dict] = {}
        self.engines: Dict[str, object] = {}

    def setup(self, worker) -> None:
        import jusou

        for name in CONFIGS:
            m = json.loads((pathlib.Path(self.fixtures) / f"{name}.json").read_text("utf-8"))
            # Checked against the law and compiled once per worker: a bad configuration fails at
            # start-up, not mid-run, and no task re-reads it.
            self.engines[name] = jusou.Engine(m)
            self.configs[name] = m
        worker.jusou_config_loads = getattr(worker, "jusou_config_loads", 0) + 1


def _engines() -> Dict[str, object]:
    from distributed import get_worker

    return get_worker().plugins[PLUGIN].engines


META_COLUMNS = ["municipality", "config", "partition", *COUNTS, "partial"]


def route_partition(part: pd.DataFrame, partition_info: Optional[dict] = None) -> pd.DataFrame:
    """Route one partition (one or more municipalities, or part of one) with jusou's batch API
    and count its plan logs into a partial 実績 report; per municipality: the routing counts and
    the partial report (JSON text). ``multi_agency`` null (issue #16: pending the worker's 見立て)
    counts as pending."""
    import jusou

    engines = _engines()
    number = (partition_info or {}).get("number", 0)
    rows = []
    for (code, config), g in part.groupby(["municipality", "config"], observed=True, sort=True):
        table = pa.table({"case": pa.array(g["case"].tolist(), pa.string())})
        d = engines[config].route_many(table).to_pandas()
        ok = d["errors"].isna()
        ma = d["multi_agency"]
        logs = [json.loads(t) for t in g["log"].dropna()]
        # The partition's share of the 年度's 実績: counts plus what cannot be added up.
        partial = jusou.report_partial(logs, FISCAL_YEAR)
        rows.append({
            "municipality": str(code),
            "config": str(config),
            "partition": number,
            "cases": len(d),
            "invalid": int((~ok).sum()),
            "stays": int((ma == False).sum()),  # noqa: E712  (nullable boolean column)
            "multi_agency": int((ma == True).sum()),  # noqa: E712
            "pending": int((ok & ma.isna()).sum()),
            "unassessed": int(g["unassessed"].sum()),
            "outreach": int(d["outreach"].fillna(False).sum()),
            "participation_support": int(d["participation_support"].fillna(False).sum()),
            "support_meeting": int((d["first_meeting"] == "support_meeting").sum()),
            "jusou_meeting": int((d["first_meeting"] == "jusou_meeting").sum()),
            "partial": json.dumps(partial, ensure_ascii=False),
        })
    return pd.DataFrame(rows, columns=META_COLUMNS)


def merge_reports(partials: pd.DataFrame, targets: Optional[Dict[str, dict]] = None) -> Dict[str, dict]:
    """Each municipality's 実績 report from its partitions' partial reports (in partition
    order, so the report lists invalid logs in the order of the data), with its targets."""
    import jusou

    out = {}
    for code, g in partials.sort_values(["municipality", "partition"]).groupby("municipality", sort=True):
        value: Dict[str, object] = {"partials": [json.loads(t) for t in g["partial"]]}
        if targets and code in targets:
            value["targets"] = targets[code]
        out[str(code)] = jusou.report_merge(value["partials"], value.get("targets"))
    return out


def route_dataset(client, root: str, targets: Optional[Dict[str, dict]] = None) -> Tuple[pd.DataFrame, Dict[str, dict]]:
    """Route every partition of the dataset at ``root`` on ``client``'s cluster. Returns the
    routing summary per municipality (sorted by code), summed across partitions, and each
    municipality's 実績 report for the 年度, merged across partitions."""
    import dask.dataframe as dd

    client.register_plugin(Municipalities(str(FIXTURES)))
    ddf = dd.read_parquet(root, columns=["config", "case", "unassessed", "log", "municipality"])
    meta = pd.DataFrame({"municipality": pd.Series(dtype="object"), "config": pd.Series(dtype="object"),
                         "partition": pd.Series(dtype="int64"),
                         **{c: pd.Series(dtype="int64") for c in COUNTS},
                         "partial": pd.Series(dtype="object")})
    per_part = ddf.map_partitions(route_partition, meta=meta).compute()
    summary = per_part.groupby("municipality").agg({"config": "first", **{c: "sum" for c in COUNTS}})
    return summary.sort_index(), merge_reports(per_part, targets)


def local_cluster(workers: int = 2):
    """A LocalCluster of ``workers`` processes that can import this module."""
    from distributed import Client, LocalCluster

    paths = [str(HERE)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, memory_limit="1GiB")
    return cluster, Client(cluster)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=pathlib.Path("target/dask/consultations"))
    ap.add_argument("--municipalities", type=int, default=40,
                    help=f"how many synthetic municipalities (Japan: {N_MUNICIPALITIES})")
    ap.add_argument("--scheduler", help="address of a running scheduler (default: a LocalCluster)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--files", type=int, default=2, help="Parquet files per municipality")
    args = ap.parse_args(argv)

    munis = national_municipalities(seed=args.seed)[: args.municipalities]
    if not args.data.exists():
        n = write_population(args.data, munis, args.seed, args.files)
        print(f"wrote {n:,} consultations of {len(munis)} municipalities to {args.data}")
    else:
        print(f"routing the existing dataset at {args.data} (delete it to write a new one)")
    if args.scheduler:
        from distributed import Client

        cluster, client = None, Client(args.scheduler)
    else:
        cluster, client = local_cluster(args.workers)
    try:
        summary, reports = route_dataset(client, str(args.data))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    pd.set_option("display.width", 200)
    print(summary.to_string())
    print("total:", summary[COUNTS].sum().to_dict())
    keys = ["referrals", "plans_made", "jusou_meeting_sittings", "jusou_meeting_cases", "outreach_cases",
            "median_days_intake_to_plan"]
    rows = {code: {m["key"]: m["value"] for m in r["measures"] if m["key"] in keys} for code, r in reports.items()}
    print(f"実績 {FISCAL_YEAR}年度 (merged across partitions):")
    print(pd.DataFrame.from_dict(rows, orient="index")[keys].to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
