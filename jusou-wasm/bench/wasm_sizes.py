#!/usr/bin/env python3
"""Where a wasm module's code bytes are, by function, from its `name` section (not a test).

    python3 jusou-wasm/bench/wasm_sizes.py target/wasm32-unknown-unknown/wasm-release/jusou_wasm.wasm [TOP]

Run it on cargo's or wasm-bindgen's output (wasm-opt drops the names). Prints the module's sections,
the code grouped as in jusou-wasm/bench/README.md, and the TOP largest functions. Stands in for
twiggy (a long build on a shared machine); names are demangled well enough to group them.
"""
import collections
import re
import sys


def leb(b, i):
    """An unsigned LEB128 at `i`: (value, next index)."""
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def demangle(n):
    """Legacy Rust mangling (`_ZN…E`) to a path; v0 names (`_R…`) are left as they are."""
    if not n.startswith("_ZN"):
        return n
    i, parts = 3, []
    while i < len(n) and n[i].isdigit():
        j = i
        while n[j].isdigit():
            j += 1
        length = int(n[i:j])
        parts.append(n[j : j + length])
        i = j + length
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    s = "::".join(parts)
    for a, b in [("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$C$", ","),
                 ("..", "::"), ("$u7b$", "{"), ("$u7d$", "}"), ("$BP$", "*"), ("$u27$", "'"),
                 ("$u5b$", "["), ("$u5d$", "]"), ("$u3b$", ";"), ("$u21$", "!")]:
        s = s.replace(a, b)
    return s


def read(path):
    """Sections [(id, size)] and functions [(body size, name)]."""
    b = open(path, "rb").read()
    i, sections, imported, bodies, names = 8, [], 0, [], {}
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        sections.append((sid, size))
        if sid == 2:  # imports: count the imported functions (they come first in the index space)
            n, j = leb(b, i)
            for _ in range(n):
                for _ in range(2):
                    length, j = leb(b, j)
                    j += length
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imported += 1
                elif kind in (1, 2):  # table / memory: limits
                    j += 1 if kind == 1 else 0
                    flags = b[j]
                    _, j = leb(b, j + 1)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 3:
                    j += 2
        elif sid == 10:
            n, j = leb(b, i)
            for _ in range(n):
                length, j = leb(b, j)
                bodies.append(length)
                j += length
        elif sid == 0:
            length, j = leb(b, i)
            if b[j : j + length] == b"name":
                j += length
                while j < end:
                    sub = b[j]
                    sl, j = leb(b, j + 1)
                    if sub == 1:
                        n, k = leb(b, j)
                        for _ in range(n):
                            idx, k = leb(b, k)
                            length, k = leb(b, k)
                            names[idx] = b[k : k + length].decode("utf8", "replace")
                            k += length
                    j += sl
        i = end
    return sections, [(sz, demangle(names.get(k + imported, ""))) for k, sz in enumerate(bodies)]


def group(n):
    """The README's groups, first match wins."""
    if "serde_json::de::Deserializer" in n and "deserialize_" in n:
        return "serde_json deserialize_* (one per input type)"
    if "Visitor" in n or "visit_" in n:
        return "serde derive visitors"
    if "as serde_core::de::Deserialize" in n or "Deserialize>::deserialize" in n:
        return "Deserialize impls"
    if "Serialize" in n or "serialize_" in n or "serde_json::ser" in n:
        return "Serialize"
    if "serde_json" in n:
        return "serde_json other"
    if "jusou_core" in n:
        return "jusou-core"
    if "dlmalloc" in n or "rdl_" in n or "alloc" in n[:20]:
        return "alloc"
    if "js_sys" in n or "wasm_bindgen" in n or n.startswith("__wbg") or n.startswith("__wbindgen"):
        return "js-sys / wasm-bindgen"
    if "fmt" in n:
        return "core::fmt"
    if n.startswith(("_R", "core", "std")):
        return "core/std other"
    return "other"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    sections, funcs = read(path)
    print("sections (id, bytes):", sections)
    total = sum(sz for sz, _ in funcs)
    by, count = collections.Counter(), collections.Counter()
    for sz, n in funcs:
        by[group(n)] += sz
        count[group(n)] += 1
    print(f"\ncode: {total} bytes in {len(funcs)} functions")
    for g, sz in by.most_common():
        print(f"{sz:9d} {100 * sz / total:5.1f}% {count[g]:5d}  {g}")
    print(f"\nlargest {top}:")
    for sz, n in sorted(funcs, reverse=True)[:top]:
        print(f"{sz:9d}  {n[:150]}")


if __name__ == "__main__":
    main()
