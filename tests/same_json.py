#!/usr/bin/env python3
"""Exit 0 when two files hold the same JSON value (whitespace and key order aside); else print
both and exit 1. Used by make to compare a binding's answer with the CLI's own output."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    a = json.load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    b = json.load(f)
if a != b:
    print(f"different JSON: {sys.argv[1]} vs {sys.argv[2]}", file=sys.stderr)
    sys.exit(1)
print(f"same JSON: {sys.argv[1]} = {sys.argv[2]}")
