# A ledger export in codes through a code mapping gives the plan of the same budget restructured
# by hand (tests/fixtures/ledger/README.md works the figures): groups above services and the
# provision split kept through to revenue.csv, and scripts that select on them. The same export
# and mapping saved as workbooks by LibreOffice give it too; codes a mapping lacks are listed.
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/ledger
tables="summary revenue savings"

expect_status 0 "$MTFP" run "$fixture/restructured" -o "$SCRATCH/restructured.xlsx" \
    --csv "$SCRATCH/restructured" || fail "the restructured budget does not run: $(cat "$SCRATCH/err")"
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/ledger.xlsx" --csv "$SCRATCH/ledger"; then
    for table in "$SCRATCH"/restructured/*.csv; do
        same_file "$table" "$SCRATCH/ledger/$(basename "$table")"
    done
fi
csv=$SCRATCH/ledger
head -1 "$csv/revenue.csv" | grep -qx "scenario,partner,group1,group2,service,subjective,provider,year,amount" ||
    fail "revenue.csv's columns: $(head -1 "$csv/revenue.csv")"
rows=(
    # the two private residential lines are one row; Employees own; Premises no provider
    "Base,Council,Children's social care,Children Looked After,Residential care,Third Party Payments,private,2009/10,1600000.00"
    "Base,Council,Children's social care,Children Looked After,Residential care,Employees,own,2011/12,416160.00"
    "Base,Council,Children's social care,Family support services,Family support,Premises,,2010/11,50000.00"
    "Base,Council,Youth services,Youth work,Youth centres,Customer and Client Receipts,,2011/12,-40000.00"
    # 5% off the group's private lines: 1,680,000 less 84,000 (78,750 + 5,250)
    "Placements commissioned again,Council,Children's social care,Children Looked After,Residential care,Third Party Payments,private,2010/11,1596000.00"
    # the voluntary fostering pressure: 105,000 + 10,500
    "Placements commissioned again,Council,Children's social care,Children Looked After,Fostering services,Third Party Payments,voluntary,2010/11,115500.00"
    # 1% on the group's pay in 2011/12: 260,100 + 2,601; not Youth centres' 312,120
    "Placements commissioned again,Council,Children's social care,Children Looked After,Fostering services,Employees,own,2011/12,262701.00"
    "Placements commissioned again,Council,Youth services,Youth work,Youth centres,Employees,own,2011/12,312120.00"
    # other public placements are not in the saving
    "Placements commissioned again,Council,Children's social care,Children Looked After,Residential care,Third Party Payments,other public,2010/11,315000.00"
)
has_rows "$csv/revenue.csv" "${rows[@]}"
has_rows "$csv/summary.csv" "Base,net_budget_requirement,2010/11,4356000.00" \
    "Base,net_budget_requirement,2011/12,4529520.00" \
    "Placements commissioned again,savings,2010/11,-115500.00" \
    "Placements commissioned again,savings,2011/12,-5775.00" \
    "Placements commissioned again,pressures,2010/11,10500.00" \
    "Placements commissioned again,pressures,2011/12,21954.00"
# The Revenue sheet: the groups and the provider as columns, and each group's subtotal an
# outline level between the partner's (0) and its services' (3; their lines 4). Base's first
# rows: Residential care's three lines (5 to 7) and total (8), Fostering's (9 to 12), the
# subtotal of Children Looked After (13), Family support's lines and total (14 to 17), Family
# support services' (18), Children's social care's (19).
python3 - "$SOURCE/tests/e2e" "$SCRATCH/ledger.xlsx" <<'PY' || fail "the Revenue sheet's groups"
import re, sys, zipfile
sys.path.insert(0, sys.argv[1])
from pack_xml import cells, sheet_parts
xml = sheet_parts(zipfile.ZipFile(sys.argv[2]))["Revenue"]
levels = {int(r): int(l or 0) for r, l in re.findall(r'<row r="([0-9]+)"(?:[^>]*?outlineLevel="([0-9])")?', xml)}
want = [4, 4, 4, 3, 4, 4, 4, 3, 2, 4, 4, 4, 3, 2, 1]
got = [levels.get(r, 0) for r in range(5, 20)]
c = cells(xml)
headings = [c[(2, col)][1] for col in range(1, 7)]
labels = {r: next((text for (row, col), (_, text) in c.items() if row == r and text.startswith("Total")), None)
          for r in (8, 13, 18, 19)}
ok = got == want and headings == ["Partner", "Group 1", "Group 2", "Service", "Subjective", "Provider"] \
    and labels == {8: "Total Residential care", 13: "Total Children Looked After",
                   18: "Total Family support services", 19: "Total Children's social care"} \
    and c[(5, 6)] == ("s", "own")
if not ok:
    print(f"levels {got}, headings {headings}, labels {labels}, F5 {c.get((5, 6))}", file=sys.stderr)
sys.exit(0 if ok else 1)
PY
# A model with neither groups nor providers keeps SPEC's columns.
expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/small.xlsx" --csv "$SCRATCH/small"
head -1 "$SCRATCH/small/revenue.csv" | grep -qx "scenario,partner,service,subjective,year,amount" ||
    fail "a model without groups: revenue.csv's columns are $(head -1 "$SCRATCH/small/revenue.csv")"

# The export and the mapping as workbooks LibreOffice saved (mapping.xlsx found by its name; the
# codes are numbers there, 10101 and 5210, and read as the text of the CSV files).
if command -v soffice >/dev/null; then
    books=$SCRATCH/books
    mkdir -p "$books"
    cp -r "$fixture/scripts" "$books/"
    sed 's|"ledger.csv"|"ledger.xlsx"|' "$fixture/model.lua" >"$books/model.lua"
    HOME=$SCRATCH timeout 180 soffice -env:UserInstallation="file://$SCRATCH/profile" --headless \
        --infilter='CSV:44,34,76,1' --convert-to xlsx --outdir "$books" \
        "$fixture/ledger.csv" "$fixture/mapping.csv" >"$SCRATCH/soffice.log" 2>&1 || true
    if [ -f "$books/ledger.xlsx" ] && [ -f "$books/mapping.xlsx" ] &&
        expect_status 0 "$MTFP" run "$books" -o "$SCRATCH/books.xlsx" --csv "$SCRATCH/books"; then
        for table in $tables; do
            same_file "$SCRATCH/ledger/$table.csv" "$SCRATCH/books/$table.csv"
        done
    else
        fail "the ledger as workbooks: $(cat "$SCRATCH/soffice.log" "$SCRATCH/err")"
    fi
else
    fail "soffice is not installed (make test installs libreoffice-calc-nogui)"
fi

# Codes the mapping lacks: every one, with its lines and their total, in one error; nothing run.
unmapped=$SCRATCH/unmapped
cp -r "$fixture" "$unmapped"
rm -r "$unmapped/restructured"
cat >>"$unmapped/ledger.csv" <<'CSV'
10301,1100,"12,000.00",a new cost centre
10301,5210,"3,000.50",
10101,4100,(250.00),an account with no mapping
CSV
expect_status 1 "$MTFP" run "$unmapped" -o "$SCRATCH/unmapped.xlsx"
same_file <(
    cat <<TEXT
$unmapped/ledger.csv: 2 ledger codes are not in mapping.csv; add them:
  cost centre "10301": 2 lines (the first line 15), £15,000.50
  account "4100": 1 line (the first line 17), (£250.00)
TEXT
) "$SCRATCH/err"
[ ! -e "$SCRATCH/unmapped.xlsx" ] || fail "a pack was written with unmapped codes"
# Past what a message holds: the first codes, then how many more, their lines and total (60 cost
# centres of one line of £1.00 each).
cp "$fixture/ledger.csv" "$unmapped/ledger.csv"
for i in $(seq 1 60); do printf 'X%03d,1100,1.00,\n' "$i" >>"$unmapped/ledger.csv"; done
expect_status 1 "$MTFP" check "$unmapped"
grep -qF "60 ledger codes are not in mapping.csv; add them:" "$SCRATCH/err" ||
    fail "60 unmapped codes: $(head -1 "$SCRATCH/err")"
last=$(tail -1 "$SCRATCH/err")
listed=$(grep -c '^  cost centre "X' "$SCRATCH/err" || true)
[ "$last" = "  and $((60 - listed)) more codes: $((60 - listed)) lines, £$((60 - listed)).00" ] ||
    fail "$listed listed, then \"$last\""
finish
