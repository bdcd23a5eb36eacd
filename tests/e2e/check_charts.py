"""Check that every chart in a pack draws what is there: every chart has a
series, each series' values are numbers in the pack, its categories are
cells that hold something, and a series along a row is a labelled row of
figures (not a heading or a blank row, where a chart lands when a sheet's
layout moves under it). The gap chart draws the rows labelled "Gap", over
years alone ("2010/11", not a money column's heading "2010/11 £"), as does
every chart over years (the fan chart). No two charts on a sheet overlap.

    python3 check_charts.py PACK.xlsx

Exits 1 naming every series that fails."""
import re
import sys
import zipfile

from pack_xml import cells, column, sheet_parts

RANGE = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?([0-9]+)(?::\$?([A-Z]+)\$?([0-9]+))?$")

def cells_of(ref, sheets):
    """The (sheet, row, col) of each cell a reference covers, or None if it does not parse."""
    m = RANGE.match(ref)
    if not m:
        return None
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    c1, r1 = column(m.group(3)), int(m.group(4))
    c2, r2 = (column(m.group(5)), int(m.group(6))) if m.group(5) else (c1, r1)
    return sheet, [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def row_label(cells, row):
    for col in (1, 2):
        kind, text = cells.get((row, col), ("", ""))
        if kind == "s" and text:
            return text
    return None


ANCHOR = re.compile(r"<xdr:from><xdr:col>([0-9]+)</xdr:col><xdr:colOff>[0-9]+</xdr:colOff>"
                    r"<xdr:row>([0-9]+)</xdr:row>.*?<xdr:to><xdr:col>([0-9]+)</xdr:col>"
                    r"<xdr:colOff>[0-9]+</xdr:colOff><xdr:row>([0-9]+)</xdr:row>", re.S)


def overlaps(pack):
    """Each pair of charts on one sheet whose cells (first to last row and
    column) meet: a chart drawn over another hides it."""
    found = []
    for part in sorted(n for n in pack.namelist() if re.match(r"xl/drawings/drawing[0-9]+\.xml$", n)):
        boxes = [tuple(map(int, m)) for m in ANCHOR.findall(pack.read(part).decode())]
        for i, (c1, r1, c2, r2) in enumerate(boxes):
            for d1, s1, d2, s2 in boxes[i + 1:]:
                if c1 <= d2 and d1 <= c2 and r1 <= s2 and s1 <= r2:
                    found.append(f"{part}: charts at rows {r1}-{r2} and {s1}-{s2} overlap")
    return found


def main():
    path = sys.argv[1]
    failures = []
    series_count = 0
    with zipfile.ZipFile(path) as pack:
        sheets = {name: cells(xml) for name, xml in sheet_parts(pack).items()}
        failures += overlaps(pack)
        for part in sorted(n for n in pack.namelist() if re.match(r"xl/charts/chart[0-9]+\.xml$", n)):
            chart = pack.read(part).decode()
            title = " ".join(re.findall(r"<a:t>([^<]*)</a:t>", chart.split("<c:plotArea>")[0]))
            if "<c:ser>" not in chart:
                failures.append(f"{part} ({title}): a chart with nothing to draw")
            for series in re.findall(r"<c:ser>(.*?)</c:ser>", chart, re.S):
                series_count += 1
                name = re.search(r"<c:tx>.*?<c:v>([^<]*)</c:v>", series, re.S)
                who = f"{part} ({title}), series {name.group(1) if name else '?'}"
                for role in ("cat", "val", "xVal", "yVal"):
                    ref = re.search(rf"<c:{role}>.*?<c:f>([^<]+)</c:f>", series, re.S)
                    if not ref:
                        continue
                    found = cells_of(ref.group(1).replace("&apos;", "'"), sheets)
                    if found is None or found[0] not in sheets:
                        failures.append(f"{who}: {role} {ref.group(1)} is not a range of the pack")
                        continue
                    sheet, where = found
                    found_cells = sheets[sheet]
                    missing = [rc for rc in where if rc not in found_cells]
                    if missing:
                        failures.append(f"{who}: {role} {ref.group(1)} has {len(missing)} empty cells")
                    labels = [found_cells[rc][1] for rc in where if rc in found_cells]
                    if role == "cat" and (title.startswith("Gap by scenario") or labels and all(
                            re.match(r"[0-9]{4}/[0-9]{2}", str(label)) for label in labels)):
                        if not all(re.fullmatch(r"[0-9]{4}/[0-9]{2}", label) for label in labels):
                            failures.append(f"{who}: categories {labels}, not years")
                    if role in ("val", "yVal"):
                        text = [rc for rc in where if found_cells.get(rc, ("n",))[0] != "n"]
                        if text:
                            failures.append(f"{who}: {role} {ref.group(1)} has text where figures belong")
                        rows = {r for r, _ in where}
                        if len(rows) == 1:
                            label = row_label(found_cells, rows.pop())
                            if label is None:
                                failures.append(f"{who}: {role} {ref.group(1)} is on a row with no label")
                            elif title.startswith("Gap by scenario") and label != "Gap":
                                failures.append(f"{who}: draws the row \"{label}\", not the gap")
    for failure in failures:
        print(failure, file=sys.stderr)
    if failures or series_count == 0:
        print(f"{path}: {len(failures)} problems in {series_count} chart series", file=sys.stderr)
        sys.exit(1)


main()
