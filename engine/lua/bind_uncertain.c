/* uncertain.normal, .triangular, .poisson, .uniform and .choice: numbers a
 * finance lead is unsure of. `mtfp run` uses each distribution's mean, so a
 * script can put them wherever a number goes. */
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

/* uncertain.normal(mean, sd) */
static int normal(lua_State *L)
{
    double mean = finite_arg(L, 1), sd = finite_arg(L, 2);
    luaL_argcheck(L, sd >= 0, 2, "a standard deviation is 0 or more");
    lua_pushnumber(L, mean);
    return 1;
}

/* uncertain.triangular(min, mode, max): the mean is (min + mode + max) / 3 */
static int triangular(lua_State *L)
{
    double low = finite_arg(L, 1), mode = finite_arg(L, 2), high = finite_arg(L, 3);
    luaL_argcheck(L, low <= mode && mode <= high, 2, "expected min <= mode <= max");
    lua_pushnumber(L, (low + mode + high) / 3.0);
    return 1;
}

/* uncertain.poisson(mean): a count, such as arrivals */
static int poisson(lua_State *L)
{
    double mean = finite_arg(L, 1);
    luaL_argcheck(L, mean >= 0, 1, "a Poisson mean is 0 or more");
    lua_pushnumber(L, mean);
    return 1;
}

/* uncertain.uniform(min, max) */
static int uniform(lua_State *L)
{
    double low = finite_arg(L, 1), high = finite_arg(L, 2);
    luaL_argcheck(L, low <= high, 2, "expected min <= max");
    lua_pushnumber(L, (low + high) / 2.0);
    return 1;
}

/* uncertain.choice({ values }, { weights }): the weighted mean (equal weights
 * when none are given) */
static int choice(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    luaL_argcheck(L, n >= 1 && n <= 1000, 1, "expected 1 to 1000 values");
    bool weighted = !lua_isnoneornil(L, 2);
    if (weighted) {
        luaL_checktype(L, 2, LUA_TTABLE);
        luaL_argcheck(L, luaL_len(L, 2) == n, 2, "expected a weight for each value");
    }
    double sum = 0, weights = 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        double value = lua_tonumber(L, -1);
        double weight = 1;
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
        sum += value * weight;
        weights += weight;
    }
    if (weights <= 0)
        return luaL_error(L, "uncertain.choice: the weights add up to 0");
    lua_pushnumber(L, sum / weights);
    return 1;
}

void mtfp_bind_uncertain(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"normal", normal},   {"triangular", triangular},
                                         {"poisson", poisson}, {"uniform", uniform},
                                         {"choice", choice},   {NULL, NULL}};
    mtfp_host_register_table(host, "uncertain", functions);
}
