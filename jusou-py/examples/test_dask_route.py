"""The Dask example on a LocalCluster of 2 worker processes, small data: the distributed summary
must equal routing the same cases in this process, and each worker loads the configurations once."""

from __future__ import annotations

import json
import pathlib
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest

pytest.importorskip("distributed")

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import dask_route  # noqa: E402

import jusou  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster, client = dask_route.local_cluster(workers=2)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_national_shape():
    munis = dask_route.national_municipalities()
    assert len(munis) == dask_route.N_MUNICIPALITIES
    total = sum(p for _, p, _ in munis)
    assert abs(total - dask_route.population.JAPAN_POPULATION) / total < 0.01
    # A year for the whole country: the 生活困窮 national count scaled back up, times the windows.
    per_year = sum(dask_route.population.yearly_volume(dask_route.population.JAPAN_POPULATION).values())
    assert 1_000_000 < per_year < 2_000_000


def test_routes_partitions_on_two_workers(tmp_path, client):
    munis = [("S00001", 12_000, "niiza"), ("S00002", 30_000, "inagi"), ("S00003", 8_000, "koshigaya"),
             ("S00004", 20_000, "toyokawa"), ("S00005", 15_000, "inagi")]
    root = tmp_path / "consultations"
    n = dask_route.write_population(root, munis, seed=7, files=3)
    assert len(list(root.glob("municipality=*/part-*.parquet"))) == 3 * len(munis)

    targets = {"S00002": {"plans_made": 10, "jusou_meeting_sittings": 12}}
    summary, reports = dask_route.route_dataset(client, str(root), targets)
    assert list(summary.index) == [code for code, _, _ in munis]
    assert int(summary["cases"].sum()) == n

    # The same cases routed here, one municipality at a time, give the same counts.
    configs = {c: json.loads((dask_route.FIXTURES / f"{c}.json").read_text("utf-8")) for c in dask_route.CONFIGS}
    for code, _, config in munis:
        t = pq.read_table(root / f"municipality={code}")
        d = jusou.route_many(t.select(["case"]), municipality=configs[config]).to_pandas()
        row = summary.loc[code]
        assert row["config"] == config
        assert row["cases"] == len(d)
        assert row["multi_agency"] == int((d["multi_agency"] == True).sum())  # noqa: E712
        assert row["stays"] == int((d["multi_agency"] == False).sum())  # noqa: E712
        assert row["outreach"] == int(d["outreach"].fillna(False).sum())
        assert row["unassessed"] == int(pd.Series(t.column("unassessed").to_pylist()).sum())
        # The 実績 merged from the partitions' partial reports is the report of all the
        # municipality's logs at once (file order), targets included.
        logs = [json.loads(x) for x in t.column("log").to_pylist() if x is not None]
        assert logs, code
        assert reports[code] == jusou.report(logs, dask_route.FISCAL_YEAR, targets.get(code)), code
    # Most consultations stay with the first window.
    assert summary["stays"].sum() > summary["cases"].sum() / 2
    # The merge had something to do: sittings heard cases of several partitions, medians over
    # several intervals.
    r = {m["key"]: m for m in reports["S00002"]["measures"]}
    assert r["jusou_meeting_sittings"]["value"] > 0 and r["median_days_intake_to_plan"]["n"] > 1
    assert r["plans_made"]["target"] == 10

    # Every worker read the configurations once (at plugin registration), not once per task.
    loads = client.run(lambda dask_worker: getattr(dask_worker, "jusou_config_loads", 0))
    assert len(loads) == 2 and set(loads.values()) == {1}, loads


def test_partials_of_a_municipality_split_across_partitions_merge_to_its_report():
    """Without a cluster: one municipality's logs cut into three partitions, each counted
    apart, merged: the report of all of them (and a case in two partitions is refused)."""
    cases = dask_route.population.city_year(40_000, seed=3)
    decisions = jusou.route_many(cases)
    logs = dask_route.plan_logs.plan_logs(cases, decisions, dask_route.FISCAL_YEAR, seed=3)
    assert len(logs) > 20
    cut = [0, len(logs) // 3, 2 * len(logs) // 3, len(logs)]
    parts = [jusou._call("report_partial", {"fiscal_year": 2026, "logs": logs[a:b]})
             for a, b in zip(cut, cut[1:])]
    assert jusou._call("report_merge", {"partials": parts}) == jusou.report(logs, 2026)
    with pytest.raises(jusou.ValidationError) as e:
        jusou._call("report_merge", {"partials": [parts[0], parts[0]]})
    assert e.value.errors[0]["code"] == "JUSOU-E-REPORT-001"
