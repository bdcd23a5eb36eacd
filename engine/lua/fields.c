#include "fields.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "host.h"
#include "mtfp/utf8.h"

void mtfp_fields_check(lua_State *L, int arg, const char *what, const char *const *known)
{
    luaL_checktype(L, arg, LUA_TTABLE);
    size_t count = 0;
    while (known[count])
        count++;
    lua_pushnil(L);
    while (lua_next(L, arg) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "%s{}: give fields by name, as in %s { %s = ... }", what, what, known[0]);
        const char *key = lua_tostring(L, -1);
        size_t i = 0;
        while (i < count && strcmp(key, known[i]) != 0)
            i++;
        if (i == count) {
            char hint[MTFP_NAME_HINT_MAX];
            luaL_error(
                L, "%s{}: unknown field '%s'%s", what, key,
                mtfp_identifier_hint(mtfp_name_closest_of(known, count, key, strlen(key)), hint));
        }
    }
}

static bool field(lua_State *L, int arg, const char *name, bool required, int type,
                  const char *expected)
{
    int got = lua_getfield(L, arg, name);
    if (got == LUA_TNIL) {
        lua_pop(L, 1);
        if (required)
            luaL_error(L, "field '%s' is required: expected %s", name, expected);
        return false;
    }
    if (got != type)
        luaL_error(L, "field '%s' is a %s: expected %s", name, lua_typename(L, got), expected);
    return true;
}

const char *mtfp_field_string(lua_State *L, int arg, const char *name, bool required)
{
    if (!field(L, arg, name, required, LUA_TSTRING, "a string"))
        return NULL;
    const char *text = lua_tostring(L, -1);
    lua_pop(L, 1); /* the string stays alive in the table */
    return text;
}

bool mtfp_field_number(lua_State *L, int arg, const char *name, bool required, double *out)
{
    if (!field(L, arg, name, required, LUA_TNUMBER, "a number"))
        return false;
    double value = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!isfinite(value))
        luaL_error(L, "field '%s' is %s: expected a finite number", name,
                   mtfp_lua_number(L, value));
    *out = value;
    return true;
}

bool mtfp_field_bool(lua_State *L, int arg, const char *name, bool fallback)
{
    if (!field(L, arg, name, false, LUA_TBOOLEAN, "true or false"))
        return fallback;
    bool value = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return value;
}

const char *mtfp_lua_line(lua_State *L, const char *what, const char *text)
{
    if (!text)
        return NULL;
    size_t len = strlen(text);
    for (size_t i = 0; i < len; i++)
        if (mtfp_utf8_control((unsigned char)text[i]))
            luaL_error(L, "%s has a control character (byte %d at %d): expected one line of text",
                       what, (int)(unsigned char)text[i], (int)i + 1);
    size_t valid = mtfp_utf8_valid(text, len);
    if (valid != len)
        luaL_error(L, "%s is not UTF-8 (byte %d): expected text", what, (int)valid + 1);
    return text;
}

const char *mtfp_lua_number(lua_State *L, double value)
{
    if (isnan(value))
        return "not a number (NaN)";
    if (isinf(value))
        return value > 0 ? "infinity" : "minus infinity";
    char text[32];
    snprintf(text, sizeof text, "%.15g", value);
    return lua_pushstring(L, text);
}

mtfp_pence mtfp_lua_money(lua_State *L, int index, const char *what)
{
    if (lua_type(L, index) != LUA_TNUMBER)
        luaL_error(L, "%s is a %s: expected an amount in pounds", what, luaL_typename(L, index));
    mtfp_pence pence;
    if (!mtfp_money_from_pounds(lua_tonumber(L, index), &pence))
        luaL_error(L,
                   "%s is %s: expected a finite amount no larger than "
                   "1,000,000,000,000.00 pounds",
                   what, mtfp_lua_number(L, lua_tonumber(L, index)));
    return pence;
}

bool mtfp_field_money(lua_State *L, int arg, const char *name, mtfp_pence *out)
{
    if (!field(L, arg, name, false, LUA_TNUMBER, "an amount in pounds"))
        return false;
    *out = mtfp_lua_money(L, -1, name);
    lua_pop(L, 1);
    return true;
}

bool mtfp_field_month(lua_State *L, int arg, const char *name, bool required, bool end,
                      mtfp_month *out)
{
    if (required && lua_getfield(L, arg, name) == LUA_TNIL)
        luaL_error(L,
                   "field '%s' is required: expected a month like \"2010-10\" or a year like "
                   "\"2010/11\"",
                   name);
    if (required)
        lua_pop(L, 1);
    const char *text = mtfp_field_string(L, arg, name, false);
    if (!text)
        return false;
    if (mtfp_period_month_parse(text, strlen(text), end, out))
        return true;
    luaL_error(L, "%s = \"%s\": expected a month like \"2010-10\" or a year like \"2010/11\"", name,
               text);
    return false;
}

uint32_t mtfp_lua_name(lua_State *L, const mtfp_names *names, const char *kind, const char *name)
{
    int32_t id = mtfp_names_find(names, name, strlen(name));
    if (id >= 0)
        return (uint32_t)id;
    char hint[MTFP_NAME_HINT_MAX], otherwise[64];
    snprintf(otherwise, sizeof otherwise, "; the model's revenue.csv has no such %s", kind);
    luaL_error(L, "unknown %s \"%s\"%s", kind, name,
               mtfp_name_hint(mtfp_names_closest(names, name, strlen(name)), otherwise, hint));
    return 0;
}

/* The error for a year beyond any horizon: what is "year 2040/41". */
static void beyond_any_horizon(lua_State *L, const char *what, int base_year)
{
    char base[MTFP_YEAR_LABEL_MAX];
    mtfp_year_label(base_year, base);
    luaL_error(L, "%s is more than %d years after the base year %s: no horizon reaches it", what,
               MTFP_MAX_YEARS, base);
}

int mtfp_lua_year(lua_State *L, int base_year, const char *label)
{
    int start;
    if (!mtfp_year_parse(label, strlen(label), &start))
        luaL_error(L, "\"%s\" is not a financial year: expected one like \"2010/11\"", label);
    int year = start - base_year;
    if (year < 0) {
        char base[MTFP_YEAR_LABEL_MAX];
        mtfp_year_label(base_year, base);
        luaL_error(L, "year %s is before the base year %s", label, base);
    }
    if (year > MTFP_MAX_YEARS) {
        lua_pushfstring(L, "year %s", label);
        beyond_any_horizon(L, lua_tostring(L, -1), base_year);
    }
    return year;
}

mtfp_month mtfp_field_from(lua_State *L, int arg)
{
    const mtfp_model *model = mtfp_host_of(L)->base;
    mtfp_month from;
    mtfp_field_month(L, arg, "from", true, false, &from);
    char month[8];
    mtfp_month_label(from, month);
    if (from < mtfp_model_first_month(model)) {
        char first[MTFP_YEAR_LABEL_MAX];
        mtfp_model_year_label(model, 1, first);
        luaL_error(L, "from %s is before the first projection year %s", month, first);
    }
    if (from > mtfp_year_last_month(model->base_year + MTFP_MAX_YEARS)) {
        lua_pushfstring(L, "from %s", month);
        beyond_any_horizon(L, lua_tostring(L, -1), model->base_year);
    }
    return from;
}

void mtfp_lua_after_horizon(lua_State *L, const char *what, mtfp_month month, bool as_year)
{
    mtfp_host *host = mtfp_host_of(L);
    const mtfp_model *model = host->base;
    if (month <= mtfp_year_last_month(model->base_year + model->years))
        return;
    char when[MTFP_YEAR_LABEL_MAX], last[MTFP_YEAR_LABEL_MAX];
    if (as_year)
        mtfp_year_label(mtfp_month_year(month), when);
    else
        mtfp_month_label(month, when);
    mtfp_model_year_label(model, model->years, last);
    int line;
    const char *file = mtfp_host_where(L, &line);
    if (mtfp_diag_warn(host->diag, file, line, 0,
                       "%s %s is after %s, the last year of this run, which shows nothing of it "
                       "(model.lua's years or --years sets the horizon)",
                       what, when, last) != MTFP_OK)
        luaL_error(L, "out of memory");
}

int mtfp_lua_projection_year(lua_State *L, const char *what, const char *label)
{
    int year = mtfp_lua_year(L, mtfp_host_of(L)->base->base_year, label);
    if (year == 0)
        luaL_error(L,
                   "%s \"%s\" is the base year, which a scenario leaves as approved: give a "
                   "projection year",
                   what, label);
    return year;
}

size_t mtfp_lua_rates(lua_State *L, int idx, const char *what, double *rates)
{
    if (lua_type(L, idx) == LUA_TNUMBER) {
        rates[0] = lua_tonumber(L, idx);
        return 1;
    }
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_error(L, "%s: expected a rate or a list of rates, one per projection year, got a %s",
                   what, luaL_typename(L, idx));
    lua_Integer count = luaL_len(L, idx);
    if (count < 1 || count > MTFP_MAX_YEARS)
        luaL_error(L, "%s: give 1 to %d rates, one per projection year", what, MTFP_MAX_YEARS);
    for (lua_Integer i = 1; i <= count; i++) {
        if (lua_geti(L, idx, i) != LUA_TNUMBER)
            luaL_error(L, "%s: rate %d is not a number", what, (int)i);
        rates[i - 1] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    return (size_t)count;
}

void mtfp_lua_need_base_year(lua_State *L, const char *function)
{
    const mtfp_host *host = mtfp_host_of(L);
    if (host->model && !host->named)
        luaL_error(L, "%s: call model{} first, to give the base year", function);
}
