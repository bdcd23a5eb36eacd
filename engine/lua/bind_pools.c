/* Pooled budgets in Lua: pool{} in model.lua declares one; in a scenario,
 * pools["name"].risk_share, .cap and .threshold change its rules. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "host.h"
#include "mtfp/memory.h"

static int partner_of(lua_State *L, const mtfp_pool *pool, const char *name)
{
    int p = mtfp_pool_partner_find(pool, name);
    if (p >= 0)
        return p;
    const char *names[MTFP_POOL_PARTNERS_MAX];
    for (int i = 0; i < pool->partner_count; i++)
        names[i] = pool->partners[i].name;
    const char *closest =
        mtfp_name_closest_of(names, (size_t)pool->partner_count, name, strlen(name));
    char hint[MTFP_NAME_HINT_MAX];
    luaL_error(L, "pool \"%s\": unknown partner \"%s\"%s", pool->name, name,
               mtfp_name_hint(closest, ": the partners are those that contribute", hint));
    return -1;
}

/* Shares by partner (a table at index), checked to add up to 1. */
static void shares(lua_State *L, int index, const mtfp_pool *pool, const char *what,
                   double out[MTFP_POOL_PARTNERS_MAX])
{
    double total = 0;
    for (int p = 0; p < MTFP_POOL_PARTNERS_MAX; p++)
        out[p] = 0;
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "%s: expected { partner = share, ... }", what);
        double share = lua_tonumber(L, -1);
        if (!isfinite(share) || share < 0 || share > 1)
            luaL_error(L, "%s: the share of %s is %s: expected 0 to 1", what, lua_tostring(L, -2),
                       mtfp_lua_number(L, share));
        out[partner_of(L, pool, lua_tostring(L, -2))] = share;
        total += share;
        lua_pop(L, 1);
    }
    if (fabs(total - 1.0) > 1e-9)
        luaL_error(L, "%s: the shares add up to %s, not 1", what, mtfp_lua_number(L, total));
}

/* risk_share = "pro-rata" | "host" | { Council = 0.6, PCT = 0.4 } */
static void set_risk_share(lua_State *L, int index, mtfp_pool *pool)
{
    if (lua_type(L, index) == LUA_TSTRING) {
        const char *rule = lua_tostring(L, index);
        if (strcmp(rule, "pro-rata") == 0)
            pool->rule = MTFP_RISK_PRO_RATA;
        else if (strcmp(rule, "host") == 0)
            pool->rule = MTFP_RISK_HOST;
        else
            luaL_error(L,
                       "risk_share = \"%s\": expected \"pro-rata\", \"host\" or shares "
                       "{ partner = share, ... }",
                       rule);
        return;
    }
    if (lua_type(L, index) != LUA_TTABLE)
        luaL_error(L,
                   "risk_share is a %s: expected \"pro-rata\", \"host\" or shares "
                   "{ partner = share, ... }",
                   luaL_typename(L, index));
    double out[MTFP_POOL_PARTNERS_MAX];
    shares(L, index, pool, "risk_share", out);
    for (int p = 0; p < pool->partner_count; p++)
        pool->partners[p].risk_share = out[p];
    pool->rule = MTFP_RISK_SHARES;
}

/* cap = { PCT = 250000 }: the most a partner bears a year; beyond it, the
 * host. Checked whole before the pool changes, so that a failed call (under
 * pcall) leaves the caps as they were. */
static void set_cap(lua_State *L, int index, mtfp_pool *pool)
{
    if (lua_type(L, index) != LUA_TTABLE)
        luaL_error(L, "cap is a %s: expected { partner = pounds, ... }", luaL_typename(L, index));
    mtfp_pence caps[MTFP_POOL_PARTNERS_MAX] = {0};
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "cap: expected { partner = pounds, ... }");
        int p = partner_of(L, pool, lua_tostring(L, -2));
        if (p == pool->host)
            luaL_error(L, "cap: the host takes what the caps leave and has no cap");
        mtfp_pence cap = mtfp_lua_money(L, -1, "a cap");
        if (cap <= 0)
            luaL_error(L, "cap: expected a positive amount");
        caps[p] = cap;
        lua_pop(L, 1);
    }
    for (int p = 0; p < pool->partner_count; p++)
        pool->partners[p].cap = caps[p];
}

static void set_threshold(lua_State *L, int index, mtfp_pool *pool)
{
    mtfp_pence threshold = mtfp_lua_money(L, index, "threshold");
    if (threshold < 0)
        luaL_error(L, "threshold: expected an amount the host takes first, 0 or more");
    pool->threshold = threshold;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* contributions = { Council = 0.7, PCT = 0.3 } (shares of the budget) or
 * { Council = { ["2010/11"] = 3e6, ... }, PCT = { ... } } (amounts by year).
 * The partners are taken in the order of their names: Lua walks a table's
 * keys in an order that changes from one run to the next, and the pack and
 * pools.csv list the partners in this order. */
static void contributions(lua_State *L, mtfp_host *host, mtfp_pool *pool)
{
    if (lua_getfield(L, 1, "contributions") != LUA_TTABLE)
        luaL_error(L, "pool{}: field 'contributions' is required: { partner = share, ... } or "
                      "{ partner = { [year] = amount, ... }, ... }");
    int table = lua_gettop(L);
    const char *names[MTFP_POOL_PARTNERS_MAX]; /* the table's keys, alive while it is */
    int count = 0;
    lua_pushnil(L);
    while (lua_next(L, table) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "contributions: expected partners by name");
        if (count == MTFP_POOL_PARTNERS_MAX)
            luaL_error(L, "contributions: at most %d partners", MTFP_POOL_PARTNERS_MAX);
        names[count++] = lua_tostring(L, -2);
        lua_pop(L, 1);
    }
    qsort(names, (size_t)count, sizeof *names, by_name);
    for (int i = 0; i < count; i++) {
        mtfp_pool_partner *partner = &pool->partners[pool->partner_count];
        partner->name = mtfp_strdup(names[i]);
        if (!partner->name)
            luaL_error(L, "out of memory");
        pool->partner_count++;
        bool by_share = lua_getfield(L, table, names[i]) == LUA_TNUMBER;
        if (pool->partner_count > 1 && by_share != pool->by_share)
            luaL_error(L, "contributions: give every partner a share, or every partner amounts "
                          "by year");
        pool->by_share = by_share;
        if (!by_share) {
            luaL_argexpected(L, lua_istable(L, -1), 1, "contributions by year");
            lua_pushnil(L);
            while (lua_next(L, -2) != 0) {
                const char *label = luaL_checkstring(L, -2);
                int year = mtfp_lua_year(L, host->base_year, label);
                partner->contribution[year] = mtfp_lua_money(L, -1, "a contribution");
                if (partner->contribution[year] < 0)
                    luaL_error(L,
                               "contributions: %s's contribution for %s is below 0: expected 0 "
                               "or more",
                               names[i], label);
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    if (pool->by_share) {
        double out[MTFP_POOL_PARTNERS_MAX];
        shares(L, table, pool, "contributions", out);
        for (int p = 0; p < pool->partner_count; p++)
            pool->partners[p].contribution_share = out[p];
    }
    lua_pop(L, 1);
}

static void services(lua_State *L, mtfp_pool *pool)
{
    if (lua_getfield(L, 1, "services") != LUA_TTABLE || luaL_len(L, -1) < 1)
        luaL_error(L, "pool{}: field 'services' is required: the services whose lines it funds");
    size_t count = (size_t)luaL_len(L, -1);
    pool->services = calloc(count, sizeof *pool->services);
    pool->service_names = calloc(count, sizeof *pool->service_names);
    if (!pool->services || !pool->service_names)
        luaL_error(L, "out of memory");
    for (size_t s = 0; s < count; s++) {
        lua_geti(L, -1, (lua_Integer)s + 1);
        pool->service_names[s] = mtfp_strdup(luaL_checkstring(L, -1));
        if (!pool->service_names[s])
            luaL_error(L, "out of memory");
        pool->service_count = s + 1;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* The pool being declared is held by a userdata with __gc until it is
 * added, so that a Lua error in the middle frees it. */
static int pending_gc(lua_State *L)
{
    mtfp_pool_clear(lua_touserdata(L, 1));
    return 0;
}

/* pool { name = ..., host = ..., services = { ... }, start = "2010/11",
 *        contributions = ..., risk_share = ..., cap = ..., threshold = ... } */
static int pool_(lua_State *L)
{
    static const char *const known[] = {"name",       "host", "services",  "start", "contributions",
                                        "risk_share", "cap",  "threshold", NULL};
    mtfp_host *host = mtfp_host_of(L);
    const mtfp_model *model = host->model;
    mtfp_fields_check(L, 1, "pool", known);
    mtfp_lua_need_base_year(L, "pool{}");
    const char *name = mtfp_field_string(L, 1, "name", true);
    if (mtfp_pools_find(host->pools, name))
        return luaL_error(L, "pool \"%s\" is declared twice", name);
    mtfp_pool *pool = lua_newuserdatauv(L, sizeof *pool, 0);
    memset(pool, 0, sizeof *pool);
    lua_newtable(L);
    lua_pushcfunction(L, pending_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    pool->name = mtfp_strdup(name);
    int line;
    pool->file = mtfp_strdup(mtfp_host_where(L, &line));
    pool->line = line;
    if (!pool->name || !pool->file)
        return luaL_error(L, "out of memory");
    contributions(L, host, pool);
    pool->host = partner_of(L, pool, mtfp_field_string(L, 1, "host", true));
    services(L, pool);
    const char *start = mtfp_field_string(L, 1, "start", false);
    pool->start = start ? mtfp_lua_year(L, host->base_year, start) : 1;
    pool->start_given = start != NULL;
    if (pool->start < 1 || pool->start > model->years) {
        char first[MTFP_YEAR_LABEL_MAX], last[MTFP_YEAR_LABEL_MAX];
        mtfp_year_label(host->base_year + 1, first);
        mtfp_year_label(host->base_year + model->years, last);
        return luaL_error(L, "pool \"%s\": start %s is not a projection year (%s to %s)", name,
                          start, first, last);
    }
    if (lua_getfield(L, 1, "risk_share") != LUA_TNIL) {
        set_risk_share(L, lua_gettop(L), pool);
        pool->rule_given = true;
    }
    if (lua_getfield(L, 1, "cap") != LUA_TNIL)
        set_cap(L, lua_gettop(L), pool);
    if (lua_getfield(L, 1, "threshold") != LUA_TNIL)
        set_threshold(L, lua_gettop(L), pool);
    mtfp_pool added = *pool;
    memset(pool, 0, sizeof *pool); /* the pools own its strings now */
    if (mtfp_pools_add(host->pools, &added) != MTFP_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

void mtfp_bind_pools_model(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"pool", pool_}, {NULL, NULL}};
    mtfp_host_register(host, functions);
}

/* pools["name"]: an empty handle whose fields, when set, set the pool's
 * rules; the pool's name is the setter's upvalue. */
static int handle_set(lua_State *L)
{
    static const char *const known[] = {"risk_share", "cap", "threshold", NULL};
    mtfp_pool *pool = mtfp_pools_find(mtfp_host_of(L)->pools, lua_tostring(L, lua_upvalueindex(1)));
    const char *field = luaL_checkstring(L, 2);
    if (strcmp(field, "risk_share") == 0)
        set_risk_share(L, 3, pool);
    else if (strcmp(field, "cap") == 0)
        set_cap(L, 3, pool);
    else if (strcmp(field, "threshold") == 0)
        set_threshold(L, 3, pool);
    else {
        const char *closest = mtfp_name_closest_of(known, 3, field, strlen(field));
        char hint[MTFP_NAME_HINT_MAX];
        return luaL_error(L, "pools[\"%s\"].%s: expected risk_share, cap or threshold%s",
                          pool->name, field, mtfp_identifier_hint(closest, hint));
    }
    mtfp_host *host = mtfp_host_of(L);
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    char text[300];
    snprintf(text, sizeof text, "pool %s: %s changed", pool->name, field);
    if (mtfp_scenario_add_note(host->scenario, "pool", text, file, line, via) != MTFP_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

static int pools_index(lua_State *L)
{
    mtfp_host *host = mtfp_host_of(L);
    const char *name = luaL_checkstring(L, 2);
    mtfp_pool *pool = mtfp_pools_find(host->pools, name);
    if (!pool) {
        /* Every pool's name, in memory Lua frees once the error is raised. */
        size_t count = host->pools->count;
        const char **names = lua_newuserdatauv(L, (count + 1) * sizeof *names, 0);
        for (size_t i = 0; i < count; i++)
            names[i] = host->pools->items[i].name;
        const char *closest = mtfp_name_closest_of(names, count, name, strlen(name));
        char hint[MTFP_NAME_HINT_MAX];
        return luaL_error(L, "unknown pool \"%s\"%s", name, mtfp_name_hint(closest, NULL, hint));
    }
    lua_newtable(L); /* the handle */
    lua_newtable(L);
    lua_pushstring(L, pool->name);
    lua_pushcclosure(L, handle_set, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    return 1;
}

/* pools["name"] = { ... }: a pool is changed rule by rule, not replaced. */
static int pools_assign(lua_State *L)
{
    const char *name = luaL_checkstring(L, 2);
    return luaL_error(L,
                      "pools[\"%s\"] cannot be replaced: set its rules one at a time, as "
                      "pools[\"%s\"].risk_share = \"host\"",
                      name, name);
}

void mtfp_bind_pools_scenario(mtfp_host *host)
{
    lua_State *L = host->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, host->env);
    lua_pushliteral(L, "pools");
    lua_newtable(L);
    lua_newtable(L);
    lua_pushcfunction(L, pools_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, pools_assign);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_rawset(L, -3); /* past the lock on new globals */
    lua_pop(L, 1);
}
