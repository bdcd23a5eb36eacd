/* index(), funding{} and print(): the same in model.lua and in scenarios.
 * index() and funding{} write to the model's or the scenario's indices and
 * funding. */
#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "host.h"

static void note(lua_State *L, mtfp_host *host, const char *kind, const char *text)
{
    if (!host->scenario)
        return;
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    if (mtfp_scenario_add_note(host->scenario, kind, text, file, line, via) != MTFP_OK)
        luaL_error(L, "out of memory");
}

/* A scenario may name a new index or funding source, but a new name close to
 * one it has (closest: "prices" for "price", "PCT" for "PTC") is most likely
 * a slip that leaves the one meant as it was: a warning at the line. */
static void new_but_close(lua_State *L, mtfp_host *host, const char *what, const char *name,
                          const char *closest)
{
    if (!closest)
        return;
    int line;
    const char *file = mtfp_host_where(L, &line);
    char hint[MTFP_NAME_HINT_MAX];
    if (mtfp_diag_warn(host->diag, file, line, 0,
                       "%s \"%s\" is not one the model has, so this makes a new one and leaves "
                       "\"%s\" as it was%s",
                       what, name, closest, mtfp_name_hint(closest, NULL, hint)) != MTFP_OK)
        luaL_error(L, "out of memory");
}

/* A scenario sets an index once: a second index() of a name that gives other
 * rates (from a script the scenario uses, say) is an error naming both
 * lines. One the model set is the scenario's to replace. */
static void index_conflict(lua_State *L, mtfp_host *host, const char *name, const double *rates,
                           size_t count)
{
    int32_t found = mtfp_indices_find(host->indices, name, strlen(name));
    if (!host->scenario || found < 0)
        return;
    const mtfp_index *set = &host->indices->items[found];
    int32_t model = mtfp_indices_find(&host->base->indices, name, strlen(name));
    const mtfp_index *was = model >= 0 ? &host->base->indices.items[model] : NULL;
    bool scenarios =
        !was || was->line != set->line ||
        (was->file && set->file ? strcmp(was->file, set->file) != 0 : was->file != set->file);
    if (!scenarios)
        return;
    for (size_t y = 1; y <= MTFP_MAX_YEARS; y++)
        if (set->rate[y] != rates[(y <= count ? y : count) - 1])
            luaL_error(L,
                       "index(\"%s\") gives other rates than %s:%d gave it in this scenario: a "
                       "scenario sets an index once, whichever of its scripts sets it",
                       name, set->file ? set->file : "?", set->line);
}

/* index("pay", 0.03) or index("prices", { 0.025, 0.025, 0.02 }) */
static int index_(lua_State *L)
{
    mtfp_host *host = mtfp_host_of(L);
    const char *name = mtfp_lua_line(L, "index: the name", luaL_checkstring(L, 1));
    if (!*name)
        return luaL_error(L, "index: expected a name");
    double rates[MTFP_MAX_YEARS];
    size_t count = mtfp_lua_rates(L, 2, "index()", rates);
    index_conflict(L, host, name, rates, count);
    if (host->scenario && mtfp_indices_find(host->indices, name, strlen(name)) < 0)
        new_but_close(L, host, "index", name,
                      mtfp_indices_closest(host->indices, name, strlen(name)));
    int line;
    const char *file = mtfp_host_where(L, &line);
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    if (mtfp_indices_set(host->indices, name, rates, count, file, line, NULL, &diag) != MTFP_OK)
        return luaL_error(L, "%s", diag.message);
    char text[MTFP_MAX_YEARS * 16 + 64];
    size_t used = (size_t)snprintf(text, sizeof text, "%s:", name);
    for (size_t i = 0; i < count && used < sizeof text; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%s %g%%", i ? "," : "",
                                 rates[i] * 100.0);
    note(L, host, "index", text);
    return 0;
}

/* amounts = { ["2006/07"] = 28e6, ... } into read (its amounts and the years
 * given), checked whole before any is used. */
static void funding_amounts(lua_State *L, mtfp_host *host, mtfp_funding_source *read)
{
    if (lua_getfield(L, 1, "amounts") != LUA_TTABLE)
        luaL_error(L, "funding{}: field 'amounts' is required: expected a table such as "
                      "{ [\"2006/07\"] = 28e6 }");
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "funding{}: amounts are keyed by year, as in [\"2006/07\"] = 28e6");
        const char *label = lua_tostring(L, -2);
        int year = host->scenario ? mtfp_lua_projection_year(L, "funding{}:", label)
                                  : mtfp_lua_year(L, host->base_year, label);
        mtfp_funding_set(read, year, mtfp_lua_money(L, -1, "a funding amount"));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* funding { source = "...", amounts = { ["2006/07"] = 28e6, ... }, to = "2007/08",
 *           index = "prices" } */
static int funding(lua_State *L)
{
    static const char *const known[] = {"source", "amounts", "to", "index", NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_fields_check(L, 1, "funding", known);
    mtfp_lua_need_base_year(L, "funding{}");
    const char *name = mtfp_field_string(L, 1, "source", true);
    const char *closest;
    if (host->scenario && !mtfp_funding_find(host->funding, name, strlen(name), &closest))
        new_but_close(L, host, "funding source", name, closest);
    mtfp_funding_source read = {.last_year = -1};
    funding_amounts(L, host, &read);
    const char *to = mtfp_field_string(L, 1, "to", false);
    if (to)
        read.last_year = mtfp_lua_year(L, host->base_year, to);
    const char *index = mtfp_field_string(L, 1, "index", false);
    int32_t grows = -1;
    if (index && (grows = mtfp_indices_find(host->indices, index, strlen(index))) < 0) {
        char hint[MTFP_NAME_HINT_MAX];
        return luaL_error(L, "funding{}: unknown index \"%s\"%s", index,
                          mtfp_name_hint(mtfp_indices_closest(host->indices, index, strlen(index)),
                                         ": define it with index() first", hint));
    }
    for (int y = 0; host->scenario && y <= MTFP_MAX_YEARS; y++)
        if (read.given & (1u << y))
            mtfp_lua_after_horizon(L, "funding{}: the amount for",
                                   mtfp_year_first_month(host->base_year + y), true);
    int line;
    const char *file = mtfp_host_where(L, &line);
    mtfp_funding_source *source;
    if (mtfp_funding_add_source(host->funding, name, file, line, &source) != MTFP_OK)
        return luaL_error(L, "out of memory");
    for (int y = 0; y <= MTFP_MAX_YEARS; y++)
        if (read.given & (1u << y))
            mtfp_funding_set(source, y, read.amount[y]);
    if (to)
        source->last_year = read.last_year;
    if (index)
        source->index = grows;
    char text[256];
    snprintf(text, sizeof text, "funding source \"%s\" set%s%s", name, to ? ", ending " : "",
             to ? to : "");
    note(L, host, "funding", text);
    return 0;
}

/* print(...) goes to a scenario's notes (the Audit sheet), not the terminal;
 * in model.lua, which has no notes, it becomes a warning. */
static int print(lua_State *L)
{
    mtfp_host *host = mtfp_host_of(L);
    int count = lua_gettop(L);
    luaL_Buffer buffer;
    luaL_buffinit(L, &buffer);
    for (int i = 1; i <= count; i++) {
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&buffer);
        if (i < count)
            luaL_addchar(&buffer, '\t');
    }
    luaL_pushresult(&buffer);
    const char *text = lua_tostring(L, -1);
    if (host->scenario) {
        note(L, host, "print", text);
        return 0;
    }
    int line;
    const char *file = mtfp_host_where(L, &line);
    if (mtfp_diag_warn(host->diag, file, line, 0, "print: %s", text) != MTFP_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

void mtfp_bind_common(mtfp_host *host)
{
    static const luaL_Reg functions[] = {
        {"index", index_}, {"funding", funding}, {"print", print}, {NULL, NULL}};
    mtfp_host_register(host, functions);
}
