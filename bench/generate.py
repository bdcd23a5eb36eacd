"""A synthetic large authority, deterministic from a seed.

    python3 bench/generate.py OUT_DIR --lines 50000 --scenarios 10 --years 10 [--seed 1]
        [--revenue-only]

Writes OUT_DIR/model.lua, revenue.csv, funding.csv, capital.csv (SCHEMES
schemes, spend every year), paypoints.csv and establishment.csv (POSTS
posts), placements.csv (PLACEMENTS types) and scenario scripts (scenarios - 1
of them, so that the run holds that many with Base). --revenue-only leaves
out the capital programme, the establishment and the placements (and the
scripts' staffing and placement changes): the model bench/reference.py
projects too. The
generator uses its own linear congruential generator so that the same seed
gives the same files on any Python."""
import argparse
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
    args.add_argument("--placements", type=int, default=3000)
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--revenue-only", action="store_true")
    a = args.parse_args()
    if a.revenue_only:
        a.schemes = a.posts = a.placements = 0
    rng = Lcg(a.seed)
    os.makedirs(os.path.join(a.out, "scripts"), exist_ok=True)
    services = max(1, a.lines // 5)  # about five lines a service: each its own subjective
    with open(os.path.join(a.out, "revenue.csv"), "w") as f:
        f.write("partner,service,cost_centre,subjective,amount\n")
        for i in range(a.lines):
            service = i % services
            subjective = SUBJECTIVES[(i // services) % len(SUBJECTIVES)]
            pence = 100000 + rng.next(50000000)  # £1,000 to £501,000
            if subjective in ("Customer and Client Receipts", "Government Grants"):
                pence = -pence
            sign = "-" if pence < 0 else ""
            f.write(f"{PARTNERS[service % len(PARTNERS)]},Service {service},CC{i:06d},{subjective},"
                    f"{sign}{abs(pence) // 100}.{abs(pence) % 100:02d}\n")
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
                f.write(f'placements.add {{ type = "Type {s}", count = 2, from = "2011-10" }}\n')
    if a.posts:
        write_staffing(a, rng, services)
    if a.placements:
        write_placements(a, rng, services)
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


def write_staffing(a, rng, services):
    with open(os.path.join(a.out, "paypoints.csv"), "w") as f:
        f.write("grade,point,salary\n")
        for point in range(10):
            f.write(f"Grade,{point},{20000 + 1000 * point}.00\n")
    with open(os.path.join(a.out, "establishment.csv"), "w") as f:
        f.write("post_id,service,title,category,fte,grade,point,salary,status,start,end,funding\n")
        for k in range(a.posts):
            f.write(f"P{k},Service {rng.next(services)},Post,Front Line,{(1 + rng.next(10)) / 10},"
                    f"Grade,{rng.next(10)},,{'vacant' if rng.next(10) == 0 else 'filled'},,,\n")


def write_placements(a, rng, services):
    with open(os.path.join(a.out, "placements.csv"), "w") as f:
        f.write("type,service,count,weekly_cost,arrivals,average_weeks\n")
        for k in range(a.placements):
            count = 1 + rng.next(20)
            f.write(f"Type {k},Service {rng.next(services)},{count},{300 + rng.next(3000)}.00,"
                    f"{count / 2},104\n")


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
