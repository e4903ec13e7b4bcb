"""A worked analysis with jusou: how would a synthetic population of consultations be routed
under 新座市's and 稲城市's configurations, and how is a budget split between payers?

Run from the repository root (``make py-example`` does, against the installed wheel)::

    python jusou-py/examples/analysis.py [--n 20000] [--seed 2026] [--out-dir target/examples]

Writes ``routing_by_config.csv``, ``routing_by_config.png`` and ``funding_split.csv`` to the
output folder and prints the tables. Needs pandas and matplotlib (``pip install
jusou[pandas,plot]``). Every household is synthetic (``bench/synth.py``, seeded RNG).

The configurations come from ``fixtures/municipalities/``: 新座市 (niiza.json) sets no criteria
of its own, so jusou's defaults apply. 稲城市 (inagi.json) lists four kinds of 多機関協働 case in
words only; jusou can act on a criterion only when it names issues, so we add the one the
fixture ``fixtures/cases/inagi-municipal-criterion.json`` ties to issues (課題の解きほぐし:
hoarding or self-neglect). That makes the difference between the two visible; it is our reading
of 稲城市's list, not 稲城市's own rule.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import jusou  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "bench"))
import synth  # noqa: E402

BUDGET = 100_000_000  # ¥100,000,000


def configurations(fixtures: pathlib.Path) -> dict:
    niiza = json.loads((fixtures / "municipalities" / "niiza.json").read_text("utf-8"))
    inagi = json.loads((fixtures / "municipalities" / "inagi.json").read_text("utf-8"))
    tied = json.loads((fixtures / "cases" / "inagi-municipal-criterion.json").read_text("utf-8"))
    options = dict(inagi.get("options") or {})
    options["multi_agency_criteria"] = list(options.get("multi_agency_criteria", [])) + list(
        tied["options"]["multi_agency_criteria"]
    )
    inagi = dict(inagi, options=options)
    return {"新座市 (Niiza)": niiza, "稲城市 (Inagi)": inagi}


def routing_table(cases: pd.DataFrame, configs: dict) -> pd.DataFrame:
    rows = []
    for name, municipality in configs.items():
        d = jusou.route_many(cases, municipality=municipality)
        ok = d["errors"].isna()
        rows.append(
            {
                "configuration": name,
                "cases": len(d),
                "invalid": int((~ok).sum()),
                "多機関協働 (multi-agency)": int(d["multi_agency"].sum()),
                "アウトリーチ (outreach)": int(d["outreach"].sum()),
                "参加支援 (participation)": int(d["participation_support"].sum()),
                "stays with lead window": int(d["lead_program"].notna().sum()),
                "支援会議 first": int((d["first_meeting"] == "support_meeting").sum()),
                "重層的支援会議 first": int((d["first_meeting"] == "jusou_meeting").sum()),
                "statutory alert": int(d.loc[ok, "statutory_alerts"].map(len).gt(0).sum()),
            }
        )
    return pd.DataFrame(rows).set_index("configuration")


def plot(table: pd.DataFrame, path: pathlib.Path, n: int) -> None:
    cols = ["多機関協働 (multi-agency)", "アウトリーチ (outreach)", "参加支援 (participation)"]
    labels = ["multi-agency", "outreach", "participation support"]
    configs = ["Niiza" if "Niiza" in c else "Inagi" for c in table.index]
    fig, ax = plt.subplots(figsize=(7, 4))
    width = 0.8 / len(configs)
    for k, (cfg, (_, row)) in enumerate(zip(configs, table.iterrows())):
        xs = [i + k * width for i in range(len(cols))]
        bars = ax.bar(xs, [row[c] for c in cols], width, label=cfg)
        ax.bar_label(bars, fontsize=8)
    ax.set_xticks([i + width * (len(configs) - 1) / 2 for i in range(len(cols))], labels)
    ax.set_ylabel("cases")
    ax.set_title(f"Routing of {n:,} synthetic consultations by municipal configuration")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def funding_table(amount: int, as_of: str) -> pd.DataFrame:
    rows = []
    for p in jusou.taxonomy():
        try:
            s = jusou.split_funding(amount, p["code"], as_of)
        except jusou.ValidationError as e:
            rows.append({"program": p["code"], "scheme": None, "note": e.errors[0]["message_en"]})
            continue
        row = {"program": p["code"], "scheme": s["scheme"]}
        for share in s["shares"]:
            row[share["payer"]] = share["amount"]
        assert sum(x["amount"] for x in s["shares"]) == amount
        rows.append(row)
    table = pd.DataFrame(rows).set_index("program")
    payers = [c for c in table.columns if c not in ("scheme", "note")]
    return table.astype({c: "Int64" for c in payers})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="synthetic consultations")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out-dir", type=pathlib.Path, default=pathlib.Path("target/examples"))
    ap.add_argument("--fixtures", type=pathlib.Path, default=HERE.parents[1] / "fixtures")
    ap.add_argument("--as-of", default="2026-04-01", help="day whose funding shares apply")
    args = ap.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    cases = pd.DataFrame(synth.population(args.n, args.seed))
    table = routing_table(cases, configurations(args.fixtures))
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    print(f"Routing of {args.n:,} synthetic consultations (seed {args.seed})")
    print(table.T.to_string())
    csv = args.out_dir / "routing_by_config.csv"
    png = args.out_dir / "routing_by_config.png"
    table.to_csv(csv, encoding="utf-8")
    plot(table, png, args.n)

    funding = funding_table(BUDGET, args.as_of)
    print(f"\nFunding split of ¥{BUDGET:,} per program (as of {args.as_of})")
    print(funding.to_string())
    fcsv = args.out_dir / "funding_split.csv"
    funding.to_csv(fcsv, encoding="utf-8")

    for path in (csv, png, fcsv):
        if not path.is_file() or path.stat().st_size == 0:
            print(f"missing or empty: {path}", file=sys.stderr)
            return 1
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
