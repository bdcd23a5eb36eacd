"""Check a pack's sheets, as LibreOffice exported them to CSV, against the
engine's own CSV output, figure by figure, to the penny.

    python3 check_pack.py SHEETS_DIR PACK_NAME ENGINE_CSV_DIR

Exits 1 naming every figure that differs, or if a figure is missing."""
import csv
import os
import sys
from collections import defaultdict

TITLES = {
    "Base budget": "base_budget", "Inflation": "inflation", "Pressures": "pressures",
    "Savings": "savings", "Other changes": "other_changes",
    "Net budget requirement": "net_budget_requirement", "Funding": "funding", "Gap": "gap",
    "Incremental gap": "incremental_gap", "Cumulative gap": "cumulative_gap",
    "Expected cost of risks": "expected_risk_cost", "Gap with risks": "gap_with_risks",
}


def pence(text):
    """Pounds as the engine writes them, or a number LibreOffice exported."""
    return round(float(text) * 100)


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def scenario_of(heading):
    if heading.startswith("Scenario: "):
        return heading[len("Scenario: "):]
    if heading.endswith(" (the model with no scenario)"):
        return heading[: -len(" (the model with no scenario)")]
    return None


def years_of(header, first, unit=" £"):
    """The years over a table's columns from first on: "2010/11 £" over
    money, "2010/11" (unit "") over counts and over each plan on the
    Summary, whose gap chart takes its years from there."""
    return [cell[: len(cell) - len(unit)] for cell in header[first:] if cell and cell.endswith(unit)]


class Checker:
    def __init__(self):
        self.failures = []
        self.compared = 0

    def same(self, where, got, want, got_from="the sheet", want_from="the engine"):
        self.compared += 1
        if got != want:
            self.failures.append(f"{where}: {got_from} has {got / 100:.2f}, {want_from} {want / 100:.2f}")

    def summary(self, rows, engine):
        scenario, years, seen = None, [], set()
        for row in rows[2:]:
            if row and scenario_of(row[0]) is not None:
                scenario = scenario_of(row[0])
            elif row and not row[0] and any(row[1:]):
                years = years_of(row, 1, "")  # each plan's, under its heading
            elif row and row[0].startswith("Bridge"):
                break
            elif row and row[0] in TITLES and scenario is not None:
                for year, cell in zip(years, row[1:]):
                    if cell != "":
                        key = (scenario, TITLES[row[0]], year)
                        self.same(f"Summary {key}", pence(cell), engine.get(key))
                        seen.add(key)
        for key in set(engine) - seen:
            self.failures.append(f"Summary lacks {key}")

    def compare(self, rows, engine, simulation, sweep):
        """Each scenario's summary lines less Base's; a simulated scenario's
        gap statistics and each sweep point's gap less Base's gap."""
        years = years_of(rows[1], 1)
        scenario = simulated = None
        statistics = {(r["scenario"], r["statistic"], r["year"]): pence(r["value"])
                      for r in simulation or [] if r["measure"] == "gap"}
        params = [c for c in sweep[0] if c not in ("scenario", "measure", "year", "amount")] if sweep else []
        points = {(", ".join([r["scenario"]] + [f"{p} = {float(r[p]):.12g}" for p in params]), r["year"]):
                  pence(r["amount"]) for r in sweep or [] if r["measure"] == "gap"}
        seen = 0
        for row in rows[2:]:
            if not row or not row[0]:
                continue
            if row[0].endswith(", less Base"):
                scenario, simulated = row[0][: -len(", less Base")], None
            elif row[0].endswith(" runs), less Base's gap"):
                scenario, simulated = None, row[0][: row[0].rindex(", simulated gap (")]
            elif row[0].startswith("Sweep: "):
                scenario, simulated = None, "sweep"
            elif row[0] in TITLES and scenario is not None:
                for year, cell in zip(years, row[1:]):
                    if cell != "":
                        key = TITLES[row[0]]
                        want = engine[(scenario, key, year)] - engine[("Base", key, year)]
                        self.same(f"Compare {scenario} {key} {year}", pence(cell), want)
            elif simulated is not None:
                for year, cell in zip(years[1:], row[2:]):
                    if simulated == "sweep":
                        want = points[(row[0], year)]
                    else:
                        want = statistics[(simulated, statistic_of(row[0]), year)]
                    self.same(f"Compare {simulated} {row[0]} {year}", pence(cell),
                              want - engine[("Base", "gap", year)])
                    seen += 1
        if (simulation or sweep) and seen == 0:
            self.failures.append("Compare has no simulated or swept gap")

    def revenue(self, rows, lines, engine):
        """The lines, by partner, groups, service, subjective and provider where the model has
        them (the sheet's headings say which), and the subtotals of services, groups and
        partners."""
        header = rows[1]
        groups = [i for i, cell in enumerate(header) if cell.startswith("Group")]
        service, subjective = header.index("Service"), header.index("Subjective")
        provider = header.index("Provider") if "Provider" in header else None
        first = next(i for i, cell in enumerate(header) if cell.endswith(" £"))
        years = years_of(header, first)
        totals = defaultdict(int)
        for (scenario, partner, path, svc, _, _, year), value in lines.items():
            totals[(scenario, "partner", partner, year)] += value
            totals[(scenario, "service", partner, svc, year)] += value
            for level, group in enumerate(path):
                totals[(scenario, "group", level, partner, path[: level + 1], year)] += value
        scenario, partner, path, seen = None, None, (), set()
        for row in rows[2:]:
            if not row or not any(row):
                continue
            if scenario_of(row[0]) is not None:
                scenario = scenario_of(row[0])
                continue
            cells = list(zip(years, row[first:]))
            labels = [(i, row[i]) for i in [0, *groups, service] if row[i].startswith("Total ")]
            if row[0] and row[service] and row[subjective]:
                partner, path = row[0], tuple(row[i] for i in groups)
                for year, cell in cells:
                    key = (scenario, row[0], path, row[service], row[subjective],
                           row[provider] if provider is not None else "", year)
                    self.same(f"Revenue {key}", pence(cell), lines.get(key))
                    seen.add(key)
            elif labels and labels[0][0] == service:
                for year, cell in cells:
                    key = (scenario, "service", partner, row[service][6:], year)
                    self.same(f"Revenue subtotal {key}", pence(cell), totals[key])
            elif labels and labels[0][0] in groups:
                level = groups.index(labels[0][0])
                if path[level] != row[labels[0][0]][6:]:
                    self.failures.append(f"Revenue: {row[labels[0][0]]} after the group {path[level]}'s lines")
                for year, cell in cells:
                    key = (scenario, "group", level, partner, path[: level + 1], year)
                    self.same(f"Revenue subtotal {key}", pence(cell), totals[key])
            elif row[0].startswith("Total "):
                for year, cell in cells:
                    key = (scenario, "partner", row[0][6:], year)
                    self.same(f"Revenue subtotal {key}", pence(cell), totals[key])
            elif row[0] == "Net budget requirement":
                for year, cell in cells:
                    key = (scenario, "net_budget_requirement", year)
                    self.same(f"Revenue total {key}", pence(cell), engine[key])
        for key in set(lines) - seen:
            self.failures.append(f"Revenue lacks {key}")


CONSEQUENCES = {"Minimum revenue provision": "mrp", "Interest": "interest",
                "Running costs": "running_costs"}


def check_capital(check, rows, capital):
    """The Capital sheet: spend by scheme, funding by source, the check row,
    the revenue consequences, and their totals."""
    years = years_of(rows[1], 2)
    sums = defaultdict(int)
    for (scenario, scheme, measure, year), value in capital.items():
        sums[(scenario, measure, year)] += value
    consequences = ("mrp", "interest", "running_costs")
    scenario = None
    for row in rows[2:]:
        if not row or not any(row):
            continue
        if scenario_of(row[0]) is not None:
            scenario = scenario_of(row[0])
            continue
        if scenario is None:
            continue
        label = row[1]
        if row[0]:  # a scheme's spend
            want = lambda y: capital[(scenario, label, "spend", y)]
        elif label == "Total spend":
            want = lambda y: sums[(scenario, "spend", y)]
        elif label.startswith("Funded by "):
            source = label[len("Funded by "):].split(" ")[0]
            want = lambda y, s=source: sums[(scenario, s, y)]
        elif label == "Total funding":
            want = lambda y: sum(sums[(scenario, s, y)] for s in
                                 ("grant", "borrowing", "receipts", "contributions", "revenue"))
        elif label.startswith("Check"):
            want = lambda y: 0
        elif label in CONSEQUENCES:
            want = lambda y, m=CONSEQUENCES[label]: sums[(scenario, m, y)]
        elif label.startswith("Revenue consequences"):
            want = lambda y: sum(sums[(scenario, m, y)] for m in consequences)
        else:
            continue
        for year, cell in zip(years, row[2:]):
            check.same(f"Capital {scenario} {label} {year}", pence(cell), want(year))


def check_pools(check, rows, pools):
    """The Pooled budgets sheet: each pool's contributions and their total,
    spend, variance, shares and their total, the check row and what each
    partner puts in and bears. A figure is in the sheet if and only if it is
    in pools.csv: the years before a pool starts are empty in the sheet and
    have no rows in the CSV."""
    years = years_of(rows[1], 1)
    blocks = {(s, p) for s, p, _, _, _ in pools}
    seen = set()
    block = None

    def get(partner, measure, year):
        key = (*block, partner, measure, year)
        seen.add(key)
        if key not in pools:
            check.failures.append(f"Pools {key}: the sheet has a figure, pools.csv has none")
        return pools.get(key, 0)

    for row in rows[2:]:
        if not row or not row[0]:
            continue
        heading = [b for b in blocks if row[0].startswith(f"{b[0]}: {b[1]} (host ")]
        if heading:
            block = heading[0]
            continue
        if block is None:
            continue
        label = row[0]
        if label.startswith("Contribution: "):
            want = lambda y, p=label[len("Contribution: "):]: get(p, "contribution", y)
        elif label == "Total contributions":
            want = lambda y: get("*", "contribution", y)
        elif label.startswith("Spend"):
            want = lambda y: get("*", "spend", y)
        elif label.startswith("Variance") or label == "Total shares":
            want = lambda y: get("*", "variance", y)
        elif label.startswith("Share of the variance: "):
            partner = label[len("Share of the variance: "):].split(" (host")[0]
            want = lambda y, p=partner: get(p, "share", y)
        elif label.startswith("Check"):
            want = lambda y: 0
        elif label.endswith(" puts in and bears"):
            partner = label[: -len(" puts in and bears")]
            want = lambda y, p=partner: get(p, "contribution", y) + get(p, "share", y)
        else:
            continue
        for year, cell in zip(years, row[1:]):
            if cell != "":
                check.same(f"Pools {block} {label} {year}", pence(cell), want(year))
    for key in sorted(set(pools) - seen):
        check.failures.append(f"Pools {key}: pools.csv has a figure, the sheet has none")


PLACEMENT_MEASURES = {
    "Placed at the start of the year": "opening", "Arrivals": "arrivals", "Leavers": "leavers",
    "Added or moved by the scenario": "added", "Placed at the end of the year": "closing", "Weeks of placement": "weeks",
    "Weekly cost": "weekly_cost", "Cost": "cost",
    "Demand pressure (cost less the base cost rolled forward)": "pressure",
}


def check_placements(check, rows, placements):
    """The Placements sheet: each type's numbers, weeks, weekly cost, cost and
    demand pressure by year, and each scenario's totals of cost and pressure
    (numbers of children and weeks to two places, as the CSV has them)."""
    years = years_of(rows[1], 1, "")
    types = {t for _, t, _, _ in placements}
    scenario = kind = None
    for row in rows[2:]:
        if not row or not row[0]:
            continue
        if scenario_of(row[0]) is not None:
            scenario, kind = scenario_of(row[0]), None
        elif row[0] in types:
            kind = row[0]
        elif row[0] in PLACEMENT_MEASURES and kind:
            measure = PLACEMENT_MEASURES[row[0]]
            for year, cell in zip(years, row[1:]):
                check.same(f"Placements {scenario} {kind} {measure} {year}", pence(cell),
                           placements[(scenario, kind, measure, year)])
        elif row[0] in ("Total cost of placements", "Total demand pressure"):
            measure = "cost" if "cost" in row[0] else "pressure"
            for year, cell in zip(years, row[1:]):
                want = sum(placements[(scenario, t, measure, year)] for t in types)
                check.same(f"Placements {scenario} {row[0]} {year}", pence(cell), want)


def check_staffing(check, rows, staffing):
    """The Staffing sheet's pay bills: each service's pay bill after its
    vacancy factor, its Employees budget and the difference, by scenario and
    year."""
    scenario = years = None
    bill = budget = None
    for row in rows[2:]:
        if scenario and len(row) > 1 and not row[0] and row[1].endswith(" £"):
            years = years_of(row, 1)  # the years over a scenario's pay bills
            continue
        if not row or not row[0]:
            continue
        if row[0].endswith(": pay bill after the vacancy factor, against the Employees budget"):
            scenario, years = scenario_of(row[0][: row[0].rindex(": pay bill after")]), None
        elif scenario and years and row[0].endswith(": pay bill"):
            service = row[0][: -len(": pay bill")]
            bill = {y: staffing[(scenario, service, "*", "pay_bill", y)] for y in years}
            for year, cell in zip(years, row[1:]):
                check.same(f"Staffing {scenario} {service} pay bill {year}", pence(cell), bill[year])
        elif scenario and years and row[0].endswith(": Employees budget"):
            service = row[0][: -len(": Employees budget")]
            budget = {y: staffing[(scenario, service, "*", "budget", y)] for y in years}
            for year, cell in zip(years, row[1:]):
                check.same(f"Staffing {scenario} {service} budget {year}", pence(cell), budget[year])
        elif scenario and years and row[0].startswith("Difference") and bill and budget:
            for year, cell in zip(years, row[1:]):
                check.same(f"Staffing {scenario} difference {year}", pence(cell), bill[year] - budget[year])
        elif row[0].startswith("Posts"):
            break


CHANGE_ROW = "Change on the year before: the Summary's Savings"


def check_savings(check, rows, savings, engine):
    """The Savings tracker: each saving's id and title and its planned and
    risk-adjusted delivery (the sheet's savings in the CSV's order, cashable
    ones first as the sheet has them, as a saving may have no id), the
    cashable totals each way, the change on the
    year before in the total the plan counts, and the gap the other way of
    counting would leave (the Summary's gap, plus the difference of the
    totals). The tracker has every saving of the plan: for every scenario
    and projection year, the change in savings.csv's cashable total (planned,
    or risk-adjusted when the plan counts them so) and the sheet's change row
    are the Summary's savings."""
    years = years_of(rows[1], 5)
    counted = "risk_adjusted" if "the plan counts them risk-adjusted" in rows[0][0] else "planned"
    listed = defaultdict(list)  # scenario: each saving's {(measure, year): pence, "id": id, ...}
    total = defaultdict(int)
    for r in sorted(savings, key=lambda r: r["type"] != "cashable"):  # stable: the CSV's order
        if r["measure"] == "planned" and r["year"] == years[0]:
            listed[r["scenario"]].append({"id": r["id"], "title": r["title"]})
        listed[r["scenario"]][-1][(r["measure"], r["year"])] = pence(r["amount"])
        if r["type"] == "cashable":
            total[(r["scenario"], r["measure"], r["year"])] += pence(r["amount"])
    change = lambda scenario, y: (total[(scenario, counted, y)]
                                  - total[(scenario, counted, years[years.index(y) - 1])])
    for (scenario, line, year), want in engine.items():
        if line == "savings":
            check.same(f"{scenario} cashable savings ({counted}), change on the year before {year}",
                       change(scenario, year), want, "savings.csv", "summary.csv")
    scenario, index, changes = None, -1, set()
    for row in rows[2:]:
        if not row or not any(row):
            continue
        if scenario_of(row[0]) is not None:
            scenario, index = scenario_of(row[0]), -1
            continue
        if len(row) > 4 and row[4] in ("planned", "risk-adjusted"):
            index += row[4] == "planned"
            if row[4] == "planned":
                saving = listed[scenario][index]
                check.compared += 1
                if (row[0], row[1]) != (saving["id"], saving["title"]):
                    check.failures.append(f"Savings {scenario}: the sheet has {row[0]!r}, {row[1]!r}, "
                                          f"savings.csv {saving['id']!r}, {saving['title']!r}")
            measure = row[4].replace("-", "_")
            want = lambda y: listed[scenario][index][(measure, y)]
        elif row[1] == "Cashable savings, planned":
            want = lambda y: total[(scenario, "planned", y)]
        elif row[1] == "Cashable savings, risk-adjusted":
            want = lambda y: total[(scenario, "risk_adjusted", y)]
        elif row[1] == CHANGE_ROW:
            changes.add(scenario)
            for year, cell in zip(years[1:], row[6:]):
                check.same(f"Savings {scenario} {CHANGE_ROW} {year}", pence(cell),
                           engine[(scenario, "savings", year)])
            continue
        elif row[1] == "Gap if every saving were delivered as planned":
            want = lambda y: (engine[(scenario, "gap", y)] + total[(scenario, "planned", y)]
                              - total[(scenario, "risk_adjusted", y)])
        elif row[1] == "Gap if savings are delivered at their RAG weights":
            want = lambda y: (engine[(scenario, "gap", y)] + total[(scenario, "risk_adjusted", y)]
                              - total[(scenario, "planned", y)])
        else:
            continue
        for year, cell in zip(years, row[5:]):
            check.same(f"Savings {scenario} {row[0] or row[1]} {row[4] if len(row) > 4 else ''} {year}",
                       pence(cell), want(year))
    for scenario in sorted({s for s, _, _ in engine} - changes):
        check.failures.append(f"Savings {scenario}: no row {CHANGE_ROW!r}")


ENTERS = {"pressure": "pressures", "saving": "savings", "other change": "other_changes"}


def check_audit(check, rows, engine):
    """The Audit sheet against the Summary: an effect is a level (what the
    change adds to the budget in that year), and a Summary line is a change
    on the year before, so for every scenario and projection year the
    change in the effects that enter the plan as pressures, savings and
    other changes, each added up, is the Summary's pressures, savings and
    other changes (reported-only savings are in neither)."""
    years = years_of(rows[1], 10)
    levels = defaultdict(int)
    for row in rows[2:]:
        if row and row[0] == "Notes from the scripts":
            break
        if len(row) > 7 and row[7] in ENTERS:
            for year, cell in zip(years, row[10:]):
                levels[(row[0], ENTERS[row[7]], year)] += pence(cell) if cell else 0
    for (scenario, line, year), want in engine.items():
        if line in ENTERS.values():
            before = years[years.index(year) - 1]
            got = levels[(scenario, line, year)] - levels[(scenario, line, before)]
            check.same(f"Audit {scenario} {line} {year} (change on {before})", got, want)


MONITORING_COLUMNS = {
    "Budget £": "budget", "Profile to date £": "profile_to_date", "Actual to date £": "actual_to_date",
    "Variance to date £": "variance_to_date", "Forecast outturn £": "forecast_outturn",
    "Forecast variance £": "forecast_variance", "Recurring £": "recurring_variance",
}


def check_monitoring(check, rows, monitoring):
    """The Monitoring sheet: each service's figures and RAG, and the total's,
    against monitoring.csv's service (partner and subjective "*") and total
    (all "*") rows, which add up its lines; the variance as a share of the
    budget; and the largest variances' list: monitoring.csv's lines of the
    largest forecast variance, largest first, each with its figures and RAG."""
    figures = {(r["partner"], r["service"], r["subjective"], r["measure"]): pence(r["amount"]) for r in monitoring}
    rags = {(r["partner"], r["service"], r["subjective"]): r["rag"].capitalize() for r in monitoring}
    sums = defaultdict(int)
    for (partner, service, subjective, measure), value in figures.items():
        if partner != "*":
            sums[("*", service, "*", measure)] += value
            sums[("*", "*", "*", measure)] += value
    for key, value in sums.items():
        check.same(f"monitoring.csv {key}, its lines added up", value, figures.get(key), "monitoring.csv", "its total")
    header = next(i for i, row in enumerate(rows) if row and row[0] == "Service")
    columns = {c: MONITORING_COLUMNS[name] for c, name in enumerate(rows[header]) if name in MONITORING_COLUMNS}
    seen = set()
    for row in rows[header + 1:]:
        if not row or not row[0]:
            break
        key = ("*", "*", "*") if row[0] == "Total" else ("*", row[0], "*")
        seen.add(key)
        for c, measure in columns.items():
            check.same(f"Monitoring {key[1]} {measure}", pence(row[c]), figures.get((*key, measure)))
        budget, variance = figures[(*key, "budget")], figures[(*key, "forecast_variance")]
        check.compared += 1
        got = float(row[7].rstrip("%")) / (100 if row[7].endswith("%") else 1)
        if abs(got - (variance / budget if budget else 0)) > 1e-9:
            check.failures.append(f"Monitoring {key[1]} variance %: the sheet has {row[7]}")
        check.compared += 1
        if row[8] != rags[key]:
            check.failures.append(f"Monitoring {key[1]} RAG: the sheet has {row[8]}, monitoring.csv {rags[key]}")
    for key in rags:
        if key[0] == "*" and key not in seen:
            check.failures.append(f"Monitoring lacks {key}")
    lines = [k for k in rags if k[0] != "*" and figures[(*k, "forecast_variance")] != 0]
    lines.sort(key=lambda k: -abs(figures[(*k, "forecast_variance")]))  # stable: the CSV's order
    start = next(i for i, row in enumerate(rows) if row and row[0] == "Largest forecast variances") + 2
    listed = [row for row in rows[start:] if row and row[0] and row[0] != "Every line is forecast on budget."]
    check.compared += 1
    if len(listed) != min(len(lines), 10):
        check.failures.append(f"Monitoring lists {len(listed)} variances, monitoring.csv has {len(lines)}")
    for row, key in zip(listed, lines):
        check.compared += 1
        if not row[0].startswith(f"{key[1]}: {key[2]}") or row[3] != rags[key]:
            check.failures.append(f"Monitoring's list has {row[0]!r} ({row[3]}) where monitoring.csv's "
                                  f"largest variance is {key} ({rags[key]})")
        check.same(f"Monitoring list {key} variance", pence(row[1]), figures[(*key, "forecast_variance")])
        check.same(f"Monitoring list {key} recurring", pence(row[2]), figures[(*key, "recurring_variance")])


def check_risks(check, rows, risks, engine):
    """The Risks sheet: each scenario's heat map (the ids in each cell are the
    register's risks of that likelihood and severity), its register (every
    risk of risks.csv, the highest score first, with its scores, band,
    probability, impact and expected cost by year), the expected cost of the
    risks, the gap and the gap with risks against summary.csv (a block whose
    register is Base's has the totals alone)."""
    register = defaultdict(list)  # scenario: its risks in risks.csv's order
    expected = {}
    for r in risks:
        if r["measure"] != "expected":
            continue
        if not register[r["scenario"]] or register[r["scenario"]][-1]["id"] != r["id"]:
            register[r["scenario"]].append(r)
        expected[(r["scenario"], r["id"], r["year"])] = pence(r["amount"])
    scenario, years, listed, heat, seen = None, [], [], {}, set()

    def end_block():
        if scenario is None or not listed:
            return
        want = [r["id"] for r in register[scenario]]
        check.compared += 1
        if listed != want:
            check.failures.append(f"Risks {scenario}: the sheet lists {listed}, risks.csv {want}")
        scores = [int(r["score"]) for r in register[scenario]]
        if scores != sorted(scores, reverse=True):
            check.failures.append(f"Risks {scenario}: risks.csv is not the highest score first")
        for (likelihood, severity), ids in heat.items():
            want = sorted(r["id"] for r in register[scenario]
                          if (r["likelihood"], r["severity"]) == (likelihood, severity))
            check.compared += 1
            if sorted(ids) != want:
                check.failures.append(f"Risks {scenario} heat map {likelihood} x {severity}: "
                                      f"the sheet has {sorted(ids)}, risks.csv {want}")

    severities = []
    for row in rows[2:]:
        if not row or not any(row):
            continue
        if scenario_of(row[0]) is not None:
            end_block()
            scenario, listed, heat = scenario_of(row[0]), [], {}
            seen.add(scenario)
        elif row[0].startswith("Its register is Base's"):
            continue
        elif not row[0] and row[1] == "Likelihood by severity":
            severities = [c[len("Severity "):] for c in row[2:6]]
        elif not row[0] and row[1].startswith("Likelihood ") and scenario is not None:
            for severity, cell in zip(severities, row[2:6]):
                heat[(row[1][len("Likelihood "):], severity)] = [i for i in cell.split(", ") if i]
        elif row[0] == "Id":
            years = [c[: -len(" expected £")] for c in row[11:] if c.endswith(" expected £")]
        elif row[0] and scenario is not None:
            r = next((r for r in register[scenario] if r["id"] == row[0]), None)
            listed.append(row[0])
            if r is None:
                check.failures.append(f"Risks {scenario}: {row[0]} is not in risks.csv")
                continue
            got = (row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8])
            want = (r["title"], r["likelihood"], r["severity"], r["score"], r["band"], r["service"],
                    r["owner"], r["mitigation"])
            check.compared += 1
            if got != want:
                check.failures.append(f"Risks {scenario} {row[0]}: the sheet has {got}, risks.csv {want}")
            if r["status"] == "materialised":
                check.compared += 1
                if row[9] != "materialised":
                    check.failures.append(f"Risks {scenario} {row[0]}: materialised, the sheet says {row[9]!r}")
            else:
                check.same(f"Risks {scenario} {row[0]} probability", share(row[9]),
                           share(r["probability"]))
            if r["impact"]:
                check.same(f"Risks {scenario} {row[0]} impact", pence(row[10]), pence(r["impact"]))
            for year, cell in zip(years, row[11:]):
                want = expected[(scenario, row[0], year)]
                check.same(f"Risks {scenario} {row[0]} expected {year}", pence(cell) if cell else 0, want)
        elif row[1] in ("Expected cost of risks", "Gap (the Summary's)", "Gap with risks"):
            line = {"Expected cost of risks": "expected_risk_cost", "Gap (the Summary's)": "gap",
                    "Gap with risks": "gap_with_risks"}[row[1]]
            for year, cell in zip(years, row[11:]):
                check.same(f"Risks {scenario} {row[1]} {year}", pence(cell), engine[(scenario, line, year)])
    end_block()
    for scenario in sorted(set(register) - seen):
        check.failures.append(f"Risks: no block for {scenario}")


STATISTICS = {"Mean": "mean", "Standard deviation": "sd", "Lowest": "min", "Highest": "max"}


def read_table(path):
    try:
        return list(csv.DictReader(open(path, encoding="utf-8")))
    except FileNotFoundError:
        return None


def part(check, sheets, pack, engine_dir, table, sheet):
    """The rows of a part's table, which every run writes: none (the header alone) when the
    model lacks the part, and then the pack has no sheet for it."""
    rows = read_table(f"{engine_dir}/{table}")
    if rows is None:
        check.failures.append(f"{table} was not written")
        return []
    if not rows and os.path.exists(f"{sheets}/{pack}-{sheet}.csv"):
        check.failures.append(f"{table} has no rows, but the pack has a {sheet} sheet")
    return rows


def statistic_of(label):
    if label in STATISTICS:
        return STATISTICS[label]
    if label.endswith("th percentile"):
        return "p" + label.split("th")[0]
    return None


def share(text):
    """A chance in tenths of a percent: LibreOffice exports a share as shown
    ("12.5%", the sheet's format), the engine to full precision."""
    value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    return round(value * 1000)


def check_simulation(check, rows, table, runs, risks):
    """Every statistic of every simulated scenario, year by year; the chances
    of a shortfall as shares; and every run's figures, which the statistics'
    formulas read: the sheet keeps them in a collapsed group of hidden rows,
    which must still be there (and exported) for the formulas to mean
    anything."""
    want = {(r["scenario"], r["measure"], r["statistic"], r["year"]): r["value"] for r in table}
    want_runs = {(r["scenario"], r["run"], r["measure"], r["year"]): pence(r["amount"]) for r in runs}
    seen_runs = set()
    scenario = measure = run_columns = None
    for row in rows:
        if not row or not row[0]:
            continue
        if scenario_of(row[0]) is not None:
            scenario, run_columns = scenario_of(row[0]), None
        elif row[0].startswith("Gap (") or row[0] == "Net budget requirement" or row[0].startswith("Gap with risks"):
            measure = ("gap_with_risks" if row[0].startswith("Gap with risks") else
                       "gap" if row[0].startswith("Gap") else "net_budget_requirement")
            years = years_of(row, 1)
        elif row[0].startswith("Risks that most often take the gap above "):
            measure, ranked = "risks", []
        elif row[0].startswith(("Fan chart: ", "Every run", "Histogram")):
            measure = None
        elif measure == "risks" and row[0] != "Risk":
            risk = row[0].split(": ")[0]
            ranked.append(risk)
            want_risk = {r["measure"]: r for r in risks if r["scenario"] == scenario and r["risk"] == risk}
            check.same(f"Simulation {scenario} {risk} probability", share(row[1]),
                       share(want_risk["materialised"]["probability"]))
            check.same(f"Simulation {scenario} {risk} materialised", share(row[2]),
                       share(want_risk["materialised"]["value"]))
            check.same(f"Simulation {scenario} {risk} pushed over", share(row[3]),
                       share(want_risk["pushed_over"]["value"]))
            order = [r["risk"] for r in risks if r["scenario"] == scenario and r["measure"] == "materialised"]
            if len(ranked) == len(order) and ranked != order:
                check.failures.append(f"Simulation {scenario}: the risks are {ranked}, simulation-risks.csv {order}")
        elif row[0] == "Run":  # "2005/06 gap £", ..., "2005/06 NBR £", ..., "2005/06 gap with risks £"
            run_columns = [(c[:-len(" gap with risks £")], "gap_with_risks") if c.endswith(" gap with risks £") else
                           (c[:-len(" gap £")], "gap") if c.endswith(" gap £") else
                           (c[:-len(" NBR £")], "net_budget_requirement") for c in row[1:] if c]
        elif run_columns is not None:
            for (year, which), cell in zip(run_columns, row[1:]):
                key = (scenario, row[0], which, year)
                if key not in want_runs:
                    check.failures.append(f"Simulation has run {key}, which simulation-runs.csv has not")
                    continue
                check.same(f"Simulation run {key}", pence(cell), want_runs[key])
                seen_runs.add(key)
        elif measure and statistic_of(row[0]):
            for year, cell in zip(years, row[1:]):
                key = (scenario, measure, statistic_of(row[0]), year)
                check.same(f"Simulation {key}", pence(cell), pence(want[key]))
        elif measure in ("gap", "gap_with_risks") and row[0].startswith("Chance the gap"):
            threshold = row[0].split(" is above ")[1].replace("£", "").replace(",", "")
            negative = threshold.startswith("(")
            threshold = f"{'-' if negative else ''}{threshold.strip('()')}"
            for year, cell in zip(years, row[1:]):
                key = (scenario, measure, f"share_above_{threshold}", year)
                check.same(f"Simulation {key}", share(cell), share(want[key]))
    for scenario in {r["scenario"] for r in risks}:
        if not any(key[0] == scenario and key[1] == "gap_with_risks" for key in want):
            check.failures.append(f"Simulation {scenario}: simulation-risks.csv has risks, simulation.csv no gap with risks")
    missing = set(want_runs) - seen_runs
    if missing:
        check.failures.append(f"Simulation lacks {len(missing)} figures of the runs, such as {min(missing)}")


def check_sweep(check, rows, sweep, tornado, by_year):
    """The grid's gaps, the tornado's bars, and the tornado by year (each year's change and the
    plan's, which the sheet sums with a formula)."""
    section = None
    changes = {(r["scenario"], r["param"], r["side"], r["year"]): pence(r["effect"]) for r in by_year}
    for row in rows:
        if not row or not row[0]:
            continue
        if row[0].startswith("The gap by year at each point"):
            section = "grid"
        elif row[0].startswith("Tornado by year"):
            section = "by_year"
        elif row[0].startswith("Tornado"):
            section = "tornado"
        elif section == "by_year" and row[0] == "Scenario":
            years = [c.removesuffix(" £") for c in row[4:] if c]
            years[-1] = next(r["year"] for r in by_year if " to " in r["year"])
        elif section == "by_year" and not row[0].startswith("The bars in the order"):
            for year, cell in zip(years, row[4:]):
                check.same(f"Tornado by year {row[0]} {row[1]} {row[2]} {year}", pence(cell),
                           changes[(row[0], row[1], row[2], year)])
        elif row[0] == "Scenario" and section == "grid":
            params = [c for c in row[1:] if c and not c.endswith(" £")]
            years = years_of(row, 1 + len(params))
            want = {}
            for r in sweep:
                key = (r["scenario"], *[float(r[p]) for p in params], r["year"])
                if r["measure"] == "gap":
                    want[key] = pence(r["amount"])
        elif section == "grid":
            values = [float(c) for c in row[1:1 + len(params)]]
            for year, cell in zip(years, row[1 + len(params):]):
                check.same(f"Sweep {row[0]} {values} {year}", pence(cell), want[(row[0], *values, year)])
        elif section == "tornado" and row[0] not in ("Scenario", "Params that declare low and high; the largest swing first."):
            bars = {(r["scenario"], r["param"], r["side"]): r for r in tornado}
            for side, gap_col, change_col in (("low", 4, 7), ("high", 5, 8)):
                bar = bars[(row[0], row[1], side)]
                check.same(f"Tornado {row[0]} {row[1]} {side} gap", pence(row[gap_col]), pence(bar["final_year_gap"]))
                check.same(f"Tornado {row[0]} {row[1]} {side} change", pence(row[change_col]), pence(bar["effect"]))


def main():
    sheets, pack, engine_dir = sys.argv[1:4]
    engine = {(r["scenario"], r["line"], r["year"]): pence(r["amount"])
              for r in csv.DictReader(open(f"{engine_dir}/summary.csv", encoding="utf-8"))}
    # revenue.csv has a model's groups (group, or group1 and group2) and providers where it has them
    lines = {(r["scenario"], r["partner"], tuple(r[g] for g in ("group", "group1", "group2") if g in r),
              r["service"], r["subjective"], r.get("provider", ""), r["year"]): pence(r["amount"])
             for r in csv.DictReader(open(f"{engine_dir}/revenue.csv", encoding="utf-8"))}
    check = Checker()
    check.summary(read_rows(f"{sheets}/{pack}-Summary.csv"), engine)
    simulation = read_table(f"{engine_dir}/simulation.csv")
    sweep = read_table(f"{engine_dir}/sweep.csv")
    check.compare(read_rows(f"{sheets}/{pack}-Compare.csv"), engine, simulation, sweep)
    check.revenue(read_rows(f"{sheets}/{pack}-Revenue.csv"), lines, engine)
    check_audit(check, read_rows(f"{sheets}/{pack}-Audit.csv"), engine)
    # Every run writes these tables; a part the model lacks has the header row alone, and no sheet.
    capital = part(check, sheets, pack, engine_dir, "capital.csv", "Capital")
    if capital:
        check_capital(check, read_rows(f"{sheets}/{pack}-Capital.csv"),
                      {(r["scenario"], r["scheme"], r["measure"], r["year"]): pence(r["amount"]) for r in capital})
    pools = part(check, sheets, pack, engine_dir, "pools.csv", "Pooled budgets")
    if pools:
        check_pools(check, read_rows(f"{sheets}/{pack}-Pooled budgets.csv"),
                    {(r["scenario"], r["pool"], r["partner"], r["measure"], r["year"]): pence(r["amount"])
                     for r in pools})
    placements = part(check, sheets, pack, engine_dir, "placements.csv", "Placements")
    if placements:
        table = {(r["scenario"], r["type"], r["measure"], r["year"]): pence(r["value"]) for r in placements}
        check_placements(check, read_rows(f"{sheets}/{pack}-Placements.csv"), table)
    savings = part(check, sheets, pack, engine_dir, "savings.csv", "Savings")
    if savings:
        check_savings(check, read_rows(f"{sheets}/{pack}-Savings.csv"), savings, engine)
    else:  # no tracker: then the plan has no savings
        for key, value in engine.items():
            if key[1] == "savings" and value != 0:
                check.failures.append(f"Summary {key} is {value / 100:.2f} but savings.csv has no saving")
    risks = part(check, sheets, pack, engine_dir, "risks.csv", "Risks")
    if risks:
        check_risks(check, read_rows(f"{sheets}/{pack}-Risks.csv"), risks, engine)
    elif any(line in ("expected_risk_cost", "gap_with_risks") for _, line, _ in engine):
        check.failures.append("summary.csv has risk lines but risks.csv no risk")
    staffing = part(check, sheets, pack, engine_dir, "staffing.csv", "Staffing")
    if staffing:
        table = {(r["scenario"], r["service"], r["category"], r["measure"], r["year"]): pence(r["value"])
                 for r in staffing if r["measure"] in ("pay_bill", "budget")}
        check_staffing(check, read_rows(f"{sheets}/{pack}-Staffing.csv"), table)
    monitoring = part(check, sheets, pack, engine_dir, "monitoring.csv", "Monitoring")
    if monitoring:
        check_monitoring(check, read_rows(f"{sheets}/{pack}-Monitoring.csv"), monitoring)
    if simulation is not None:
        check_simulation(check, read_rows(f"{sheets}/{pack}-Simulation.csv"), simulation,
                         read_table(f"{engine_dir}/simulation-runs.csv") or [],
                         read_table(f"{engine_dir}/simulation-risks.csv") or [])
    tornado = read_table(f"{engine_dir}/tornado.csv")
    if sweep is not None or tornado is not None:
        check_sweep(check, read_rows(f"{sheets}/{pack}-Sweep.csv"), sweep or [], tornado or [],
                    read_table(f"{engine_dir}/tornado-by-year.csv") or [])
    for failure in check.failures[:40]:
        print(failure, file=sys.stderr)
    if check.failures or check.compared == 0:
        print(f"{len(check.failures)} of {check.compared} figures differ", file=sys.stderr)
        sys.exit(1)
    print(f"{check.compared} figures agree")


main()
