/* uncertain.normal, .triangular, .poisson, .uniform and .choice: numbers a
 * finance lead is unsure of. They stand wherever a number goes. In `mtfp run`
 * each gives its distribution's mean; in `mtfp simulate` each call draws from
 * the run's generator (include/mtfp/rng.h), in the order the script makes the
 * calls. */
#include <lauxlib.h>
#include <math.h>
#include <stdbool.h>

#include "host.h"

static double finite_arg(lua_State *L, int arg)
{
    double value = luaL_checknumber(L, arg);
    luaL_argcheck(L, isfinite(value), arg, "expected a finite number");
    return value;
}

/* Count the value for the scenario; the generator to draw from, or NULL for
 * the mean. */
static mtfp_rng *counted(lua_State *L)
{
    mtfp_host *host = mtfp_host_of(L);
    if (host->scenario)
        host->scenario->uncertain++;
    return host->rng;
}

/* uncertain.normal(mean, sd) */
static int normal(lua_State *L)
{
    double mean = finite_arg(L, 1), sd = finite_arg(L, 2);
    luaL_argcheck(L, sd >= 0, 2, "a standard deviation is 0 or more");
    mtfp_rng *rng = counted(L);
    lua_pushnumber(L, rng ? mtfp_rng_normal(rng, mean, sd) : mean);
    return 1;
}

/* uncertain.triangular(min, mode, max): the mean is (min + mode + max) / 3 */
static int triangular(lua_State *L)
{
    double low = finite_arg(L, 1), mode = finite_arg(L, 2), high = finite_arg(L, 3);
    luaL_argcheck(L, low <= mode && mode <= high, 2, "expected min <= mode <= max");
    mtfp_rng *rng = counted(L);
    lua_pushnumber(L, rng ? mtfp_rng_triangular(rng, low, mode, high) : (low + mode + high) / 3.0);
    return 1;
}

/* uncertain.poisson(mean): a count, such as arrivals */
static int poisson(lua_State *L)
{
    double mean = finite_arg(L, 1);
    luaL_argcheck(L, mean >= 0 && mean <= MTFP_POISSON_MEAN_MAX, 1,
                  "a Poisson mean is from 0 to 1,000,000");
    mtfp_rng *rng = counted(L);
    lua_pushnumber(L, rng ? mtfp_rng_poisson(rng, mean) : mean);
    return 1;
}

/* uncertain.uniform(min, max) */
static int uniform(lua_State *L)
{
    double low = finite_arg(L, 1), high = finite_arg(L, 2);
    luaL_argcheck(L, low <= high, 2, "expected min <= max");
    mtfp_rng *rng = counted(L);
    lua_pushnumber(L, rng ? mtfp_rng_uniform(rng, low, high) : (low + high) / 2.0);
    return 1;
}

enum { CHOICE_MAX = 1000 };

/* uncertain.choice({ values }, { weights }): one of the values, each with
 * its weight's chance (equal weights when none are given); the weighted mean
 * in a run */
static int choice(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    luaL_argcheck(L, n >= 1 && n <= CHOICE_MAX, 1, "expected 1 to 1000 values");
    bool weighted = !lua_isnoneornil(L, 2);
    if (weighted) {
        luaL_checktype(L, 2, LUA_TTABLE);
        luaL_argcheck(L, luaL_len(L, 2) == n, 2, "expected a weight for each value");
    }
    double values[CHOICE_MAX], weights[CHOICE_MAX], sum = 0, total = 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        double value = lua_tonumber(L, -1), weight = 1;
        if (weighted) {
            lua_geti(L, 2, i);
            weight = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        if (!isfinite(value) || !isfinite(weight) || weight < 0)
            return luaL_error(L,
                              "uncertain.choice: value %I or its weight is not a finite number "
                              "(weights are 0 or more)",
                              i);
        values[i - 1] = value;
        weights[i - 1] = weight;
        sum += value * weight;
        total += weight;
    }
    if (total <= 0)
        return luaL_error(L, "uncertain.choice: the weights add up to 0");
    mtfp_rng *rng = counted(L);
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
