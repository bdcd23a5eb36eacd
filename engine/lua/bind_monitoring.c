/* model.lua: monitoring{}, the RAG thresholds of budget monitoring and
 * whether the recurring part of the forecast variance enters the plan. */
#include <lauxlib.h>
#include <string.h>

#include "fields.h"
#include "host.h"

/* monitoring { green = 0.01, amber = 0.05, carry = "recurring" | "none" }:
 * read whole before any of it is set. */
static int monitoring(lua_State *L)
{
    static const char *const known[] = {"green", "amber", "carry", NULL};
    mtfp_monitoring_policy *set = &mtfp_host_of(L)->model->monitoring.policy, policy = *set;
    mtfp_fields_check(L, 1, "monitoring", known);
    static const char *const bands[] = {"green", "amber"};
    double *rates[] = {&policy.green, &policy.amber};
    for (int b = 0; b < 2; b++) {
        double rate;
        if (!mtfp_field_number(L, 1, bands[b], false, &rate))
            continue;
        if (rate < 0 || rate > 1)
            return luaL_error(L,
                              "monitoring{}: %s = %s: expected a share of the budget from 0 to 1",
                              bands[b], mtfp_lua_number(L, rate));
        *rates[b] = rate;
    }
    if (policy.green > policy.amber)
        return luaL_error(L,
                          "monitoring{}: green = %s is above amber = %s: a variance within "
                          "green is within amber too",
                          mtfp_lua_number(L, policy.green), mtfp_lua_number(L, policy.amber));
    const char *carry = mtfp_field_string(L, 1, "carry", false);
    if (carry && strcmp(carry, "recurring") != 0 && strcmp(carry, "none") != 0)
        return luaL_error(L, "monitoring{}: carry = \"%s\": expected \"recurring\" or \"none\"",
                          carry);
    if (carry)
        policy.carry = strcmp(carry, "recurring") == 0;
    *set = policy;
    return 0;
}

void mtfp_bind_monitoring_model(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"monitoring", monitoring}, {NULL, NULL}};
    mtfp_host_register(host, functions);
}
