/* Placements in Lua: placements.add, .growth, .shift and .cost change a
 * scenario's demand for and price of placements; placements.add_type adds a
 * provision. */
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "host.h"
#include "mtfp/memory.h"

static size_t type_named(lua_State *L, const char *field)
{
    const mtfp_placements *placements = &mtfp_host_of(L)->scenario->placements;
    const char *name = mtfp_field_string(L, 1, field, true);
    int32_t found = mtfp_placements_find(placements, name, strlen(name));
    if (found >= 0)
        return (size_t)found;
    const char *closest = mtfp_names_closest(&placements->names, name, strlen(name));
    char hint[MTFP_NAME_HINT_MAX];
    luaL_error(L, "unknown placement type \"%s\"%s", name,
               mtfp_name_hint(closest, ": placements.csv has no such type", hint));
    return 0;
}

/* A type a scenario added opens in a month: no child is placed in it before. */
static void open_by(lua_State *L, size_t type, mtfp_month from, const char *what)
{
    const mtfp_placement_type *t = &mtfp_host_of(L)->scenario->placements.types[type];
    if (t->opens == 0 || from >= t->opens)
        return;
    char month[8], opens[8];
    mtfp_month_label(from, month);
    mtfp_month_label(t->opens, opens);
    luaL_error(L, "%s: \"%s\" opens in %s (placements.add_type at %s:%d), after %s", what, t->name,
               opens, t->file ? t->file : "?", t->line, month);
}

static void change(lua_State *L, size_t type, double count, mtfp_month from, bool stays)
{
    mtfp_placement_change c = {
        .type = (uint32_t)type, .count = count, .from = from, .stays = stays};
    if (mtfp_placements_change(&mtfp_host_of(L)->scenario->placements, &c) != MTFP_OK)
        luaL_error(L, "out of memory");
}

static void note(lua_State *L, const char *text)
{
    mtfp_host *host = mtfp_host_of(L);
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    if (mtfp_scenario_add_note(host->scenario, "placements", text, file, line, via) != MTFP_OK)
        luaL_error(L, "out of memory");
}

/* The first projection year in which the scenario's changes so far take more
 * children out of a type than it has (its closing number then in *closing),
 * or -1. */
static int short_year(lua_State *L, size_t type, double *closing)
{
    const mtfp_model *model = mtfp_host_of(L)->base;
    double measure[MTFP_PLACEMENT_MEASURES][MTFP_MAX_YEARS + 1];
    return mtfp_placement_numbers(&mtfp_host_of(L)->scenario->placements, type, model->base_year,
                                  model->years, measure, closing);
}

/* The error for a change (what, naming the type) that left it short in year. */
static void too_few(lua_State *L, int year, double closing, const char *what)
{
    char label[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(mtfp_host_of(L)->base, year, label);
    if (closing < 0)
        luaL_error(L,
                   "%s would leave it with %s children at the end of %s: a type cannot give up "
                   "more children than it has",
                   what, mtfp_lua_number(L, closing), label);
    luaL_error(L, "%s would take more children out of it during %s than it has", what, label);
}

/* leave = "at the type's rate" | "none within the plan": how the children
 * an add places leave; the script says which (no default). */
static bool stays(lua_State *L, const char *function)
{
    static const char *const ways[] = {"at the type's rate", "none within the plan"};
    const char *leave = mtfp_field_string(L, 1, "leave", false);
    if (!leave)
        luaL_error(L,
                   "%s: say how the children leave: leave = \"%s\" (as those placed, from the "
                   "next year) or leave = \"%s\" (they stay to the end of the plan)",
                   function, ways[0], ways[1]);
    for (int i = 0; i < 2; i++)
        if (mtfp_name_equal(leave, strlen(leave), ways[i]))
            return i == 1;
    return luaL_error(L, "%s: leave = \"%s\": expected \"%s\" or \"%s\"", function, leave, ways[0],
                      ways[1]);
}

/* placements.add { type = ..., count = 3, from = "2010-10", leave = ... } */
static int add(lua_State *L)
{
    static const char *const known[] = {"type", "count", "from", "leave", "reason", NULL};
    mtfp_fields_check(L, 1, "placements.add", known);
    size_t type = type_named(L, "type");
    double count;
    mtfp_field_number(L, 1, "count", true, &count);
    /* 0 adds no one: an uncertain.poisson(3) draws it one run in twenty. */
    if (count < 0 || count > 1e5)
        return luaL_error(L, "placements.add: count = %s: expected 0 to 100000",
                          mtfp_lua_number(L, count));
    mtfp_month from = mtfp_field_from(L, 1);
    bool stay = stays(L, "placements.add");
    open_by(L, type, from, "placements.add");
    mtfp_lua_after_horizon(L, "placements.add: from", from, false);
    change(L, type, count, from, stay);
    char text[300];
    snprintf(text, sizeof text, "%g more placements: %s, %s", count,
             mtfp_host_of(L)->scenario->placements.types[type].name,
             stay ? "staying to the end of the plan" : "leaving at the type's rate");
    note(L, text);
    return 0;
}

/* placements.add_type { type = ..., service = ..., weekly_cost = ..., average_weeks = ...,
 *                       from = ..., arrivals = ..., index = ..., partner = ... }: a provision
 * the scenario adds (an in-house home), with none placed until children are added or shifted
 * to it. */
static int add_type(lua_State *L)
{
    static const char *const known[] = {"type",   "service",  "weekly_cost", "average_weeks",
                                        "from",   "arrivals", "index",       "partner",
                                        "reason", NULL};
    mtfp_host *host = mtfp_host_of(L);
    const mtfp_model *model = host->base;
    mtfp_placements *placements = &host->scenario->placements;
    mtfp_fields_check(L, 1, "placements.add_type", known);
    const char *name =
        mtfp_lua_line(L, "placements.add_type: the type", mtfp_field_string(L, 1, "type", true));
    if (!*name)
        return luaL_error(L, "placements.add_type: expected the type's name");
    int32_t twin = mtfp_placements_find(placements, name, strlen(name));
    if (twin >= 0)
        return luaL_error(L, "placements.add_type: \"%s\" is a type already (%s:%d)", name,
                          placements->types[twin].file ? placements->types[twin].file : "?",
                          placements->types[twin].line);
    mtfp_placement_type type = {0};
    type.service =
        mtfp_lua_name(L, &model->services, "service", mtfp_field_string(L, 1, "service", true));
    const char *partner = mtfp_field_string(L, 1, "partner", false);
    int32_t held = partner ? (int32_t)mtfp_lua_name(L, &model->partners, "partner", partner)
                           : model->service_partner[type.service];
    if (held == MTFP_SERVICE_SHARED)
        return luaL_error(L, "placements.add_type: the service has several partners: give "
                             "partner = ...");
    type.partner = (uint32_t)held;
    if (!mtfp_field_money(L, 1, "weekly_cost", &type.weekly) || type.weekly <= 0)
        return luaL_error(L, "placements.add_type: expected weekly_cost, a cost a week above 0 "
                             "at base-year prices");
    mtfp_field_number(L, 1, "average_weeks", true, &type.average_weeks);
    if (!(type.average_weeks > 0) || type.average_weeks > 5200)
        return luaL_error(L,
                          "placements.add_type: average_weeks = %s: expected the average "
                          "length of a placement in weeks, above 0",
                          mtfp_lua_number(L, type.average_weeks));
    if (mtfp_field_number(L, 1, "arrivals", false, &type.arrivals) &&
        (type.arrivals < 0 || type.arrivals > 1e5))
        return luaL_error(L, "placements.add_type: arrivals = %s: expected 0 to 100000 a year",
                          mtfp_lua_number(L, type.arrivals));
    const char *index = mtfp_field_string(L, 1, "index", false);
    int32_t found = mtfp_indices_find(&host->scenario->indices, index ? index : "contracts",
                                      strlen(index ? index : "contracts"));
    if (found < 0)
        return luaL_error(L, "placements.add_type: unknown index \"%s\"", index);
    type.index = (uint32_t)found;
    type.opens = mtfp_field_from(L, 1);
    mtfp_lua_after_horizon(L, "placements.add_type: from", type.opens, false);
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    type.name = mtfp_strdup(name);
    type.file = mtfp_strdup(file);
    type.line = line;
    if (!type.name || !type.file) {
        free(type.name);
        free(type.file);
        return luaL_error(L, "out of memory");
    }
    if (mtfp_placements_add(placements, &type) != MTFP_OK)
        return luaL_error(L, "out of memory");
    char text[300];
    snprintf(text, sizeof text, "a new type of placement: %s", name);
    note(L, text);
    return 0;
}

/* placements.growth { type = ..., rate = 0.05 }: arrivals grow by rate a year */
static int growth(lua_State *L)
{
    static const char *const known[] = {"type", "rate", "reason", NULL};
    mtfp_fields_check(L, 1, "placements.growth", known);
    size_t type = type_named(L, "type");
    double rate;
    mtfp_field_number(L, 1, "rate", true, &rate);
    if (rate <= -1 || rate > 10)
        return luaL_error(L,
                          "placements.growth: rate = %s: expected a yearly rate above -1, at "
                          "most 10",
                          mtfp_lua_number(L, rate));
    mtfp_placement_type *t = &mtfp_host_of(L)->scenario->placements.types[type];
    double was = t->growth, closing;
    t->growth = rate;
    int year = short_year(L, type, &closing);
    if (year >= 0) {
        t->growth = was; /* the call changes nothing */
        lua_pushfstring(L, "placements.growth: rate = %s, with the children moved out of \"%s\",",
                        mtfp_lua_number(L, rate), t->name);
        too_few(L, year, closing, lua_tostring(L, -1));
    }
    note(L, "placement arrivals grow");
    return 0;
}

/* placements.shift { from_type = ..., to_type = ..., count = 2 | percent = 0.1, from = ... } */
static int shift(lua_State *L)
{
    static const char *const known[] = {"from_type", "to_type", "count", "percent",
                                        "from",      "reason",  NULL};
    mtfp_fields_check(L, 1, "placements.shift", known);
    size_t from_type = type_named(L, "from_type"), to_type = type_named(L, "to_type");
    if (from_type == to_type)
        return luaL_error(L, "placements.shift: from_type and to_type are the same type");
    mtfp_placements *placements = &mtfp_host_of(L)->scenario->placements;
    double count, percent;
    bool by_count = mtfp_field_number(L, 1, "count", false, &count);
    bool by_percent = mtfp_field_number(L, 1, "percent", false, &percent);
    if (by_count == by_percent)
        return luaL_error(L, "placements.shift: give count or percent (0.1 is 10%%)");
    /* 0 moves no one, as placements.add's 0 adds no one: a draw or a sweep
     * can give it. */
    if (by_percent) {
        if (percent < 0 || percent > 1)
            return luaL_error(L, "placements.shift: percent = %s: expected 0 to 1",
                              mtfp_lua_number(L, percent));
        count = percent * placements->types[from_type].count;
    }
    if (count < 0)
        return luaL_error(L, "placements.shift: %s children to move: expected 0 or more",
                          mtfp_lua_number(L, count));
    mtfp_month from = mtfp_field_from(L, 1);
    open_by(L, to_type, from, "placements.shift");
    change(L, from_type, -count, from, false);
    double closing;
    int year = short_year(L, from_type, &closing);
    if (year >= 0) {
        placements->change_count--; /* the call changes nothing */
        char month[8];
        mtfp_month_label(from, month);
        lua_pushfstring(L, "placements.shift: moving %s children out of \"%s\" from %s",
                        mtfp_lua_number(L, count), placements->types[from_type].name, month);
        too_few(L, year, closing, lua_tostring(L, -1));
    }
    mtfp_lua_after_horizon(L, "placements.shift: from", from, false);
    change(L, to_type, count, from, false);
    note(L, "placements shifted between types");
    return 0;
}

/* placements.cost { type = ..., weekly = 3000 | percent = 0.05 }: from the first projection year */
static int cost(lua_State *L)
{
    static const char *const known[] = {"type", "weekly", "percent", "reason", NULL};
    mtfp_fields_check(L, 1, "placements.cost", known);
    size_t type = type_named(L, "type");
    mtfp_placement_type *t = &mtfp_host_of(L)->scenario->placements.types[type];
    mtfp_pence weekly;
    double percent;
    bool by_weekly = mtfp_field_money(L, 1, "weekly", &weekly);
    bool by_percent = mtfp_field_number(L, 1, "percent", false, &percent);
    if (by_weekly == by_percent)
        return luaL_error(L, "placements.cost: give weekly (pounds) or percent");
    if (by_weekly && weekly <= 0)
        return luaL_error(L, "placements.cost: expected a weekly cost above 0");
    double change = by_weekly ? (double)weekly / (double)t->weekly - 1.0 : percent;
    if (change <= -1)
        return luaL_error(L, "placements.cost: the price cannot fall by 100%% or more");
    t->price_change = change;
    note(L, "placement weekly cost changed");
    return 0;
}

void mtfp_bind_placements_scenario(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"add", add},       {"add_type", add_type},
                                         {"growth", growth}, {"shift", shift},
                                         {"cost", cost},     {NULL, NULL}};
    mtfp_host_register_table(host, "placements", functions);
}
