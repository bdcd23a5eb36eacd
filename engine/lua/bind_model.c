/* model.lua: model{}, control_total{}. */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "host.h"
#include "mtfp/memory.h"
#include "mtfp/path.h"

/* The parts read from files (pooled budgets are pool{} in model.lua). */
static const char *const input_roles[] = {
    "revenue", "funding", "establishment", "paypoints", "capital", "placements", "savings",
    "mapping", "actuals", "profile",       "forecast",  "risks",   NULL};

static void set_text(lua_State *L, char **slot, const char *text)
{
    char *copy = mtfp_strdup(text);
    if (text && !copy)
        luaL_error(L, "out of memory");
    free(*slot);
    *slot = copy;
}

static char *joined(lua_State *L, const mtfp_model *model, const char *rel)
{
    char *path = mtfp_path_join(model->dir, rel);
    if (!path)
        luaL_error(L, "out of memory");
    return path;
}

/* scenarios = { "../../scripts/a.lua", ... }, relative to the model directory;
 * added to model, or only checked when model is NULL. */
static void read_scenarios(lua_State *L, mtfp_model *model)
{
    if (lua_getfield(L, 1, "scenarios") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    luaL_argexpected(L, lua_istable(L, -1), 1, "scenarios as a list of script paths");
    lua_Integer count = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= count; i++) {
        if (lua_geti(L, -1, i) != LUA_TSTRING)
            luaL_error(L, "model{}: scenarios[%I] is not a path to a script", i);
        if (model) {
            char *path = joined(L, model, lua_tostring(L, -1));
            mtfp_status status = mtfp_model_add_scenario(model, path);
            free(path);
            if (status != MTFP_OK)
                luaL_error(L, "out of memory");
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* inputs = { revenue = "ledger.csv", ... }; added to model, or only checked
 * when model is NULL. */
static void read_inputs(lua_State *L, mtfp_model *model)
{
    if (lua_getfield(L, 1, "inputs") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    int inputs = lua_gettop(L);
    mtfp_fields_check(L, inputs, "inputs", input_roles);
    for (const char *const *role = input_roles; *role; role++) {
        const char *file = mtfp_field_string(L, inputs, *role, false);
        if (!file || !model)
            continue;
        char *path = joined(L, model, file);
        mtfp_status status = mtfp_model_add_input(model, *role, path, NULL);
        free(path);
        if (status != MTFP_OK)
            luaL_error(L, "out of memory");
        mtfp_host_where(L, &model->inputs[model->input_count - 1].line);
    }
    lua_pop(L, 1);
}

/* limits = { instructions = N, memory = BYTES }, within the ceilings, over
 * those given */
static void read_limits(lua_State *L, mtfp_limits *limits)
{
    static const char *const known[] = {"instructions", "memory", NULL};
    if (lua_getfield(L, 1, "limits") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    int table = lua_gettop(L);
    mtfp_fields_check(L, table, "limits", known);
    double value;
    if (mtfp_field_number(L, table, "instructions", false, &value)) {
        if (value < 1e6 || value > (double)MTFP_LIMIT_INSTRUCTIONS_CEILING)
            luaL_error(L, "limits.instructions: expected 1e6 to %I",
                       (lua_Integer)MTFP_LIMIT_INSTRUCTIONS_CEILING);
        limits->instructions = (uint64_t)value;
    }
    if (mtfp_field_number(L, table, "memory", false, &value)) {
        if (value < (double)(1 << 20) || value > (double)MTFP_LIMIT_MEMORY_CEILING)
            luaL_error(L, "limits.memory: expected 1 MiB to %I bytes",
                       (lua_Integer)MTFP_LIMIT_MEMORY_CEILING);
        limits->memory = (size_t)value;
    }
    lua_pop(L, 1);
}

/* model { name = ..., organisation = ..., base_year = "2005/06", years = 3, ... }:
 * every field is checked before any is set, so a model{} that fails (under
 * pcall) leaves the model as it was. */
static int model_(lua_State *L)
{
    static const char *const known[] = {"name",   "organisation",  "base_year",
                                        "years",  "scenarios",     "inputs",
                                        "limits", "round_amounts", NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_model *model = host->model;
    mtfp_fields_check(L, 1, "model", known);
    if (host->named)
        return luaL_error(L, "model{} is given twice");
    const char *name = mtfp_lua_line(L, "model: name", mtfp_field_string(L, 1, "name", true));
    const char *organisation =
        mtfp_lua_line(L, "model: organisation", mtfp_field_string(L, 1, "organisation", false));
    const char *base_year = mtfp_field_string(L, 1, "base_year", true);
    int start;
    if (!mtfp_year_parse(base_year, strlen(base_year), &start))
        return luaL_error(L, "base_year = \"%s\": expected a financial year like \"2005/06\"",
                          base_year);
    double years = model->years;
    if (mtfp_field_number(L, 1, "years", false, &years) &&
        (years < 1 || years > MTFP_MAX_YEARS || years != floor(years)))
        return luaL_error(L,
                          "years = %s: expected a whole number of projection years, 1 "
                          "to %d",
                          mtfp_lua_number(L, years), MTFP_MAX_YEARS);
    mtfp_limits limits = model->limits;
    read_limits(L, &limits);
    bool round_amounts = mtfp_field_bool(L, 1, "round_amounts", false);
    read_scenarios(L, NULL);
    read_inputs(L, NULL);
    set_text(L, &model->name, name);
    set_text(L, &model->organisation, organisation);
    model->base_year = start;
    model->years = (int)years;
    model->limits = limits;
    model->rounding.enabled = round_amounts;
    if (round_amounts)
        mtfp_host_where(L, &model->rounding.line);
    read_scenarios(L, model);
    read_inputs(L, model);
    host->base_year = model->base_year;
    host->named = true;
    return 0;
}

/* control_total { partner = ..., service = ..., amount = 27e6, label = "..." } */
static int control_total(lua_State *L)
{
    static const char *const known[] = {"partner", "service", "amount", "label", NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_fields_check(L, 1, "control_total", known);
    mtfp_control_total control = {
        .partner = (char *)mtfp_field_string(L, 1, "partner", false),
        .service = (char *)mtfp_field_string(L, 1, "service", false),
        .label = (char *)mtfp_field_string(L, 1, "label", false),
    };
    if (!mtfp_field_money(L, 1, "amount", &control.amount))
        return luaL_error(L, "control_total{}: field 'amount' is required");
    control.file = (char *)mtfp_host_where(L, &control.line);
    if (mtfp_model_add_control(host->model, &control) != MTFP_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

/* savings { weights = { red = 0, amber = 0.5, green = 1 }, budget = "planned" | "risk-adjusted" }
 */
static int savings_policy(lua_State *L)
{
    static const char *const known[] = {"weights", "budget", NULL};
    static const char *const ratings[] = {"red", "amber", "green", NULL};
    mtfp_savings_policy *set = &mtfp_host_of(L)->model->savings, policy = *set;
    mtfp_fields_check(L, 1, "savings", known);
    if (lua_getfield(L, 1, "weights") == LUA_TTABLE) {
        int weights = lua_gettop(L);
        mtfp_fields_check(L, weights, "weights", ratings);
        for (int r = 0; r < 3; r++) {
            double weight;
            if (!mtfp_field_number(L, weights, ratings[r], false, &weight))
                continue;
            if (weight < 0 || weight > 1)
                return luaL_error(L, "weights.%s = %s: expected 0 to 1", ratings[r],
                                  mtfp_lua_number(L, weight));
            policy.weight[r] = weight;
            policy.weight_given[r] = true;
        }
    }
    const char *budget = mtfp_field_string(L, 1, "budget", false);
    if (budget && strcmp(budget, "planned") != 0 && strcmp(budget, "risk-adjusted") != 0)
        return luaL_error(L, "budget = \"%s\": expected \"planned\" or \"risk-adjusted\"", budget);
    if (budget) {
        policy.risk_adjusted = strcmp(budget, "risk-adjusted") == 0;
        policy.budget_given = true;
    }
    *set = policy; /* read whole before any of it is set */
    return 0;
}

void mtfp_bind_model(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"model", model_},
                                         {"control_total", control_total},
                                         {"savings", savings_policy},
                                         {NULL, NULL}};
    mtfp_host_register(host, functions);
}
