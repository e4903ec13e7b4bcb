#!/usr/bin/env python3
"""Check a wheel installs on RHEL 8-era servers: its tags are abi3 and manylinux2014
(manylinux_2_17), and its extension module asks glibc for no symbol newer than 2.17.

usage: check_wheel.py WHEEL"""
import re
import sys
import zipfile

path = sys.argv[1]
name = path.rsplit("/", 1)[-1]
problems = []
if "-abi3-" not in name:
    problems.append(f"not an abi3 wheel: {name}")
if "manylinux_2_17_x86_64" not in name and "manylinux2014_x86_64" not in name:
    problems.append(f"not tagged manylinux2014 / manylinux_2_17: {name}")
with zipfile.ZipFile(path) as z:
    wheel = next(n for n in z.namelist() if n.endswith(".dist-info/WHEEL"))
    tags = [l.split(":", 1)[1].strip() for l in z.read(wheel).decode().splitlines() if l.startswith("Tag:")]
    if not tags or not all(t.startswith("cp39-abi3-manylinux") for t in tags):
        problems.append(f"WHEEL tags: {tags}")
    newest = (0, 0)
    for so in (n for n in z.namelist() if n.endswith(".so")):
        for v in re.findall(rb"GLIBC_(\d+)\.(\d+)", z.read(so)):
            newest = max(newest, (int(v[0]), int(v[1])))
    if newest > (2, 17):
        problems.append(f"needs glibc {newest[0]}.{newest[1]} (> 2.17)")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"{name}: tags {', '.join(tags)}; newest glibc symbol {newest[0]}.{newest[1]}")
