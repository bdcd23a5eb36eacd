"""The benchmark's reference: the same projection as mtfp, written the way a
finance team's analyst would write it in Python, with pandas and XlsxWriter.

    /usr/bin/python3 bench/reference.py MODEL_DIR OUT.xlsx SUMMARY.csv

It reads a model that bench/generate.py wrote with --revenue-only (revenue.csv,
funding.csv, model.lua and the scenario scripts, whose few forms it parses
with regular expressions: index(), pressure{} with an amount, saving{} with a
percent), projects every scenario by mtfp's rules (docs/design.md: each
revenue line rolled forward by its subjective's index and rounded once per
line-year; a pressure's full-year effect inflated by its index times the
months of the year it covers / 12; a percent saving that share of each spend
line's rolled-forward value; amounts rounded half away from zero), writes a
workbook with a Summary and a Revenue sheet (the same cells as mtfp's Revenue
table: a row per scenario, partner, service and subjective) and summary.csv
in mtfp's format, so that `make bench` can check the two agree to the penny."""
import re
import sys

import numpy as np
import pandas as pd

INCOME = {"Government Grants", "Other Grants and Contributions", "Customer and Client Receipts",
          "Interest", "Recharges"}
DEFAULT_INDEX = {"Employees": "pay", "Third Party Payments": "contracts",
                 "Transfer Payments": "none", "Capital Financing": "none"}
LINES = ["base_budget", "inflation", "pressures", "savings", "other_changes",
         "net_budget_requirement", "funding", "gap", "incremental_gap", "cumulative_gap"]
BASE_YEAR_LINES = {"net_budget_requirement", "funding", "gap"}


def index_of(subjective):
    if subjective in DEFAULT_INDEX:
        return DEFAULT_INDEX[subjective]
    return "fees" if subjective in INCOME else "prices"


def pence(text):
    text = text.replace(",", "")
    negative = text.startswith("-")
    pounds, _, fraction = text.lstrip("-").partition(".")
    value = int(pounds) * 100 + int((fraction + "00")[:2])
    return -value if negative else value


def pounds(value):
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"


def round_half_away(x):
    """mtfp_money_round: half a penny away from zero."""
    size = np.abs(x)
    whole = np.floor(size)
    whole += (size - whole) >= 0.5 - 1e-6
    return np.where(x < 0, -whole, whole).astype(np.int64)


def rates(text, years):
    values = [float(v) for v in re.findall(r"[-\d.]+", text)]
    return [0.0] + [values[min(y, len(values)) - 1] for y in range(1, years + 1)]


def factors(indices, years):
    out = {}
    for name, r in indices.items():
        f, row = 1.0, [1.0]
        for y in range(1, years + 1):
            f *= 1.0 + r[y]
            row.append(f)
        out[name] = np.array(row)
    return out


def read_model(directory):
    text = open(f"{directory}/model.lua", encoding="utf-8").read()
    base = int(re.search(r'base_year = "(\d{4})/', text).group(1))
    years = int(re.search(r"years = (\d+)", text).group(1))
    indices = {name: [0.0] * (years + 1) for name in ("none", "pay", "prices", "contracts", "fees")}
    for name, values in re.findall(r'index\("(\w+)", ([^)]*)\)', text):
        indices[name] = rates(values, years)
    scripts = re.findall(r'"(scripts/[^"]+)"', text)
    return base, years, indices, scripts


def read_scenario(path, base, years, indices):
    text = open(path, encoding="utf-8").read()
    name = re.search(r'scenario "([^"]+)"', text).group(1)
    indices = dict(indices)
    for index, values in re.findall(r'index\("(\w+)", \{([^}]*)\}\)', text):
        indices[index] = rates(values, years)
    pressures = []
    for body in re.findall(r"pressure \{([^}]*)\}", text):
        field = dict(re.findall(r'(\w+) = "?([^",]+)"?', body))
        year, month = (int(v) for v in field["from"].split("-"))
        start = (year - base) * 12 + month - 4  # months from April of the base year
        share = [0.0] + [max(0, min(12, 12 * y + 12 - start)) / 12.0 for y in range(1, years + 1)]
        pressures.append((field["partner"], field["service"], field["subjective"],
                          pence(field["amount"]), np.array(share)))
    percents = [float(p) for p in re.findall(r"saving \{[^}]*percent = ([\d.]+)", text)]
    return name, indices, pressures, percents


def project(lines, years, indices, pressures, percents):
    """Each line's values by year and the totals by kind of change."""
    f = factors(indices, years)
    grown = np.vstack([f[index_of(s)] for s in lines["subjective"]])
    base = round_half_away(lines["amount"].to_numpy(dtype=np.float64)[:, None] * grown)
    spend = ~lines["subjective"].isin(INCOME).to_numpy()
    saving = np.zeros_like(base)
    for percent in percents:
        effect = round_half_away(-percent * np.abs(base[spend].astype(np.float64)))
        effect[:, 0] = 0
        saving[spend] += effect
    pressure_rows = []
    for partner, service, subjective, amount, share in pressures:
        values = round_half_away(float(amount) * f[index_of(subjective)] * share)
        values[0] = 0
        pressure_rows.append(((partner, service, subjective), values))
    return base, saving, pressure_rows


def summary_rows(name, base_total, pressure_total, saving_total, funding, base_year, years):
    rows = []
    nbr = base_total + pressure_total + saving_total
    gap = nbr - funding
    cumulative = 0
    for y in range(years + 1):
        year = f"{base_year + y}/{(base_year + y + 1) % 100:02d}"
        values = {"net_budget_requirement": nbr[y], "funding": funding[y], "gap": gap[y]}
        if y > 0:
            cumulative += gap[y]
            values.update(base_budget=nbr[y - 1], inflation=base_total[y] - base_total[y - 1],
                          pressures=pressure_total[y] - pressure_total[y - 1],
                          savings=saving_total[y] - saving_total[y - 1], other_changes=0,
                          incremental_gap=gap[y] - gap[y - 1], cumulative_gap=cumulative)
        for line in LINES:
            if y > 0 or line in BASE_YEAR_LINES:
                rows.append((name, line, year, int(values[line])))
    return rows


def main():
    directory, workbook, summary_csv = sys.argv[1:4]
    base_year, years, indices, scripts = read_model(directory)
    lines = pd.read_csv(f"{directory}/revenue.csv", dtype=str)
    lines["amount"] = lines["amount"].map(pence)
    funding_table = pd.read_csv(f"{directory}/funding.csv", dtype=str)
    funding = np.zeros(years + 1, dtype=np.int64)
    for _, row in funding_table.iterrows():
        funding[int(row["year"][:4]) - base_year] += pence(row["amount"])
    year_labels = [f"{base_year + y}/{(base_year + y + 1) % 100:02d}" for y in range(years + 1)]

    scenarios = [("Base", indices, [], [])]
    scenarios += [read_scenario(f"{directory}/{s}", base_year, years, indices) for s in scripts]
    summary, revenue = [], []
    for name, scenario_indices, pressures, percents in scenarios:
        base, saving, pressure_rows = project(lines, years, scenario_indices, pressures, percents)
        pressure_total = np.zeros(years + 1, dtype=np.int64)
        table = pd.DataFrame(base + saving, columns=year_labels)
        keys = lines[["partner", "service", "subjective"]].reset_index(drop=True)
        table = pd.concat([keys, table], axis=1)
        for key, values in pressure_rows:
            pressure_total += values
            table.loc[len(table)] = [*key, *values]
        grouped = table.groupby(["partner", "service", "subjective"], sort=False).sum().reset_index()
        grouped.insert(0, "scenario", name)
        revenue.append(grouped)
        summary += summary_rows(name, base.sum(axis=0), pressure_total, saving.sum(axis=0),
                                funding, base_year, years)

    summary_frame = pd.DataFrame(summary, columns=["scenario", "line", "year", "amount"])
    with open(summary_csv, "w", encoding="utf-8") as out:
        out.write("scenario,line,year,amount\n")
        for scenario, line, year, amount in summary:
            out.write(f"{scenario},{line},{year},{pounds(amount)}\n")
    revenue_frame = pd.concat(revenue, ignore_index=True)
    revenue_frame[year_labels] = revenue_frame[year_labels] / 100.0
    summary_frame["amount"] = summary_frame["amount"] / 100.0
    plan = summary_frame.pivot_table(index=["scenario", "line"], columns="year", values="amount",
                                     sort=False)
    with pd.ExcelWriter(workbook, engine="xlsxwriter",
                        engine_kwargs={"options": {"constant_memory": True}}) as writer:
        plan.to_excel(writer, sheet_name="Summary")
        revenue_frame.to_excel(writer, sheet_name="Revenue", index=False)


main()
