#!/usr/bin/env bash
# Build the seed corpus of every fuzz target from the shared fixtures (inputs only) and the
# small entries of the bad-input catalogue. Idempotent; the corpus dirs are not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
c=fuzz/corpus
mkdir -p $c/route $c/meeting $c/plan $c/municipality $c/date $c/batch_line
seed() { # folder target
  find "fixtures/$1" -name '*.json' ! -name '*.expected.json' | while read -r f; do
    cp "$f" "$c/$2/$(basename "$f")"
  done
}
seed cases route
seed meetings meeting
seed plans plan
seed municipalities municipality
seed dates date
seed funding date
# batch lines: every case on one line (JSON strings hold no raw newline), and all of them as
# one JSON Lines file.
: > $c/batch_line/all.jsonl
find fixtures/cases -name '*.json' ! -name '*.expected.json' | sort | while read -r f; do
  tr -d '\n' < "$f" > "$c/batch_line/$(basename "$f" .json).jsonl"
  { tr -d '\n' < "$f"; echo; } >> $c/batch_line/all.jsonl
done
# Small catalogue entries (inline inputs) go to the target of their op.
python3 - <<'PY' || echo "seed.sh: python3 not found; catalogue entries not seeded" >&2
import json, hashlib
target = {"route": "route", "route_many": "batch_line", "batch_line": "batch_line", "meeting": "meeting",
          "plan": "plan", "check_municipality": "municipality", "parse_date": "date",
          "fiscal_year": "date", "split_funding": "date"}
for e in json.load(open("fixtures/bad/catalogue.json"))["entries"]:
    t = target.get(e["op"])
    if t and "input" in e:
        name = "bad-" + e["name"]
        open(f"fuzz/corpus/{t}/{name}", "w").write(e["input"])
PY
for t in route meeting plan municipality date batch_line; do
  echo "seed corpus $t: $(ls $c/$t | wc -l) files"
done
