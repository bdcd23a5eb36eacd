"""A synthetic large authority, deterministic from a seed.

    python3 bench/generate.py OUT_DIR --lines 50000 --scenarios 10 --years 10 [--seed 1]
        [--schemes 500] [--posts 10000] [--grades 1] [--placements 3000] [--revenue-only]

Writes OUT_DIR/model.lua, revenue.csv, funding.csv, capital.csv (SCHEMES
schemes, spend every year), paypoints.csv (GRADES grades of ten points) and
establishment.csv (POSTS posts, the grades in turn), placements.csv
(PLACEMENTS types) and scenario scripts (scenarios - 1 of them, so that the run
holds that many with Base). A service's Employees and
Third Party Payments lines are what its posts and placements cost in the base
year, so the model reconciles (mtfp check finds nothing). --revenue-only leaves
out the capital programme, the establishment and the placements (and the
scripts' staffing and placement changes): the model bench/reference.py
projects too. The
generator uses its own linear congruential generator so that the same seed
gives the same files on any Python."""
import argparse
import math
import os

SUBJECTIVES = ["Employees", "Premises", "Transport", "Supplies and Services",
               "Third Party Payments", "Support Services", "Customer and Client Receipts",
               "Government Grants"]
PARTNERS = ["Council", "Schools", "PCT", "Police"]


class Lcg:
    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n


def main():
    args = argparse.ArgumentParser()
    args.add_argument("out")
    args.add_argument("--lines", type=int, default=50000)
    args.add_argument("--scenarios", type=int, default=10)
    args.add_argument("--years", type=int, default=10)
    args.add_argument("--schemes", type=int, default=500)
    args.add_argument("--posts", type=int, default=10000)
    args.add_argument("--grades", type=int, default=1)
    args.add_argument("--placements", type=int, default=3000)
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--revenue-only", action="store_true")
    a = args.parse_args()
    if a.revenue_only:
        a.schemes = a.posts = a.placements = 0
    rng = Lcg(a.seed)
    os.makedirs(os.path.join(a.out, "scripts"), exist_ok=True)
    services = max(1, a.lines // 5)  # about five lines a service: each its own subjective
    lines = []  # [service, subjective, pence], written once the posts and placements are known
    for i in range(a.lines):
        service = i % services
        subjective = SUBJECTIVES[(i // services) % len(SUBJECTIVES)]
        pence = 100000 + rng.next(50000000)  # £1,000 to £501,000
        if subjective in ("Customer and Client Receipts", "Government Grants"):
            pence = -pence
        lines.append([service, subjective, pence])
    scripts = []
    for s in range(1, a.scenarios):
        name = f"scenario-{s:02d}.lua"
        scripts.append(f'"scripts/{name}"')
        with open(os.path.join(a.out, "scripts", name), "w") as f:
            f.write(f'scenario "Scenario {s}"\n')
            f.write(f'index("pay", {{ {0.01 + s / 1000:.3f}, 0.02 }})\n')
            for k in range(20):
                service = rng.next(services)
                m = rng.next(12)  # a month of the first projection year, April 2011 on
                month = f"{2011 if m < 9 else 2012}-{(m + 3) % 12 + 1:02d}"
                f.write(f'pressure {{ partner = "{PARTNERS[service % len(PARTNERS)]}", '
                        f'service = "Service {service}", subjective = "Third Party Payments", '
                        f'amount = {1000 * (1 + rng.next(500))}, from = "{month}" }}\n')
            f.write(f'saving {{ service = "*", percent = {s / 1000:.3f}, from = "2011/12" }}\n')
            if a.posts:
                f.write(f'staffing.vacancy {{ service = "*", rate = {s / 100:.2f} }}\n')
            if s < a.placements:
                f.write(f'placements.add {{ type = "Type {s}", count = 2, from = "2011-10", leave = "at the type\'s rate" }}\n')
    explained = {}  # (service, subjective): the base-year cost the establishment or placements give
    if a.posts:
        for service, bill in write_staffing(a, rng, services).items():
            explained[(service, "Employees")] = bill
    if a.placements:
        for service, cost in write_placements(a, rng, services).items():
            explained[(service, "Third Party Payments")] = cost
    with open(os.path.join(a.out, "revenue.csv"), "w") as f:
        f.write("partner,service,cost_centre,subjective,amount\n")
        for i, (service, subjective, pence) in enumerate(lines):
            # A service's Employees and Third Party Payments lines are what its posts and
            # placements cost, as in a budget built from them: the model reconciles.
            pence = explained.get((service, subjective), pence)
            sign = "-" if pence < 0 else ""
            f.write(f"{PARTNERS[service % len(PARTNERS)]},Service {service},CC{i:06d},{subjective},"
                    f"{sign}{abs(pence) // 100}.{abs(pence) % 100:02d}\n")
    if a.schemes:
        write_capital(a, rng, services)
    with open(os.path.join(a.out, "model.lua"), "w") as f:
        f.write(f'model {{ name = "Synthetic authority ({a.lines} lines)", base_year = "2010/11", '
                f'years = {a.years}, scenarios = {{ {", ".join(scripts)} }} }}\n')
        f.write('index("pay", 0.02)\nindex("prices", 0.025)\nindex("contracts", 0.03)\n')
        if a.schemes:
            f.write('capital { mrp = "annuity", interest_rate = 0.045, asset_life = 25 }\n')
        if a.posts:
            f.write('staffing { increment_month = 9, ni_rate = 0.138, ni_threshold = 9100, '
                    'pension_rate = 0.2, levy_rate = 0.005 }\n')
    with open(os.path.join(a.out, "funding.csv"), "w") as f:
        f.write("source,year,amount\n")
        for y in range(a.years + 1):
            f.write(f"Cash limit,{2010 + y}/{(2011 + y) % 100:02d},{a.lines * 25000 * (100 + 2 * y) // 100}.00\n")


def round_pence(x):
    """Half away from zero, as mtfp rounds."""
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)


def post_bill(point, fte):
    """A post's base-year cost in pence, as mtfp works it out with model.lua's staffing policy:
    point 0 to 9 of its grade (£20,000 + £1,000 a point in every grade), up a point from
    September (the increment month) to the top, NI at 13.8% above £9,100 a year, pension 20%, levy 0.5%."""
    total = 0.0
    for month in range(12):  # April to March
        salary = (20000 + 1000 * min(point + (1 if month >= 5 else 0), 9)) * 100
        monthly = salary * 1.0 * fte / 12.0
        above = monthly - 910000 / 12.0
        total += monthly + (0.138 * above if above > 0 else 0) + monthly * (0.2 + 0.005)
    return round_pence(total)


def write_staffing(a, rng, services):
    """The pay points and posts; returns each service's base-year pay bill in pence."""
    with open(os.path.join(a.out, "paypoints.csv"), "w") as f:
        f.write("grade,point,salary\n")
        for grade in range(a.grades):
            for point in range(10):
                f.write(f"Grade {grade},{point},{20000 + 1000 * point}.00\n")
    bills = {}
    with open(os.path.join(a.out, "establishment.csv"), "w") as f:
        f.write("post_id,service,title,category,fte,grade,point,salary,status,start,end,funding\n")
        for k in range(a.posts):
            service, fte, point = rng.next(services), (1 + rng.next(10)) / 10, rng.next(10)
            f.write(f"P{k},Service {service},Post,Front Line,{fte},"
                    f"Grade {k % a.grades},{point},,{'vacant' if rng.next(10) == 0 else 'filled'},,,\n")
            bills[service] = bills.get(service, 0) + post_bill(point, fte)
    return bills


def write_placements(a, rng, services):
    """The placement types; returns each service's base-year cost in pence (52 weeks of
    each child placed at the start)."""
    costs = {}
    with open(os.path.join(a.out, "placements.csv"), "w") as f:
        f.write("type,service,count,weekly_cost,arrivals,average_weeks\n")
        for k in range(a.placements):
            count = 1 + rng.next(20)
            service, weekly = rng.next(services), 300 + rng.next(3000)
            f.write(f"Type {k},Service {service},{count},{weekly}.00,{count / 2},104\n")
            costs[service] = costs.get(service, 0) + count * 52 * weekly * 100
    return costs


def write_capital(a, rng, services):
    with open(os.path.join(a.out, "capital.csv"), "w") as f:
        f.write("scheme,programme,service,year,spend,grant,borrowing,receipts,contributions,revenue\n")
        for k in range(a.schemes):
            service = rng.next(services)
            for y in range(a.years + 1):
                spend = 1000 * (1 + rng.next(2000))
                borrowing = spend * rng.next(101) // 100
                f.write(f'Scheme {k},Programme {k % 20},Service {service},{2010 + y}/{(2011 + y) % 100:02d},'
                        f'{spend}.00,{spend - borrowing}.00,{borrowing}.00,0,0,0\n')


main()
