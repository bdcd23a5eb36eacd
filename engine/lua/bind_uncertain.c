/* uncertain.normal, .triangular, .poisson, .uniform and .choice: numbers a
 * finance lead is unsure of. They stand wherever a number goes. In `mtfp run`
 * each gives its distribution's mean; in `mtfp simulate` each call draws from
 * the run's generator (include/mtfp/rng.h), in the order the script makes the
 * calls. */
#include <lauxlib.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "host.h"

static double finite_arg(lua_State *L, int arg)
{
    double value = luaL_checknumber(L, arg);
    luaL_argcheck(L, isfinite(value), arg, "expected a finite number");
    return value;
}

/* Count the value for the scenario, and when it is at its mean (not drawn:
 * the run whose sheets it is on) record it for the Assumptions sheet: call
 * as written, its parameters in words, its mean. The generator to draw
 * from, or NULL for the mean. */
static mtfp_rng *counted(lua_State *L, const char *call, const char *parameters, double mean)
{
    mtfp_host *host = mtfp_host_of(L);
    if (!host->scenario)
        return host->rng;
    host->scenario->uncertain++;
    if (host->rng)
        return host->rng;
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    if (mtfp_scenario_add_uncertain(host->scenario, call, parameters, mean, file, line, via) !=
        MTFP_OK)
        luaL_error(L, "out of memory");
    return NULL;
}

/* uncertain.normal(mean, sd) */
static int normal(lua_State *L)
{
    double mean = finite_arg(L, 1), sd = finite_arg(L, 2);
    luaL_argcheck(L, sd >= 0, 2, "a standard deviation is 0 or more");
    char call[96], parameters[128];
    snprintf(call, sizeof call, "uncertain.normal(%.12g, %.12g)", mean, sd);
    snprintf(parameters, sizeof parameters, "normal: mean %.12g, standard deviation %.12g", mean,
             sd);
    mtfp_rng *rng = counted(L, call, parameters, mean);
    lua_pushnumber(L, rng ? mtfp_rng_normal(rng, mean, sd) : mean);
    return 1;
}

/* uncertain.triangular(min, mode, max): the mean is (min + mode + max) / 3 */
static int triangular(lua_State *L)
{
    double low = finite_arg(L, 1), mode = finite_arg(L, 2), high = finite_arg(L, 3);
    luaL_argcheck(L, low <= mode && mode <= high, 2, "expected min <= mode <= max");
    char call[128], parameters[160];
    snprintf(call, sizeof call, "uncertain.triangular(%.12g, %.12g, %.12g)", low, mode, high);
    snprintf(parameters, sizeof parameters, "triangular: from %.12g to %.12g, most likely %.12g",
             low, high, mode);
    mtfp_rng *rng = counted(L, call, parameters, (low + mode + high) / 3.0);
    lua_pushnumber(L, rng ? mtfp_rng_triangular(rng, low, mode, high) : (low + mode + high) / 3.0);
    return 1;
}

/* uncertain.poisson(mean): a count, such as arrivals */
static int poisson(lua_State *L)
{
    double mean = finite_arg(L, 1);
    luaL_argcheck(L, mean >= 0 && mean <= MTFP_POISSON_MEAN_MAX, 1,
                  "a Poisson mean is from 0 to 1,000,000");
    char call[64], parameters[96];
    snprintf(call, sizeof call, "uncertain.poisson(%.12g)", mean);
    snprintf(parameters, sizeof parameters, "Poisson: a whole number, mean %.12g", mean);
    mtfp_rng *rng = counted(L, call, parameters, mean);
    lua_pushnumber(L, rng ? mtfp_rng_poisson(rng, mean) : mean);
    return 1;
}

/* uncertain.uniform(min, max) */
static int uniform(lua_State *L)
{
    double low = finite_arg(L, 1), high = finite_arg(L, 2);
    luaL_argcheck(L, low <= high, 2, "expected min <= max");
    char call[96], parameters[96];
    snprintf(call, sizeof call, "uncertain.uniform(%.12g, %.12g)", low, high);
    snprintf(parameters, sizeof parameters, "uniform: from %.12g to %.12g", low, high);
    mtfp_rng *rng = counted(L, call, parameters, (low + high) / 2.0);
    lua_pushnumber(L, rng ? mtfp_rng_uniform(rng, low, high) : (low + high) / 2.0);
    return 1;
}

enum { CHOICE_MAX = 1000 };

/* A list of numbers at argument arg (what: "value", "weight") into out:
 * positions 1 to n, none missing, each a finite number. Returns n. */
static lua_Integer number_list(lua_State *L, int arg, const char *what, double *out)
{
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_Integer count = 0, last = 0;
    lua_pushnil(L);
    while (lua_next(L, arg) != 0) {
        lua_Integer at = lua_isinteger(L, -2) ? lua_tointeger(L, -2) : 0;
        if (at < 1 || at > CHOICE_MAX) {
            bool text = lua_type(L, -2) == LUA_TSTRING;
            luaL_error(L,
                       "uncertain.choice: the %ss are a list, as in { 1000, 3000 }: key %s%s%s is "
                       "not a position from 1 to %d",
                       what, text ? "\"" : "", luaL_tolstring(L, -2, NULL), text ? "\"" : "",
                       CHOICE_MAX);
        }
        if (lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "uncertain.choice: %s %I is a %s: expected a number", what, at,
                       luaL_typename(L, -1));
        out[at - 1] = lua_tonumber(L, -1);
        if (!isfinite(out[at - 1]))
            luaL_error(L, "uncertain.choice: %s %I is %s: expected a finite number", what, at,
                       mtfp_lua_number(L, out[at - 1]));
        count++;
        last = at > last ? at : last;
        lua_pop(L, 1);
    }
    for (lua_Integer at = 1; at <= last; at++)
        if (lua_geti(L, arg, at) == LUA_TNIL)
            luaL_error(L, "uncertain.choice: %s %I is missing (nil): expected a number", what, at);
        else
            lua_pop(L, 1);
    return count;
}

/* uncertain.choice({ values }, { weights }): one of the values, each with
 * its weight's chance (equal weights when none are given); the weighted mean
 * in a run */
static int choice(lua_State *L)
{
    double values[CHOICE_MAX], weights[CHOICE_MAX], sum = 0, total = 0;
    lua_Integer n = number_list(L, 1, "value", values);
    if (n < 1)
        return luaL_error(L, "uncertain.choice: expected 1 to %d values", CHOICE_MAX);
    if (!lua_isnoneornil(L, 2)) {
        lua_Integer given = number_list(L, 2, "weight", weights);
        if (given != n)
            return luaL_error(L,
                              "uncertain.choice: %I values and %I weights: expected a weight "
                              "for each value",
                              n, given);
    } else {
        for (lua_Integer i = 0; i < n; i++)
            weights[i] = 1;
    }
    for (lua_Integer i = 0; i < n; i++) {
        if (weights[i] < 0)
            return luaL_error(L, "uncertain.choice: weight %I is %s: expected 0 or more", i + 1,
                              mtfp_lua_number(L, weights[i]));
        sum += values[i] * weights[i];
        total += weights[i];
    }
    if (total <= 0)
        return luaL_error(L, "uncertain.choice: the weights add up to 0");
    /* The values (and weights) as written, and each value's chance; cut
     * short with "..." past a few hundred characters. */
    char call[400], parameters[400];
    size_t c = (size_t)snprintf(call, sizeof call, "uncertain.choice({ ");
    size_t p = (size_t)snprintf(parameters, sizeof parameters, "choice:");
    for (lua_Integer i = 0; i < n && c < sizeof call; i++)
        c += (size_t)snprintf(call + c, sizeof call - c, "%s%.12g", i ? ", " : "", values[i]);
    if (c < sizeof call)
        c += (size_t)snprintf(call + c, sizeof call - c, " }");
    for (lua_Integer i = 0; !lua_isnoneornil(L, 2) && i < n && c < sizeof call; i++)
        c += (size_t)snprintf(call + c, sizeof call - c, "%s%.12g", i ? ", " : ", { ", weights[i]);
    if (c < sizeof call)
        c += (size_t)snprintf(call + c, sizeof call - c, "%s)", lua_isnoneornil(L, 2) ? "" : " }");
    for (lua_Integer i = 0; i < n && p < sizeof parameters; i++)
        p += (size_t)snprintf(parameters + p, sizeof parameters - p, "%s %.12g (%.3g%%)",
                              i ? "," : "", values[i], 100.0 * weights[i] / total);
    if (c >= sizeof call)
        memcpy(call + sizeof call - 4, "...", 4);
    if (p >= sizeof parameters)
        memcpy(parameters + sizeof parameters - 4, "...", 4);
    mtfp_rng *rng = counted(L, call, parameters, sum / total);
    lua_pushnumber(L, rng ? values[mtfp_rng_choice(rng, weights, (size_t)n)] : sum / total);
    return 1;
}

void mtfp_bind_uncertain(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"normal", normal},   {"triangular", triangular},
                                         {"poisson", poisson}, {"uniform", uniform},
                                         {"choice", choice},   {NULL, NULL}};
    mtfp_host_register_table(host, "uncertain", functions);
}
