"""Compare every sheet of a pack as a spreadsheet program recalculated it with
the same sheet as the pack cached it, cell by cell: numbers to the penny
(LibreOffice's own arithmetic leaves binary fractions), text exactly. A cell
that differs is a formula whose cached value is not what it computes, on any
sheet, whatever check_pack.py knows of its meaning.

    python3 same_sheets.py RECALCULATED_DIR CACHED_DIR PACK_NAME

Exits 1 naming every cell that differs, or if there are no sheets."""
import csv
import glob
import os
import sys


def number(text):
    try:
        return round(float(text), 2)
    except ValueError:
        return None


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def main(recalculated, cached, pack):
    failures, sheets, cells = [], 0, 0
    for path in sorted(glob.glob(os.path.join(cached, f"{pack}-*.csv"))):
        sheet = os.path.basename(path)[len(pack) + 1:-4]
        other = os.path.join(recalculated, os.path.basename(path))
        if not os.path.exists(other):
            failures.append(f"{sheet}: not in the recalculated export")
            continue
        sheets += 1
        a = list(csv.reader(open(other, encoding="utf-8")))
        b = list(csv.reader(open(path, encoding="utf-8")))
        for r in range(max(len(a), len(b))):
            row_a = a[r] if r < len(a) else []
            row_b = b[r] if r < len(b) else []
            for c in range(max(len(row_a), len(row_b))):
                x = row_a[c] if c < len(row_a) else ""
                y = row_b[c] if c < len(row_b) else ""
                cells += 1
                if x == y:
                    continue
                nx, ny = number(x), number(y)
                if nx is None or ny is None or nx != ny:
                    failures.append(f"{sheet}!{column(c)}{r + 1}: recalculated {x!r}, cached {y!r}")
    for failure in failures[:40]:
        print(failure, file=sys.stderr)
    if failures or sheets == 0:
        print(f"{pack}: {len(failures)} of {cells} cells differ in {sheets} sheets", file=sys.stderr)
        sys.exit(1)
    print(f"{pack}: {cells} cells of {sheets} sheets the same recalculated and cached")


main(*sys.argv[1:4])
