/* The capital programme in Lua: capital{} in model.lua (how borrowing is
 * financed), and capital.slip, .add, .reprofile and .fund in scenarios. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "host.h"

static const char *const sources[] = {"grant",         "borrowing", "receipts",
                                      "contributions", "revenue",   NULL};

/* asset_life, in capital{} and capital.add: whole years, 1 to 200; 0 when
 * it is not given. */
static int asset_life(lua_State *L, const char *function)
{
    double value;
    if (!mtfp_field_number(L, 1, "asset_life", false, &value))
        return 0;
    if (value != floor(value) || value < 1 || value > 200)
        luaL_error(L, "%s: asset_life = %s: expected whole years, 1 to 200", function,
                   mtfp_lua_number(L, value));
    return (int)value;
}

/* lives = { ["Primary Strategy for Change"] = 40 }: set them, or (set false)
 * only check them. */
static void programme_lives(lua_State *L, mtfp_capital *capital, bool set)
{
    if (lua_getfield(L, 1, "lives") != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        lua_Integer life = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
        if (lua_type(L, -2) != LUA_TSTRING || life < 1 || life > 200)
            luaL_error(L, "lives: expected { [\"programme\"] = years, ... }");
        if (set &&
            mtfp_capital_set_programme_life(capital, lua_tostring(L, -2), (int)life) != MTFP_OK)
            luaL_error(L, "out of memory");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* capital { mrp = "annuity", interest_rate = 0.045, annuity_rate = ...,
 *           asset_life = 25, lives = { ["Primary Strategy for Change"] = 40 } }:
 * read whole into a copy of the policy before any of it is set. */
static int capital_policy(lua_State *L)
{
    static const char *const known[] = {"mrp",        "interest_rate", "annuity_rate",
                                        "asset_life", "lives",         NULL};
    mtfp_capital *capital = mtfp_host_of(L)->capital;
    mtfp_fields_check(L, 1, "capital", known);
    mtfp_capital_policy policy = capital->policy;
    const char *mrp = mtfp_field_string(L, 1, "mrp", false);
    if (mrp && strcmp(mrp, "straight-line") != 0 && strcmp(mrp, "annuity") != 0)
        return luaL_error(L, "mrp = \"%s\": expected \"straight-line\" or \"annuity\"", mrp);
    if (mrp) {
        policy.method = strcmp(mrp, "annuity") == 0 ? MTFP_MRP_ANNUITY : MTFP_MRP_STRAIGHT_LINE;
        policy.method_given = true;
    }
    double value;
    if (mtfp_field_number(L, 1, "interest_rate", false, &value)) {
        luaL_argcheck(L, value >= 0 && value < 1, 1,
                      "interest_rate: expected a rate such as 0.045");
        policy.interest_rate = value;
        policy.interest_given = true;
        if (!policy.annuity_given)
            policy.annuity_rate = value;
    }
    if (mtfp_field_number(L, 1, "annuity_rate", false, &value)) {
        luaL_argcheck(L, value >= 0 && value < 1, 1, "annuity_rate: expected a rate such as 0.045");
        policy.annuity_rate = value;
        policy.annuity_given = true;
    }
    int life = asset_life(L, "capital{}");
    if (life)
        policy.asset_life = life;
    programme_lives(L, capital, false);
    capital->policy = policy;
    programme_lives(L, capital, true);
    return 0;
}

void mtfp_bind_capital_model(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"capital", capital_policy}, {NULL, NULL}};
    mtfp_host_register(host, functions);
}

/* Borrowing needs an interest rate and an asset life, which no default
 * gives (mtfp_capital_check): an error at the script's line. life is the
 * scheme's (its own, its programme's or the policy's; 0 for none). */
static void borrowing_terms(lua_State *L, const mtfp_capital *capital, const char *function,
                            const char *scheme, int life)
{
    if (!capital->policy.interest_given)
        luaL_error(L,
                   "%s: \"%s\" borrows, and model.lua gives no interest rate for its revenue "
                   "consequences: set capital { interest_rate = ... } in model.lua",
                   function, scheme);
    if (life == 0)
        luaL_error(L,
                   "%s: \"%s\" borrows, and nothing gives the asset life it is repaid over: "
                   "give asset_life = ...",
                   function, scheme);
}

static mtfp_scheme *scheme_named(lua_State *L, mtfp_capital *capital, const char *name)
{
    mtfp_scheme *scheme = mtfp_capital_find(capital, name);
    if (scheme)
        return scheme;
    const char *closest = mtfp_names_closest(&capital->scheme_names, name, strlen(name));
    char hint[MTFP_NAME_HINT_MAX];
    luaL_error(L, "unknown scheme \"%s\"%s", name,
               mtfp_name_hint(closest, ": capital.csv has no such scheme", hint));
    return NULL;
}

static uint32_t programme_named(lua_State *L, const mtfp_capital *capital, const char *name)
{
    return mtfp_lua_name(L, &capital->programmes, "programme", name);
}

static void note(lua_State *L, const char *text)
{
    mtfp_host *host = mtfp_host_of(L);
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    if (mtfp_scenario_add_note(host->scenario, "capital", text, file, line, via) != MTFP_OK)
        luaL_error(L, "out of memory");
}

/* Warn when a year the call names is after the horizon. */
static void after_horizon(lua_State *L, const char *what, int year)
{
    mtfp_lua_after_horizon(L, what, mtfp_year_first_month(mtfp_host_of(L)->base_year + year), true);
}

static void slip_scheme(lua_State *L, mtfp_scheme *scheme, int from, int to, bool by_amount,
                        double value)
{
    mtfp_pence spend = scheme->amount[MTFP_CAPITAL_SPEND][from];
    double share = value;
    if (by_amount) {
        if (value * 100.0 > (double)spend) {
            char text[MTFP_MONEY_TEXT_MAX];
            mtfp_money_format_display(spend, text);
            luaL_error(L, "cannot slip %s of \"%s\": its spend that year is %s",
                       mtfp_lua_number(L, value), scheme->name, text);
        }
        share = value * 100.0 / (double)spend;
    }
    mtfp_capital_slip(scheme, from, to, share);
}

/* capital.slip { scheme = ... | programme = ..., year = "2009/10",
 *                percent = 0.25 | amount = ..., to_year = "2010/11" } */
static int slip(lua_State *L)
{
    static const char *const known[] = {"scheme", "programme", "year", "percent",
                                        "amount", "to_year",   NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_capital *capital = host->capital;
    mtfp_fields_check(L, 1, "capital.slip", known);
    const char *scheme = mtfp_field_string(L, 1, "scheme", false);
    const char *programme = mtfp_field_string(L, 1, "programme", false);
    if (!scheme == !programme)
        return luaL_error(L, "capital.slip: give a scheme or a programme");
    const char *year_label = mtfp_field_string(L, 1, "year", false);
    int from = year_label ? mtfp_lua_projection_year(L, "capital.slip: year", year_label) : 1;
    const char *to_label = mtfp_field_string(L, 1, "to_year", false);
    int to = to_label ? mtfp_lua_projection_year(L, "capital.slip: to_year", to_label) : from + 1;
    if (to > MTFP_MAX_YEARS)
        return luaL_error(L, "capital.slip: a slip from %s has no later year to go to",
                          year_label ? year_label : "?");
    if (to <= from)
        return luaL_error(L, "capital.slip: to_year must be after the year slipped from");
    double percent, amount;
    bool by_percent = mtfp_field_number(L, 1, "percent", false, &percent);
    bool by_amount = mtfp_field_number(L, 1, "amount", false, &amount);
    if (by_percent == by_amount || (by_amount && programme))
        return luaL_error(L, "capital.slip: give percent (0.25 is 25%%), or an amount for one "
                             "scheme");
    if (by_percent && (percent <= 0 || percent > 1))
        return luaL_error(L, "capital.slip: percent = %s: expected a share above 0, at most 1",
                          mtfp_lua_number(L, percent));
    if (by_amount && amount <= 0)
        return luaL_error(L, "capital.slip: amount = %s: expected an amount above 0 to slip",
                          mtfp_lua_number(L, amount));
    uint32_t programme_id = programme ? programme_named(L, capital, programme) : 0;
    mtfp_scheme *one = scheme ? scheme_named(L, capital, scheme) : NULL;
    for (size_t i = 0; i < capital->count; i++)
        if (one ? &capital->schemes[i] == one : capital->schemes[i].programme == programme_id)
            slip_scheme(L, &capital->schemes[i], from, to, by_amount,
                        by_percent ? percent : amount);
    if (from > host->base->years)
        after_horizon(L, "capital.slip: year", from);
    else
        after_horizon(L, "capital.slip: slipping to", to);
    char text[512], a[MTFP_YEAR_LABEL_MAX], b[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(host->base, from, a);
    mtfp_model_year_label(host->base, to, b);
    if (by_percent)
        snprintf(text, sizeof text, "slipped %g%% of %s's %s spend to %s", percent * 100.0,
                 scheme ? scheme : programme, a, b);
    else
        snprintf(text, sizeof text, "slipped %.2f of %s's %s spend to %s", amount, scheme, a, b);
    note(L, text);
    return 0;
}

/* Funding shares: "borrowing", or { borrowing = 0.6, grant = 0.4 } adding to 1. */
static void funding_shares(lua_State *L, int index, double shares[MTFP_CAPITAL_COLUMNS])
{
    for (int c = 0; c < MTFP_CAPITAL_COLUMNS; c++)
        shares[c] = 0;
    if (lua_type(L, index) == LUA_TSTRING) {
        const char *source = lua_tostring(L, index);
        for (int c = MTFP_CAPITAL_GRANT; c < MTFP_CAPITAL_COLUMNS; c++)
            if (strcmp(source, sources[c - 1]) == 0) {
                shares[c] = 1;
                return;
            }
        luaL_error(L,
                   "funding = \"%s\": expected grant, borrowing, receipts, contributions or "
                   "revenue",
                   source);
    }
    if (lua_type(L, index) != LUA_TTABLE)
        luaL_error(L, "funding: expected a source (\"borrowing\") or shares "
                      "({ borrowing = 0.6, grant = 0.4 })");
    mtfp_fields_check(L, index, "funding", sources);
    double total = 0;
    for (int c = MTFP_CAPITAL_GRANT; c < MTFP_CAPITAL_COLUMNS; c++) {
        mtfp_field_number(L, index, sources[c - 1], false, &shares[c]);
        if (shares[c] < 0)
            luaL_error(L, "funding: the share of %s is negative", sources[c - 1]);
        total += shares[c];
    }
    if (fabs(total - 1.0) > 1e-9)
        luaL_error(L, "funding: the shares add up to %s, not 1", mtfp_lua_number(L, total));
}

/* A year's spend, and its funding split by shares (the largest share takes
 * any penny of rounding, so the funding adds up to the spend). */
static void set_year(mtfp_scheme *scheme, int year, mtfp_pence spend,
                     const double shares[MTFP_CAPITAL_COLUMNS])
{
    int largest = MTFP_CAPITAL_GRANT;
    mtfp_pence funded = 0;
    scheme->amount[MTFP_CAPITAL_SPEND][year] = spend;
    for (int c = MTFP_CAPITAL_GRANT; c < MTFP_CAPITAL_COLUMNS; c++) {
        /* A share of at most 1 of an amount cannot overflow. */
        (void)mtfp_money_round(shares[c] * (double)spend, &scheme->amount[c][year]);
        funded += scheme->amount[c][year];
        largest = shares[c] > shares[largest] ? c : largest;
    }
    scheme->amount[largest][year] += spend - funded;
}

/* A new phasing: the spend of the years a call gives (bit y of given), read
 * whole before any is used. */
typedef struct phasing {
    mtfp_pence spend[MTFP_MAX_YEARS + 1];
    uint32_t given;
} phasing;

/* spend = { ["2010/11"] = 500000, ... }: projection years, 0 or more a year
 * (capital.csv takes a credit, with its reason). */
static void read_phasing(lua_State *L, const char *function, phasing *p)
{
    char what[64];
    snprintf(what, sizeof what, "%s: spend in", function);
    p->given = 0;
    if (lua_getfield(L, 1, "spend") != LUA_TTABLE)
        luaL_error(L, "field 'spend' is required: expected { [\"2010/11\"] = 500000, ... }");
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "spend: amounts are keyed by year, as in [\"2010/11\"] = 500000");
        const char *label = lua_tostring(L, -2);
        int year = mtfp_lua_projection_year(L, what, label);
        p->spend[year] = mtfp_lua_money(L, -1, "a year's spend");
        if (p->spend[year] < 0)
            luaL_error(L, "%s: the spend in %s is %s: expected 0 or more", function, label,
                       mtfp_lua_number(L, lua_tonumber(L, -1)));
        p->given |= UINT32_C(1) << year;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    for (int y = 0; y <= MTFP_MAX_YEARS; y++)
        if (p->given & (UINT32_C(1) << y))
            after_horizon(L, what, y);
}

/* A phasing into a scheme, each year funded by shares. */
static void set_phasing(mtfp_scheme *scheme, const phasing *p,
                        const double shares[MTFP_CAPITAL_COLUMNS])
{
    for (int y = 0; y <= MTFP_MAX_YEARS; y++)
        if (p->given & (UINT32_C(1) << y))
            set_year(scheme, y, p->spend[y], shares);
}

/* capital.add { scheme = ..., programme = ..., service = ..., partner = ...,
 *               spend = { [year] = pounds }, funding = ..., asset_life = ...,
 *               running_costs = ..., running_from = year } */
static int add(lua_State *L)
{
    static const char *const known[] = {"scheme",       "programme", "service",    "partner",
                                        "spend",        "funding",   "asset_life", "running_costs",
                                        "running_from", NULL};
    mtfp_host *host = mtfp_host_of(L);
    const mtfp_model *model = host->base;
    mtfp_capital *capital = host->capital;
    mtfp_fields_check(L, 1, "capital.add", known);
    const char *name = mtfp_field_string(L, 1, "scheme", true);
    if (mtfp_capital_find(capital, name))
        return luaL_error(L, "capital.add: scheme \"%s\" exists already", name);
    const char *programme = mtfp_field_string(L, 1, "programme", true);
    uint32_t service =
        mtfp_lua_name(L, &model->services, "service", mtfp_field_string(L, 1, "service", true));
    const char *partner_name = mtfp_field_string(L, 1, "partner", false);
    int32_t partner = partner_name
                          ? (int32_t)mtfp_lua_name(L, &model->partners, "partner", partner_name)
                          : model->service_partner[service];
    if (partner == MTFP_SERVICE_SHARED)
        return luaL_error(L, "capital.add: the service has several partners: give partner = ...");
    double shares[MTFP_CAPITAL_COLUMNS];
    lua_getfield(L, 1, "funding");
    funding_shares(L, lua_gettop(L), shares);
    int life = asset_life(L, "capital.add");
    if (shares[MTFP_CAPITAL_BORROWING] > 0) {
        int32_t known = mtfp_names_find(&capital->programmes, programme, strlen(programme));
        int programme_life = known >= 0 && (size_t)known < capital->programme_life_cap
                                 ? capital->programme_life[known]
                                 : 0;
        borrowing_terms(L, capital, "capital.add", name,
                        life                 ? life
                        : programme_life > 0 ? programme_life
                                             : capital->policy.asset_life);
    }
    mtfp_pence running = 0;
    bool has_running = mtfp_field_money(L, 1, "running_costs", &running);
    const char *from = mtfp_field_string(L, 1, "running_from", has_running);
    int running_from = from ? mtfp_lua_projection_year(L, "capital.add: running_from", from) : -1;
    phasing spend;
    read_phasing(L, "capital.add", &spend);
    if (from)
        after_horizon(L, "capital.add: running_from", running_from);
    /* Valid: now the scheme. */
    uint32_t programme_id;
    int line;
    const char *file = mtfp_host_where(L, &line);
    mtfp_scheme *scheme;
    if (mtfp_names_intern(&capital->programmes, programme, strlen(programme), &programme_id) !=
            MTFP_OK ||
        mtfp_capital_add(capital, name, programme_id, file, line, &scheme) != MTFP_OK)
        return luaL_error(L, "out of memory");
    scheme->service = service;
    scheme->partner = (uint32_t)partner;
    scheme->asset_life = life;
    scheme->running_cost = running;
    scheme->running_from = running_from;
    set_phasing(scheme, &spend, shares);
    char text[300];
    snprintf(text, sizeof text, "added scheme %s (%s)", name, programme);
    note(L, text);
    return 0;
}

/* The scheme's funding mix over all its years, as shares of its spend. */
static void mix_of(lua_State *L, const mtfp_scheme *scheme, double shares[MTFP_CAPITAL_COLUMNS])
{
    double total[MTFP_CAPITAL_COLUMNS] = {0};
    for (int c = 0; c < MTFP_CAPITAL_COLUMNS; c++)
        for (int y = 0; y <= MTFP_MAX_YEARS; y++)
            total[c] += (double)scheme->amount[c][y];
    if (total[MTFP_CAPITAL_SPEND] == 0)
        luaL_error(L, "capital.reprofile: \"%s\" has no spend to take a funding mix from",
                   scheme->name);
    for (int c = 0; c < MTFP_CAPITAL_COLUMNS; c++)
        shares[c] = total[c] / total[MTFP_CAPITAL_SPEND];
}

/* capital.reprofile { scheme = ..., spend = { [year] = pounds, ... } }: the
 * new phasing (years not given keep theirs), funded in the scheme's mix. */
static int reprofile(lua_State *L)
{
    static const char *const known[] = {"scheme", "spend", NULL};
    mtfp_capital *capital = mtfp_host_of(L)->capital;
    mtfp_fields_check(L, 1, "capital.reprofile", known);
    mtfp_scheme *scheme = scheme_named(L, capital, mtfp_field_string(L, 1, "scheme", true));
    double shares[MTFP_CAPITAL_COLUMNS];
    mix_of(L, scheme, shares);
    phasing spend;
    read_phasing(L, "capital.reprofile", &spend);
    set_phasing(scheme, &spend, shares);
    char text[300];
    snprintf(text, sizeof text, "reprofiled scheme %s", scheme->name);
    note(L, text);
    return 0;
}

static mtfp_capital_column source_named(lua_State *L, const char *name)
{
    for (int c = MTFP_CAPITAL_GRANT; c < MTFP_CAPITAL_COLUMNS; c++)
        if (strcmp(name, sources[c - 1]) == 0)
            return (mtfp_capital_column)c;
    const char *closest =
        mtfp_name_closest_of(sources, MTFP_CAPITAL_COLUMNS - 1, name, strlen(name));
    char hint[MTFP_NAME_HINT_MAX];
    luaL_error(L, "unknown source of funding \"%s\"%s", name, mtfp_name_hint(closest, NULL, hint));
    return MTFP_CAPITAL_GRANT;
}

/* capital.fund { scheme = ..., year = ..., from = "borrowing", to = "receipts", amount = ... } */
static int fund(lua_State *L)
{
    static const char *const known[] = {"scheme", "year", "from", "to", "amount", NULL};
    mtfp_capital *capital = mtfp_host_of(L)->capital;
    mtfp_fields_check(L, 1, "capital.fund", known);
    mtfp_scheme *scheme = scheme_named(L, capital, mtfp_field_string(L, 1, "scheme", true));
    int year =
        mtfp_lua_projection_year(L, "capital.fund: year", mtfp_field_string(L, 1, "year", true));
    mtfp_capital_column from = source_named(L, mtfp_field_string(L, 1, "from", true));
    mtfp_capital_column to = source_named(L, mtfp_field_string(L, 1, "to", true));
    mtfp_pence amount;
    if (!mtfp_field_money(L, 1, "amount", &amount) || amount <= 0)
        return luaL_error(L, "capital.fund: expected a positive amount to move");
    if (amount > scheme->amount[from][year]) {
        char text[MTFP_MONEY_TEXT_MAX];
        mtfp_money_format_display(scheme->amount[from][year], text);
        return luaL_error(L, "capital.fund: \"%s\" has only %s of %s that year", scheme->name, text,
                          sources[from - 1]);
    }
    if (to == MTFP_CAPITAL_BORROWING)
        borrowing_terms(L, capital, "capital.fund", scheme->name,
                        mtfp_capital_asset_life(capital, scheme));
    after_horizon(L, "capital.fund: year", year);
    scheme->amount[from][year] -= amount;
    scheme->amount[to][year] += amount;
    char text[300];
    snprintf(text, sizeof text, "moved %.2f of %s's funding from %s to %s",
             mtfp_money_to_pounds(amount), scheme->name, sources[from - 1], sources[to - 1]);
    note(L, text);
    return 0;
}

void mtfp_bind_capital_scenario(mtfp_host *host)
{
    static const luaL_Reg functions[] = {
        {"slip", slip}, {"add", add}, {"reprofile", reprofile}, {"fund", fund}, {NULL, NULL}};
    mtfp_host_register_table(host, "capital", functions);
}
