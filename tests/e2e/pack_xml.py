"""Reading a pack's sheets from its XML with the standard library alone (a
fresh machine has no openpyxl): the tests' one place for it.

    sheets = sheet_parts(zipfile.ZipFile(path))   # {name: the sheet's XML}
    cells(sheets["Staffing"])                      # {(row, col): ("s", text) or ("n", "12.5")}
"""
import re
from xml.sax.saxutils import unescape

CELL = re.compile(r'<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)


def column(letters):
    """A column's number from its letters: A is 1."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n


def sheet_parts(pack):
    """Each sheet's XML by the sheet's name, in the order of the tabs."""
    workbook = pack.read("xl/workbook.xml").decode()
    rels = pack.read("xl/_rels/workbook.xml.rels").decode()
    targets = dict(re.findall(r'Id="([^"]+)" Type="[^"]*" Target="([^"]+)"', rels))
    return {unescape(name, {"&apos;": "'", "&quot;": '"'}): pack.read("xl/" + targets[rid]).decode()
            for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="[0-9]+" r:id="([^"]+)"',
                                        workbook)}


def cells(xml):
    """A sheet's cells: {(row, col): ("n", value) or ("s", text)}."""
    found = {}
    for col, row, attrs, body in CELL.findall(xml):
        if 't="inlineStr"' in attrs:
            text = re.search(r"<t[^>]*>(.*?)</t>", body or "", re.S)
            found[(int(row), column(col))] = ("s", unescape(text.group(1)) if text else "")
        elif body and "<v>" in body:
            found[(int(row), column(col))] = ("n", re.search(r"<v>(.*?)</v>", body).group(1))
    return found


def frozen_at(xml):
    """The cell a sheet's panes are frozen at ("B3"), or None."""
    pane = re.search(r'<pane [^>]*topLeftCell="([A-Z]+[0-9]+)"[^>]*state="frozen"', xml)
    return pane.group(1) if pane else None
