---@meta mtfp
-- LuaLS annotations for mtfp scenario scripts and model.lua (docs/lua-api.md).
-- Add this directory to your editor's Lua library path for completion and checks.

---@alias mtfp.month string A month "2010-10", or a financial year "2010/11" (its April; its March for `to`).
---@alias mtfp.subjective
---| "Employees" | "Premises" | "Transport" | "Supplies and Services" | "Third Party Payments"
---| "Transfer Payments" | "Support Services" | "Capital Financing" | "Government Grants"
---| "Other Grants and Contributions" | "Customer and Client Receipts" | "Interest" | "Recharges"

---@class mtfp.item
---@field service string A service of revenue.csv, or "*" for every service.
---@field subjective? mtfp.subjective Required with `amount`; optional with `percent` (spend only when absent).
---@field partner? string Narrow to one partner (needed when several partners hold the service).
---@field cost_centre? string Narrow to one cost centre.
---@field group? string Narrow to the services of a group of revenue.csv's (either level).
---@field provider? "own"|"private"|"other public"|"voluntary" Narrow to a provider's lines; an amount's line gets it.
---@field amount? number Full-year effect in pounds at base-year prices (pressure/saving: positive).
---@field percent? number Share of each matching line's value each year: 0.03 is 3%.
---@field from mtfp.month First month with an effect: in a projection year (after the horizon: a warning).
---@field to? mtfp.month Last month with an effect (inclusive).
---@field inflate? boolean Grow an amount with its index (default true); not with percent.
---@field index? string Index for an amount (default: the subjective's); not with percent.
---@field id? string
---@field title? string
---@field reason? string Why: shown in the Audit sheet.

---@class mtfp.saving: mtfp.item
---@field type? "cashable"|"non-cashable" Non-cashable savings are reported, not budgeted.
---@field rag? "red"|"amber"|"green"|"R"|"A"|"G" Delivery confidence.

--- Name the scenario; `uses` builds it from other scenario scripts of this directory, run
--- in the order listed (their items, indices, params and actions add up; an index or param
--- two of them set differently is an error naming both lines). In a script another uses, it
--- names that part only.
---@param name string|{name: string, description?: string, uses?: string[]}
function scenario(name) end

--- Extra spend from a month: the Summary's Pressures line.
---@param item mtfp.item
function pressure(item) end

--- Less spend or more income from a month: the Summary's Savings line (cashable ones).
---@param item mtfp.saving
function saving(item) end

--- A signed change (other changes): amount < 0 is less net spend.
---@param item mtfp.item
function adjust(item) end

--- Set an index's rates per projection year (a single rate: every year).
---@param name string "pay", "prices", "contracts", "fees" or a new name
---@param rates number|number[]
function index(name, rates) end

---@class mtfp.funding
---@field source string
---@field amounts table<string, number> Pounds by financial year: { ["2006/07"] = 28e6 }
---@field to? string The last year it funds.
---@field index? string Years not given: the last amount grown by this index.

--- Set or add a funding source; in a scenario, `funding.change` changes one.
---@param source mtfp.funding
function funding(source) end

---@class mtfp.funding_change
---@field source string
---@field amount? number Pounds added a year (negative: taken away).
---@field percent? number A share of the source's amount: -1 is all of it.
---@field from string The first projection year changed.
---@field to? string The last (default: every later year).

--- Change a funding source in years from..to, after its amounts are worked out.
---@param change mtfp.funding_change
function funding.change(change) end

council_tax = {}

--- Band D's rise each projection year in this scenario (a list's last rate repeats).
---@param rates number|number[]
function council_tax.increase(rates) end

---@class mtfp.reserve_movement
---@field reserve? string One of model.lua's reserves{} (default "General reserve").
---@field amount number Pounds, more than 0.
---@field year string A projection year: "2011/12".
---@field reason? string

reserves = {}

--- A planned draw: funding ("Use of reserves") in its year.
---@param movement mtfp.reserve_movement
function reserves.draw(movement) end

--- A planned contribution: spending (the Reserves service, Appropriations) in its year.
---@param movement mtfp.reserve_movement
function reserves.contribute(movement) end

--- A number the command line can override with --set name=value; mtfp sweep --vary name=FROM:TO:STEP
--- varies it, and low and high (both or neither) give its bar in the tornado.
---@param name string
---@param default number
---@param options? {low?: number, high?: number, description?: string}
---@return number
function param(name, default, options) end

--- Run a script from the same directory; returns what it returns. An item a helper it
--- defines makes records the scenario script's line that called it, then the helper's:
--- "savings.lua:5 via common.lua:6" in the Audit sheet.
---@param file string
---@return any ...
function include(file) end

---@class mtfp.model
---@field name string
---@field organisation? string
---@field base_year string "2005/06"
---@field years? integer Projection years, 1 to 30 (default 3).
---@field scenarios? string[] Scenario scripts, relative to the model directory.
---@field inputs? table<string, string> File names by role: revenue, funding, actuals, forecast, ...
---@field limits? {instructions?: number, memory?: number}
---@field round_amounts? boolean Round input amounts with fractions of a penny (one finding says how many).

--- model.lua only: describe the model.
---@param description mtfp.model
function model(description) end

--- model.lua only: a total the source document states, checked against the lines.
---@param total {partner?: string, service?: string, amount: number, label?: string}
function control_total(total) end

--- In model.lua, `capital { ... }` sets the policy for the revenue consequences of borrowing;
--- in a scenario, `capital.slip` and the rest change the programme.
---@class mtfp.capital
---@overload fun(policy: {mrp?: "straight-line"|"annuity", interest_rate?: number, annuity_rate?: number, asset_life?: integer, lives?: table<string, integer>})
capital = {}

--- Move a share or an amount of a year's spend (and its funding) to a later year.
---@param slip {scheme?: string, programme?: string, year?: string, percent?: number, amount?: number, to_year?: string}
function capital.slip(slip) end

--- Add a scheme: spend by year (0 or more), funded by one source or by shares adding to 1;
--- asset_life in whole years, 1 to 200.
---@param scheme {scheme: string, programme: string, service: string, partner?: string, spend: table<string, number>, funding: string|table<string, number>, asset_life?: integer, running_costs?: number, running_from?: string}
function capital.add(scheme) end

--- New spend (0 or more) for the years given, funded in the scheme's overall mix.
---@param reprofile {scheme: string, spend: table<string, number>}
function capital.reprofile(reprofile) end

--- Swap an amount of a year's funding from one source to another.
---@param fund {scheme: string, year: string, from: "grant"|"borrowing"|"receipts"|"contributions"|"revenue", to: "grant"|"borrowing"|"receipts"|"contributions"|"revenue", amount: number}
function capital.fund(fund) end

---@class mtfp.pool_rules
---@field risk_share "pro-rata"|"host"|table<string, number> Shares adding to 1.
---@field cap table<string, number> The most a partner bears a year, in pounds.
---@field threshold number The first part of a variance, in pounds, that the host bears.

--- The model's pooled budgets by name: set a field to change the pool's rules.
---@type table<string, mtfp.pool_rules>
pools = {}

--- model.lua only: declare a pooled budget.
---@param pool {name: string, host: string, services: string[], start?: string, contributions: table<string, number|table<string, number>>, risk_share?: "pro-rata"|"host"|table<string, number>, cap?: table<string, number>, threshold?: number}
function pool(pool) end

--- In model.lua, `staffing { ... }` sets the pay policy; in a scenario, `staffing.add` and the
--- rest change the establishment.
---@class mtfp.staffing
---@overload fun(policy: {increment_month?: integer, ni_rate?: number, ni_threshold?: number, pension_rate?: number, levy_rate?: number, agency_premium?: number, vacancy_rate?: number, categories?: string[]})
staffing = {}

--- Add a post from a month (to a month): a pressure. Its post_id must be new (default NEW-n).
---@param post {post_id?: string, service: string, title?: string, category: string, fte: number, grade?: string, point?: integer, salary?: number, status?: "filled"|"vacant"|"agency"|"fixed-term", from: string, to?: string, funding?: string, reason?: string}
function staffing.add(post) end

--- End a post (of establishment.csv, or added before) before a month: a saving.
---@param removal {post_id: string, from: string, reason?: string}
function staffing.remove(removal) end

--- End the vacant posts of a service and/or category before a month: a saving.
---@param deletion {service?: string, category?: string, from: string, reason?: string}
function staffing.delete_vacant(deletion) end

--- Set a service's vacancy factor ("*": every service without its own).
---@param factor {service: string, rate: number, reason?: string}
function staffing.vacancy(factor) end

--- Move a post to another grade and point from a month.
---@param regrade {post_id: string, grade: string, point: integer, from: string, reason?: string}
function staffing.regrade(regrade) end

---@class mtfp.placements
placements = {}

--- More children placed in a type from a month; leave says how they leave: as those placed
--- ("at the type's rate") or not before the plan ends ("none within the plan").
---@param add {type: string, count: number, from: string, leave: "at the type's rate"|"none within the plan", reason?: string}
function placements.add(add) end

--- A provision the scenario adds (an in-house home): none placed until add or shift places
--- children in it; weekly_cost at base-year prices, following index (default contracts).
---@param provision {type: string, service: string, partner?: string, weekly_cost: number, average_weeks: number, from: string, arrivals?: number, index?: string, reason?: string}
function placements.add_type(provision) end

--- Arrivals of a type grow by rate a year from the first projection year.
---@param growth {type: string, rate: number, reason?: string}
function placements.growth(growth) end

--- Move children from one type to another from a month (step-down): at most those it has.
---@param shift {from_type: string, to_type: string, count?: number, percent?: number, from: string, reason?: string}
function placements.shift(shift) end

--- A new weekly price (or a change in it) from the first projection year.
---@param cost {type: string, weekly?: number, percent?: number, reason?: string}
function placements.cost(cost) end

--- model.lua only: RAG weights and how cashable savings enter the budget.
---@param policy {weights?: {red?: number, amber?: number, green?: number}, budget?: "planned"|"risk-adjusted"}
function savings(policy) end

--- model.lua only: budget monitoring's RAG thresholds (shares of the budget: green within 1%,
--- amber within 5% by default) and whether the recurring forecast variance enters the plan.
---@param policy {green?: number, amber?: number, carry?: "recurring"|"none"}
function monitoring(policy) end

---@class mtfp.risk_fields
---@field id string
---@field title string What the risk is.
---@field service? string A service of revenue.csv: where its cost would fall.
---@field likelihood integer 1 to 4.
---@field severity integer 1 to 4.
---@field owner? string
---@field mitigation? string
---@field impact? number What it would cost a year if it happened (full-year effect, cash); needs `from`.
---@field from? mtfp.month The first month the impact would cost.
---@field to? mtfp.month The last month.
---@field probability? number 0 to 1; default the likelihood's (model.lua's risks{ probabilities }).

--- A risk of the scenario's register: read its fields; set likelihood, severity or probability
--- to re-score it (a mitigation); materialise it to make its impact a pressure.
---@class mtfp.risk
---@field id string
---@field title string
---@field service string|nil
---@field owner string|nil
---@field mitigation string|nil
---@field likelihood integer 1 to 4: set it to re-score the risk.
---@field severity integer 1 to 4: set it to re-score the risk.
---@field probability number Its own, or its likelihood's: set it (0 to 1) to give it one.
---@field score integer likelihood x severity.
---@field band "LOW"|"MEDIUM"|"HIGH"
---@field impact number|nil Pounds a year; nil when it is not priced.
---@field materialised boolean
---@field materialise fun(fields: {from: mtfp.month, to?: mtfp.month, service?: string, partner?: string, subjective?: mtfp.subjective, reason?: string}) The risk happens: a pressure of its impact from `from`.

--- In model.lua, `risks { ... }` sets the bands and the probabilities by likelihood; in a
--- scenario, `risks["id"]` is a risk of the register (risks.csv and risk{}).
---@class mtfp.risks
---@overload fun(policy: {bands?: {low?: integer, medium?: integer}, probabilities?: number[]})
---@type table<string, mtfp.risk>
risks = {}

--- Add a risk to the scenario's register (an id of its own).
---@param fields mtfp.risk_fields
function risk(fields) end

---@class mtfp.uncertain
uncertain = {}

--- A normal distribution: its mean in `mtfp run`, a draw in each run of `mtfp simulate`.
---@param mean number
---@param sd number
---@return number
function uncertain.normal(mean, sd) end

--- A triangular distribution: (min + mode + max) / 3 in `mtfp run`; drawn by `mtfp simulate`.
---@return number
function uncertain.triangular(min, mode, max) end

--- A Poisson count (mean up to 1,000,000): its mean in `mtfp run`; a whole number drawn by `mtfp simulate`.
---@return number
function uncertain.poisson(mean) end

--- A uniform distribution: its midpoint in `mtfp run`; drawn by `mtfp simulate`.
---@return number
function uncertain.uniform(min, max) end

--- One of some values, with weights (equal when not given): the weighted mean in `mtfp run`;
--- one of the values, with its weight's chance, in each run of `mtfp simulate`.
---@param values number[]
---@param weights? number[]
---@return number
function uncertain.choice(values, weights) end
