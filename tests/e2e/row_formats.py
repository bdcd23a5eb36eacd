"""Print the number formats of the figures in each row of a sheet whose first
cell is LABEL, one line a row, in the sheet's order: the format codes of its
numeric cells, or "General", joined by " | " when they differ.

    python3 row_formats.py PACK.xlsx SHEET LABEL

For checking how a pack shows its figures (5,200 weeks, 11.50 children)."""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

from pack_xml import sheet_parts

# Excel's built-in number formats that the pack can use.
BUILT_IN = {0: "General", 3: "#,##0", 4: "#,##0.00"}


def main(path, sheet, label):
    pack = zipfile.ZipFile(path)
    xml = sheet_parts(pack)[sheet]
    styles = pack.read("xl/styles.xml").decode()
    codes = dict(BUILT_IN)
    codes.update({int(i): c.replace("&quot;", '"') for i, c in
                  re.findall(r'<numFmt numFmtId="([0-9]+)" formatCode="([^"]*)"', styles)})
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
    formats = [int(i) for i in re.findall(r'<xf numFmtId="([0-9]+)"', xfs)]
    for row in re.findall(r"<row [^>]*>(.*?)</row>", xml, re.S):
        cells = re.findall(r'<c r="[A-Z]+[0-9]+"(?: s="([0-9]+)")?([^>]*)>(.*?)</c>', row, re.S)
        if not cells or f"<t>{escape(label)}</t>" not in cells[0][2]:
            continue
        shown = []
        for style, attributes, body in cells[1:]:
            if 't="inlineStr"' in attributes or "<v>" not in body:
                continue
            code = codes[formats[int(style or 0)]]
            if code not in shown:
                shown.append(code)
        print(" | ".join(shown))


if __name__ == "__main__":
    main(*sys.argv[1:])
