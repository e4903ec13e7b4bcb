"""A worked analysis with jusou: how would a year of consultations in a city of 150,000 be routed
under 新座市's and 稲城市's configurations, and how is a budget split between payers?

Run from the repository root (``make py-example`` does, against the installed wheel)::

    python jusou-py/examples/analysis.py [--population 150000] [--seed 2026] [--out-dir target/examples]

Writes ``routing_by_config.csv``, ``routing_by_config.png`` (English), ``routing_by_config_ja.png``
(Japanese, IPA Gothic) and ``funding_split.csv`` to the output folder and prints the tables.
Needs pandas and matplotlib (``pip install jusou[pandas,plot]``) and, for the Japanese chart,
Debian's ``fonts-ipafont-gothic`` (or ``--font`` pointing at another Japanese TrueType font).
Every household is synthetic (``population.py``, seeded RNG); the rates it draws from are
public statistics, cited there and in ``docs/analysis.md``.

How many cases go to 多機関協働 is split by *why*: a signal rule (several fields, several members,
8050, double care, young carer, 制度の狭間, 硬直化, a municipal criterion), the worker's stated
見立て that one agency cannot resolve it, or — for records that state no 見立て — only the
default. Issue #16 makes that last group *pending the worker's assessment* (``multi_agency``
null); until then jusou reads an absent finding as "cannot resolve" and this script reports
those cases apart, as pending, rather than counting them as 多機関協働.

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
from matplotlib import font_manager  # noqa: E402

import jusou  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import population  # noqa: E402

BUDGET = 100_000_000  # ¥100,000,000
IPA_GOTHIC = pathlib.Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")

# Rules that send a case to 多機関協働 on a signal (not on the worker's 見立て alone).
SIGNAL_RULES = {
    "R-ROUTE-MULTI-FIELD", "R-ROUTE-MULTI-MEMBER", "R-ROUTE-8050", "R-ROUTE-DOUBLE-CARE",
    "R-ROUTE-YOUNG-CARER", "R-ROUTE-BETWEEN-SYSTEMS", "R-ROUTE-RIGID",
}

# Row keys of the table, with their Japanese and English labels.
ROWS = [
    ("cases", "相談件数", "consultations"),
    ("invalid", "入力エラー", "invalid records"),
    ("stays", "最初の窓口で対応", "stay with the first window"),
    ("multi_signal", "多機関協働（シグナル）", "multi-agency: signal rule"),
    ("multi_assessed", "多機関協働（見立て: 単独では困難）", "multi-agency: worker's assessment"),
    ("pending", "見立て未記載（判断保留）", "pending the worker's assessment"),
    ("outreach", "アウトリーチ", "outreach"),
    ("participation", "参加支援", "participation support"),
    ("support_meeting", "支援会議が最初", "support meeting first"),
    ("jusou_meeting", "重層的支援会議が最初", "jusou meeting first"),
    ("alert", "通報等の確認", "statutory alert"),
]


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


def classify(cases: pd.DataFrame, d: pd.DataFrame) -> pd.Series:
    """Why each valid case went where it went: ``stays``, ``multi_signal``, ``multi_assessed``,
    ``pending`` (no 見立て stated: null under issue #16, "cannot resolve" by default before it),
    or ``invalid``. Municipal criteria count as signals."""
    assessed = cases["findings"].map(lambda f: "one_agency_can_resolve" in (f or {}))
    out = pd.Series("invalid", index=d.index, dtype="object")
    ok = d["errors"].isna()
    for i in d.index[ok]:
        ma = d.at[i, "multi_agency"]
        rules = set(d.at[i, "reasons"])
        signal = bool(rules & SIGNAL_RULES) or any(not r.startswith("R-") for r in rules)
        if pd.isna(ma):
            out[i] = "multi_signal" if signal else "pending"
        elif not ma:
            out[i] = "stays"
        elif signal:
            out[i] = "multi_signal"
        else:
            out[i] = "multi_assessed" if assessed[i] else "pending"
    return out


def routing_table(cases: pd.DataFrame, configs: dict) -> "tuple[pd.DataFrame, pd.DataFrame]":
    """The routing table per configuration, and how often each signal rule fired."""
    cols = {}
    signals = {}
    for name, municipality in configs.items():
        d = jusou.route_many(cases, municipality=municipality)
        ok = d["errors"].isna()
        fired = d.loc[ok, "reasons"].explode().value_counts()
        signals[name] = {r: int(v) for r, v in fired.items() if r in SIGNAL_RULES or not str(r).startswith("R-")}
        why = classify(cases, d).value_counts()
        cols[name] = {
            "cases": len(d),
            "invalid": int((~ok).sum()),
            "stays": int(why.get("stays", 0)),
            "multi_signal": int(why.get("multi_signal", 0)),
            "multi_assessed": int(why.get("multi_assessed", 0)),
            "pending": int(why.get("pending", 0)),
            "outreach": int(d["outreach"].fillna(False).sum()),
            "participation": int(d["participation_support"].fillna(False).sum()),
            "support_meeting": int((d["first_meeting"] == "support_meeting").sum()),
            "jusou_meeting": int((d["first_meeting"] == "jusou_meeting").sum()),
            "alert": int(d.loc[ok, "statutory_alerts"].map(len).gt(0).sum()),
        }
    table = pd.DataFrame(cols)
    table.index = [f"{ja} ({en})" for key, ja, en in ROWS if key in table.index]
    table.index.name = "measure"
    sig = pd.DataFrame(signals).fillna(0).astype(int).sort_index()
    sig.index.name = "signal rule (a case may fire several)"
    return table, sig


def japanese_font(path: pathlib.Path) -> font_manager.FontProperties:
    """The IPA Gothic font file, registered with matplotlib; fails clearly when it is missing
    (matplotlib would otherwise draw empty boxes for every kanji)."""
    if not path.is_file():
        raise SystemExit(
            f"Japanese font not found: {path}\n"
            "install Debian's fonts-ipafont-gothic (apt-get install fonts-ipafont-gothic) "
            "or pass --font /path/to/a/Japanese.ttf"
        )
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path))


def plot(table: pd.DataFrame, path: pathlib.Path, title: str, lang: str,
         font: "font_manager.FontProperties | None" = None) -> None:
    keys = ["stays", "multi_signal", "multi_assessed", "pending", "outreach", "participation"]
    rows = {k: (ja, en) for k, ja, en in ROWS}
    labels = [rows[k][0] if lang == "ja" else rows[k][1] for k in keys]
    values = table.iloc[[next(i for i, (k2, _, _) in enumerate(ROWS) if k2 == k) for k in keys]]
    configs = list(table.columns)
    names = [c.split(" (")[0] if lang == "ja" else c.split("(")[-1].rstrip(")") for c in configs]
    fp = {"fontproperties": font} if font is not None else {}
    fig, ax = plt.subplots(figsize=(9, 4.8))
    width = 0.8 / len(configs)
    for k, (cfg, name) in enumerate(zip(configs, names)):
        xs = [i + k * width for i in range(len(keys))]
        bars = ax.bar(xs, list(values[cfg]), width, label=name)
        ax.bar_label(bars, fontsize=8)
    ax.set_xticks([i + width * (len(configs) - 1) / 2 for i in range(len(keys))])
    ax.set_xticklabels(labels, rotation=20, ha="right", fontsize=8, **fp)
    ax.set_ylabel("件数" if lang == "ja" else "cases", **fp)
    ax.set_title(title, fontsize=10, **fp)
    ax.legend(prop=font) if font is not None else ax.legend()
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
    ap.add_argument("--population", type=int, default=population.CITY, help="the city's population")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out-dir", type=pathlib.Path, default=pathlib.Path("target/examples"))
    ap.add_argument("--fixtures", type=pathlib.Path, default=HERE.parents[1] / "fixtures")
    ap.add_argument("--font", type=pathlib.Path, default=IPA_GOTHIC, help="a Japanese TrueType font")
    ap.add_argument("--as-of", default="2026-04-01", help="day whose funding shares apply")
    ap.add_argument("--background-recorded", type=float, default=population.BACKGROUND_RECORDED,
                    help="chance a co-resident member's condition is written as an issue (UNVERIFIED knob)")
    args = ap.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    font = japanese_font(args.font)

    records = population.city_year(args.population, args.seed, args.background_recorded)
    cases = pd.DataFrame(records)
    volume = population.yearly_volume(args.population)
    unassessed = sum(1 for c in records if not population.assessed(c))
    table, signals = routing_table(cases, configurations(args.fixtures))
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    print(f"A year (令和8年度) of new consultations in a city of {args.population:,} (seed {args.seed}): "
          f"{len(records):,}, by window {volume}")
    print(f"records stating no 見立て (one_agency_can_resolve left out): {unassessed:,} "
          f"({unassessed / len(records):.1%})")
    print(table.to_string())
    print(f"\nSignal rules that fired (background conditions recorded: {args.background_recorded:.0%})")
    print(signals.to_string())
    signals.to_csv(args.out_dir / "signals_by_config.csv", encoding="utf-8")
    csv = args.out_dir / "routing_by_config.csv"
    png = args.out_dir / "routing_by_config.png"
    png_ja = args.out_dir / "routing_by_config_ja.png"
    table.to_csv(csv, encoding="utf-8")
    n = len(records)
    plot(table, png, f"A year of consultations in a city of {args.population:,} ({n:,} cases, synthetic)", "en")
    plot(table, png_ja, f"人口{args.population:,}人の市の1年間の相談{n:,}件（合成データ）の振り分け", "ja", font)

    funding = funding_table(BUDGET, args.as_of)
    print(f"\nFunding split of ¥{BUDGET:,} per program (as of {args.as_of})")
    print(funding.to_string())
    fcsv = args.out_dir / "funding_split.csv"
    funding.to_csv(fcsv, encoding="utf-8")

    for path in (csv, png, png_ja, fcsv):
        if not path.is_file() or path.stat().st_size == 0:
            print(f"missing or empty: {path}", file=sys.stderr)
            return 1
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
