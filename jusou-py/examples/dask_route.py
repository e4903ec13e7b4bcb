"""Routing a national-scale synthetic population on Dask's distributed scheduler.

    python jusou-py/examples/dask_route.py --data target/dask/consultations \\
        [--municipalities 40] [--scheduler tcp://host:8786] [--workers 2]

1. ``write_population`` writes a year of consultations per synthetic municipality
   (``population.city_year``, cited rates) as Parquet partitioned by municipality
   (``municipality=<code>/part-0.parquet``): columns ``municipality``, ``config`` (which
   configuration it runs), ``case_id`` and ``case`` (the case as JSON text, the layout jusou's
   Arrow path reads in place). ``national_municipalities()`` gives Japan's shape — 1,741
   municipalities summing to the 2020 census population — so the whole country is
   ~1.5 million consultations a year; the test writes a handful.
2. ``route_dataset`` reads the dataset with ``dask.dataframe.read_parquet`` and, per partition,
   calls ``jusou.route_many`` on a ``pyarrow.Table`` with the municipality's configuration.
   The configurations (``fixtures/municipalities/*.json``) are loaded **once per worker** by a
   worker plugin (``Municipalities``), not shipped with every task.
3. Each partition returns a few counts per municipality; the summary is their sum across
   partitions (``groupby().sum()``), plus the country's total.

The same code runs against a real cluster: pass ``--scheduler tcp://…`` (or
``Client("tcp://…")``) instead of the ``LocalCluster`` the test starts; the dataset path must then
be readable by every worker (shared disk or ``s3://…`` with s3fs). Synthetic municipalities borrow
the four fixture configurations in turn (新座市, 稲城市, 越谷市, 豊川市) — a stand-in for each
municipality's own configuration, not a claim about theirs.

PySpark: the same per-partition step is ``DataFrame.mapInArrow`` — see docs/analysis.md.
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
import population  # noqa: E402

FIXTURES = HERE.parents[1] / "fixtures" / "municipalities"
CONFIGS = ("niiza", "inagi", "koshigaya", "toyokawa")
PLUGIN = "jusou-municipalities"
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


def write_population(root: pathlib.Path, municipalities: Iterable[Tuple[str, int, str]], seed: int = 2026) -> int:
    """One Parquet partition per municipality under ``root``; returns the number of cases."""
    total = 0
    for k, (code, pop, config) in enumerate(municipalities):
        cases = population.city_year(pop, seed * 100_003 + k)
        table = pa.table({
            "config": pa.array([config] * len(cases), pa.string()),
            "case_id": pa.array([c["id"] for c in cases], pa.string()),
            "case": pa.array([json.dumps(c, ensure_ascii=False) for c in cases], pa.string()),
            "unassessed": pa.array([not population.assessed(c) for c in cases], pa.bool_()),
        })
        part = root / f"municipality={code}"
        part.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, part / "part-0.parquet")
        total += len(cases)
    return total


class Municipalities(WorkerPlugin):
    """Worker plugin: reads the municipal configurations once when a worker starts (or joins)
    and keeps them on the worker; tasks look them up instead of carrying them."""

    name = PLUGIN

    def __init__(self, fixtures: str):
        self.fixtures = fixtures
        self.configs: Dict[str, dict] = {}

    def setup(self, worker) -> None:
        import jusou

        for name in CONFIGS:
            m = json.loads((pathlib.Path(self.fixtures) / f"{name}.json").read_text("utf-8"))
            jusou.check_municipality(m)  # a bad configuration fails at start-up, not mid-run
            self.configs[name] = m
        worker.jusou_config_loads = getattr(worker, "jusou_config_loads", 0) + 1


def _configs() -> Dict[str, dict]:
    from distributed import get_worker

    return get_worker().plugins[PLUGIN].configs


def route_partition(part: pd.DataFrame) -> pd.DataFrame:
    """Route one partition (one or more municipalities) with jusou's batch API; counts per
    municipality. ``multi_agency`` null (issue #16: pending the worker's 見立て) counts as pending."""
    import jusou

    configs = _configs()
    rows = []
    for (code, config), g in part.groupby(["municipality", "config"], observed=True, sort=True):
        table = pa.table({"case": pa.array(g["case"].tolist(), pa.string())})
        d = jusou.route_many(table, municipality=configs[config]).to_pandas()
        ok = d["errors"].isna()
        ma = d["multi_agency"]
        rows.append({
            "municipality": str(code),
            "config": str(config),
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
        })
    return pd.DataFrame(rows, columns=["municipality", "config", *COUNTS])


def route_dataset(client, root: str) -> pd.DataFrame:
    """Route every partition of the dataset at ``root`` on ``client``'s cluster; the summary per
    municipality (sorted by code), summed across partitions."""
    import dask.dataframe as dd

    client.register_plugin(Municipalities(str(FIXTURES)))
    ddf = dd.read_parquet(root, columns=["config", "case", "unassessed", "municipality"])
    meta = pd.DataFrame({"municipality": pd.Series(dtype="object"), "config": pd.Series(dtype="object"),
                         **{c: pd.Series(dtype="int64") for c in COUNTS}})
    counts = ddf.map_partitions(route_partition, meta=meta)
    out = counts.groupby("municipality").agg({"config": "first", **{c: "sum" for c in COUNTS}}).compute()
    return out.sort_index()


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
    args = ap.parse_args(argv)

    munis = national_municipalities(seed=args.seed)[: args.municipalities]
    if not args.data.exists():
        n = write_population(args.data, munis, args.seed)
        print(f"wrote {n:,} consultations of {len(munis)} municipalities to {args.data}")
    else:
        print(f"routing the existing dataset at {args.data} (delete it to write a new one)")
    if args.scheduler:
        from distributed import Client

        cluster, client = None, Client(args.scheduler)
    else:
        cluster, client = local_cluster(args.workers)
    try:
        summary = route_dataset(client, str(args.data))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    pd.set_option("display.width", 200)
    print(summary.to_string())
    print("total:", summary[COUNTS].sum().to_dict())
    return 0


if __name__ == "__main__":
    sys.exit(main())
