/* Where the money comes from and how the gap is met, in Lua: reserves{} and
 * council_tax{} in model.lua; reserves.draw, reserves.contribute,
 * council_tax.increase and funding.change in scenarios. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "host.h"
#include "mtfp/memory.h"

/* An amount of 0 or more. */
static mtfp_pence not_negative(lua_State *L, int idx, const char *what)
{
    mtfp_pence amount = mtfp_lua_money(L, idx, what);
    if (amount < 0)
        luaL_error(L, "%s is below 0: expected 0 or more", what);
    return amount;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* earmarked = { ["Placements smoothing"] = 5e5, ... }: checked whole, then
 * added in name order (a Lua table's order differs from run to run). */
static void earmarked(lua_State *L, mtfp_reserves *reserves)
{
    if (lua_getfield(L, 1, "earmarked") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!lua_istable(L, -1))
        luaL_error(L, "reserves{}: earmarked is a %s: expected { [\"name\"] = balance, ... }",
                   luaL_typename(L, -1));
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "reserves{}: earmarked reserves are keyed by name, as in "
                          "[\"Placements smoothing\"] = 500000");
        mtfp_lua_line(L, "reserves{}: an earmarked reserve's name", lua_tostring(L, -2));
        not_negative(L, -1, "reserves{}: an earmarked reserve's balance");
        count++;
        lua_pop(L, 1);
    }
    const char **names = lua_newuserdatauv(L, (count + 1) * sizeof *names, 0);
    size_t n = 0;
    lua_pushnil(L);
    while (lua_next(L, -3) != 0) {
        names[n++] = lua_tostring(L, -2);
        lua_pop(L, 1);
    }
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        lua_getfield(L, -2, names[i]);
        mtfp_status status =
            mtfp_reserves_add(reserves, names[i], mtfp_lua_money(L, -1, "a balance"));
        if (status == MTFP_ERR_INPUT)
            luaL_error(L, "reserves{}: \"%s\" is named twice (names ignore case and spaces)",
                       names[i]);
        if (status != MTFP_OK)
            luaL_error(L, "out of memory");
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
}

/* reserves { general = 2e6, minimum = 1e6, earmarked = { ... }, gap_from = "general" } */
static int reserves_(lua_State *L)
{
    static const char *const known[] = {"general", "minimum", "earmarked", "gap_from", NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_fields_check(L, 1, "reserves", known);
    mtfp_lua_need_base_year(L, "reserves{}");
    mtfp_reserves *reserves = &host->model->reserves;
    if (reserves->declared)
        return luaL_error(L, "reserves{} is given twice: give every reserve in one call");
    mtfp_pence general, minimum = 0;
    if (!mtfp_field_money(L, 1, "general", &general))
        return luaL_error(L, "reserves{}: field 'general' is required: the general reserve's "
                             "balance at the end of the base year");
    if (general < 0)
        return luaL_error(L, "reserves{}: general is below 0: expected the balance, 0 or more");
    if (mtfp_field_money(L, 1, "minimum", &minimum) && minimum < 0)
        return luaL_error(L, "reserves{}: minimum is below 0: expected 0 or more");
    const char *gap_from = mtfp_field_string(L, 1, "gap_from", false);
    if (gap_from && strcmp(gap_from, "general") != 0 && strcmp(gap_from, "none") != 0)
        return luaL_error(L, "reserves{}: gap_from = \"%s\": expected \"general\" or \"none\"",
                          gap_from);
    if (mtfp_reserves_add(reserves, MTFP_RESERVE_GENERAL, general) != MTFP_OK)
        return luaL_error(L, "out of memory");
    earmarked(L, reserves);
    int line;
    const char *file = mtfp_host_where(L, &line);
    reserves->declared = true;
    reserves->minimum = minimum;
    reserves->gap_from_general = gap_from && strcmp(gap_from, "general") == 0;
    reserves->line = line;
    if (!(reserves->file = mtfp_strdup(file)))
        return luaL_error(L, "out of memory");
    return 0;
}

/* Rates by projection year (1..MTFP_MAX_YEARS) from the field name: one for
 * every year, or a list whose last repeats. False when it is absent. */
static bool year_rates(lua_State *L, const char *name, double low, double high,
                       double rates[MTFP_MAX_YEARS + 1])
{
    if (lua_getfield(L, 1, name) == LUA_TNIL) {
        lua_pop(L, 1);
        return false;
    }
    char what[64];
    snprintf(what, sizeof what, "council_tax{}: %s", name);
    double given[MTFP_MAX_YEARS];
    size_t count = mtfp_lua_rates(L, -1, what, given);
    lua_pop(L, 1);
    for (size_t i = 0; i < count; i++)
        if (!isfinite(given[i]) || given[i] < low || given[i] > high)
            luaL_error(L, "%s: rate %d is %s: expected %g to %g", what, (int)i + 1,
                       mtfp_lua_number(L, given[i]), low, high);
    rates[0] = 0;
    for (int y = 1; y <= MTFP_MAX_YEARS; y++)
        rates[y] = given[(size_t)y <= count ? (size_t)y - 1 : count - 1];
    return true;
}

/* tax_base = 60000, or { ["2009/10"] = 60000, ["2010/11"] = 60550 }: Band D
 * equivalents by year, a year not given grown from the one before by growth
 * (which must then be given). */
static void tax_base(lua_State *L, mtfp_host *host, mtfp_council_tax *tax)
{
    bool given[MTFP_MAX_YEARS + 1] = {false};
    int type = lua_getfield(L, 1, "tax_base");
    if (type == LUA_TNUMBER) {
        tax->tax_base[0] = lua_tonumber(L, -1);
        given[0] = true;
    } else if (type == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER)
                luaL_error(L, "council_tax{}: tax_base is keyed by year, as in "
                              "[\"2009/10\"] = 60000");
            int y = mtfp_lua_year(L, host->model->base_year, lua_tostring(L, -2));
            tax->tax_base[y] = lua_tonumber(L, -1);
            given[y] = true;
            lua_pop(L, 1);
        }
    } else {
        luaL_error(L, "council_tax{}: field 'tax_base' is required: the Band D equivalents, a "
                      "number or { [\"2009/10\"] = 60000, ... }");
    }
    lua_pop(L, 1);
    for (int y = 0; y <= MTFP_MAX_YEARS; y++)
        if (given[y] && (!isfinite(tax->tax_base[y]) || tax->tax_base[y] <= 0))
            luaL_error(L,
                       "council_tax{}: the tax base is %s: expected more than 0 Band D "
                       "equivalents",
                       mtfp_lua_number(L, tax->tax_base[y]));
    if (!given[0])
        luaL_error(L, "council_tax{}: tax_base has no base year: give the base year's tax base");
    double growth[MTFP_MAX_YEARS + 1];
    bool grows = year_rates(L, "growth", -1, 1, growth);
    for (int y = 1; y <= MTFP_MAX_YEARS; y++) {
        if (given[y])
            continue;
        if (!grows && y <= host->model->years)
            luaL_error(L, "council_tax{}: the tax base of a projection year is not given: give "
                          "growth (the tax base's growth a year, e.g. 0.01)");
        tax->tax_base[y] = tax->tax_base[y - 1] * (1 + (grows ? growth[y] : 0));
    }
}

/* council_tax { tax_base = 60000, growth = 0.01, band_d = 1200.00, increase = { 0.0299, ... },
 *               referendum_limit = 0.0299, collection_rate = 0.985, source = "Council tax" } */
static int council_tax(lua_State *L)
{
    static const char *const known[] = {"tax_base",         "growth",          "band_d", "increase",
                                        "referendum_limit", "collection_rate", "source", NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_fields_check(L, 1, "council_tax", known);
    mtfp_lua_need_base_year(L, "council_tax{}");
    mtfp_council_tax tax = {.declared = true, .referendum_limit = -1};
    if (host->model->funding.council_tax.declared)
        return luaL_error(L, "council_tax{} is given twice");
    tax_base(L, host, &tax);
    if (!mtfp_field_money(L, 1, "band_d", &tax.band_d[0]) || tax.band_d[0] <= 0)
        return luaL_error(L, "council_tax{}: field 'band_d' is required: the base year's Band D "
                             "charge in pounds, more than 0");
    if (!year_rates(L, "increase", -1, 1, tax.increase))
        return luaL_error(L, "council_tax{}: field 'increase' is required: Band D's rise each "
                             "projection year, e.g. 0.0299 or { 0.0299, 0.0499 }");
    double rate;
    if (mtfp_field_number(L, 1, "referendum_limit", false, &rate)) {
        if (rate < 0 || rate > 1)
            return luaL_error(L,
                              "council_tax{}: referendum_limit is %s: expected a rate such as "
                              "0.0299",
                              mtfp_lua_number(L, rate));
        tax.referendum_limit = rate;
    }
    if (!mtfp_field_number(L, 1, "collection_rate", false, &tax.collection_rate))
        return luaL_error(L, "council_tax{}: field 'collection_rate' is required: the share of "
                             "the tax collected, e.g. 0.985");
    if (!(tax.collection_rate > 0 && tax.collection_rate <= 1))
        return luaL_error(L,
                          "council_tax{}: collection_rate is %s: expected more than 0 and at "
                          "most 1",
                          mtfp_lua_number(L, tax.collection_rate));
    const char *source = mtfp_field_string(L, 1, "source", false);
    source = mtfp_lua_line(L, "council_tax{}: source", source ? source : "Council tax");
    int line;
    const char *file = mtfp_host_where(L, &line);
    for (int y = 1; y <= MTFP_MAX_YEARS; y++)
        tax.increase_line[y] = line;
    tax.line = line;
    if (mtfp_strdup_pair(source, file, &tax.source, &tax.file) != MTFP_OK)
        return luaL_error(L, "out of memory");
    host->model->funding.council_tax = tax;
    return 0;
}

static mtfp_reserves *scenario_reserves(lua_State *L, const char *function)
{
    mtfp_reserves *reserves = &mtfp_host_of(L)->scenario->reserves;
    if (!reserves->declared)
        luaL_error(L, "%s: the model has no reserves: declare them with reserves{} in model.lua",
                   function);
    return reserves;
}

/* reserves.draw / .contribute { reserve = "General reserve", amount = ..., year = "2011/12",
 *                               reason = "..." } */
static int move(lua_State *L, mtfp_reserve_kind kind, const char *function)
{
    static const char *const known[] = {"reserve", "amount", "year", "reason", NULL};
    mtfp_fields_check(L, 1, function, known);
    mtfp_reserves *reserves = scenario_reserves(L, function);
    const char *name = mtfp_field_string(L, 1, "reserve", false);
    int32_t reserve = 0;
    if (name && (reserve = mtfp_reserves_find(reserves, name, strlen(name))) < 0) {
        char hint[MTFP_NAME_HINT_MAX];
        return luaL_error(L, "%s: unknown reserve \"%s\"%s", function, name,
                          mtfp_name_hint(mtfp_names_closest(&reserves->names, name, strlen(name)),
                                         ": model.lua's reserves{} has no such reserve", hint));
    }
    mtfp_pence amount;
    if (!mtfp_field_money(L, 1, "amount", &amount))
        return luaL_error(L, "%s: field 'amount' is required: pounds, more than 0", function);
    if (amount <= 0)
        return luaL_error(L, "%s: amount is 0 or less: expected pounds, more than 0", function);
    char what[64];
    snprintf(what, sizeof what, "%s: year", function);
    int year = mtfp_lua_projection_year(L, what, mtfp_field_string(L, 1, "year", true));
    const char *reason = mtfp_field_string(L, 1, "reason", false);
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    mtfp_reserve_movement movement = {.reserve = (uint32_t)reserve,
                                      .kind = kind,
                                      .year = year,
                                      .amount = amount,
                                      .reason = (char *)reason,
                                      .file = (char *)file,
                                      .line = line,
                                      .via = via[0] ? via : NULL};
    mtfp_lua_after_horizon(L, function,
                           mtfp_year_first_month(mtfp_host_of(L)->base->base_year + year), true);
    if (mtfp_reserves_move(reserves, &movement) != MTFP_OK)
        return luaL_error(L, "out of memory");
    if (kind == MTFP_RESERVE_DRAW) {
        char text[MTFP_MONEY_TEXT_MAX + 256], pounds[MTFP_MONEY_TEXT_MAX];
        char label[MTFP_YEAR_LABEL_MAX];
        mtfp_money_format_display(amount, pounds);
        mtfp_year_label(mtfp_host_of(L)->base->base_year + year, label);
        snprintf(text, sizeof text, "draws %s from %s in %s (use of reserves, funding)%s%s", pounds,
                 reserves->items[reserve].name, label, reason ? ": " : "", reason ? reason : "");
        if (mtfp_scenario_add_note(mtfp_host_of(L)->scenario, "reserves.draw", text, file, line,
                                   movement.via) != MTFP_OK)
            return luaL_error(L, "out of memory");
    }
    return 0;
}

static int draw(lua_State *L)
{
    return move(L, MTFP_RESERVE_DRAW, "reserves.draw");
}

static int contribute(lua_State *L)
{
    return move(L, MTFP_RESERVE_CONTRIBUTION, "reserves.contribute");
}

/* council_tax.increase(0.0499) or council_tax.increase { 0.0299, 0.0499, 0.0299 }:
 * Band D's rise in each projection year, as index() takes rates. */
static int increase(lua_State *L)
{
    mtfp_host *host = mtfp_host_of(L);
    mtfp_council_tax *tax = &host->scenario->funding.council_tax;
    if (!tax->declared)
        return luaL_error(L, "council_tax.increase: the model has no council tax: declare it "
                             "with council_tax{} in model.lua");
    double given[MTFP_MAX_YEARS];
    size_t count = mtfp_lua_rates(L, 1, "council_tax.increase", given);
    for (size_t i = 0; i < count; i++)
        if (!isfinite(given[i]) || given[i] < -1 || given[i] > 1)
            return luaL_error(L,
                              "council_tax.increase: rate %d is %s: expected -1 to 1 (0.0499 "
                              "is 4.99%%)",
                              (int)i + 1, mtfp_lua_number(L, given[i]));
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    char text[MTFP_MAX_YEARS * 16 + 64];
    size_t used = (size_t)snprintf(text, sizeof text, "Band D rises");
    for (int y = 1; y <= MTFP_MAX_YEARS; y++) {
        tax->increase[y] = given[(size_t)y <= count ? (size_t)y - 1 : count - 1];
        tax->increase_line[y] = line;
        tax->by_script[y] = true;
    }
    for (size_t i = 0; i < count && used < sizeof text; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%s %g%%", i ? "," : "",
                                 given[i] * 100.0);
    if (mtfp_scenario_add_note(host->scenario, "council_tax", text, file, line,
                               via[0] ? via : NULL) != MTFP_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

/* funding.change { source = "...", amount = -250000 | percent = -1, from = "2011/12",
 *                  to = "2012/13", reason = "..." } */
static int change(lua_State *L)
{
    static const char *const known[] = {"source", "amount", "percent", "from",
                                        "to",     "reason", NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_fields_check(L, 1, "funding.change", known);
    mtfp_funding_change c = {.source = (char *)mtfp_field_string(L, 1, "source", true)};
    bool by_amount = mtfp_field_money(L, 1, "amount", &c.amount);
    c.by_percent = mtfp_field_number(L, 1, "percent", false, &c.percent);
    if (by_amount == c.by_percent)
        return luaL_error(L, "funding.change: give amount (pounds added a year, negative to "
                             "take away) or percent (-0.1 takes 10%% away), one of them");
    if (c.by_percent && (c.percent < -1 || c.percent > 10))
        return luaL_error(L, "funding.change: percent is %s: expected -1 (all of it) or more",
                          mtfp_lua_number(L, c.percent));
    c.from =
        mtfp_lua_projection_year(L, "funding.change: from", mtfp_field_string(L, 1, "from", true));
    const char *to = mtfp_field_string(L, 1, "to", false);
    c.to = to ? mtfp_lua_projection_year(L, "funding.change: to", to) : MTFP_MAX_YEARS;
    if (c.to < c.from)
        return luaL_error(L, "funding.change: to (%s) is before from", to);
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    c.file = (char *)mtfp_host_source(L, &line, via, sizeof via);
    c.line = line;
    mtfp_lua_after_horizon(L, "funding.change: from",
                           mtfp_year_first_month(host->base->base_year + c.from), true);
    if (mtfp_funding_add_change(&host->scenario->funding, &c) != MTFP_OK)
        return luaL_error(L, "out of memory");
    char text[512];
    snprintf(text, sizeof text, "funding source \"%s\" changed", c.source);
    if (mtfp_scenario_add_note(host->scenario, "funding.change", text, c.file, line,
                               via[0] ? via : NULL) != MTFP_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

void mtfp_bind_funding_model(mtfp_host *host)
{
    static const luaL_Reg functions[] = {
        {"reserves", reserves_}, {"council_tax", council_tax}, {NULL, NULL}};
    mtfp_host_register(host, functions);
}

void mtfp_bind_funding_scenario(mtfp_host *host)
{
    static const luaL_Reg reserve_functions[] = {
        {"draw", draw}, {"contribute", contribute}, {NULL, NULL}};
    static const luaL_Reg tax_functions[] = {{"increase", increase}, {NULL, NULL}};
    static const luaL_Reg funding_functions[] = {{"change", change}, {NULL, NULL}};
    mtfp_host_register_table(host, "reserves", reserve_functions);
    mtfp_host_register_table(host, "council_tax", tax_functions);
    mtfp_host_register_callable(host, "funding", funding_functions);
}
