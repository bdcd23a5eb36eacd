/* Running model.lua and scenario scripts (include/mtfp/script.h). */
#include "mtfp/script.h"

#include <stdlib.h>
#include <string.h>

#include <lua.h>

#include "host.h"
#include "mtfp/memory.h"
#include "mtfp/path.h"

mtfp_status mtfp_script_load_model(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    mtfp_host host;
    const mtfp_limits defaults = {MTFP_LIMIT_INSTRUCTIONS_DEFAULT, MTFP_LIMIT_MEMORY_DEFAULT};
    mtfp_status status = mtfp_host_open(&host, &defaults, diag);
    if (status == MTFP_OK) {
        host.model = model;
        host.indices = &model->indices;
        host.funding = &model->funding;
        host.capital = &model->capital;
        host.pools = &model->pools;
        mtfp_bind_common(&host);
        mtfp_bind_model(&host);
        mtfp_bind_capital_model(&host);
        mtfp_bind_pools_model(&host);
        mtfp_bind_staffing_model(&host);
        mtfp_bind_funding_model(&host);
        mtfp_bind_monitoring_model(&host);
        mtfp_bind_risks_model(&host);
        status = mtfp_host_run(&host, path, diag);
    }
    if (status == MTFP_OK && !host.named)
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0,
                                 "model.lua must describe the model with model { name = ..., "
                                 "base_year = \"2005/06\" }");
    mtfp_host_close(&host);
    return status;
}

/* A scenario a script does not name is called after its file: "efficiency-3pc". */
static mtfp_status default_name(mtfp_scenario *scenario)
{
    const char *base = mtfp_path_base(scenario->file);
    size_t len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".lua") == 0)
        len -= 4;
    char *name = mtfp_strndup(base, len);
    if (!name)
        return MTFP_ERR_MEMORY;
    free(scenario->name);
    scenario->name = name;
    return MTFP_OK;
}

/* A post staffing.add gives funding = "..." ends with that grant, so the
 * name must be a funding source of the scenario: the model's, or one the
 * script gives, before or after the post (so this waits for the whole
 * script). A misspelt grant left the post paid for ever without a word. */
static mtfp_status grants_named(const mtfp_scenario *scenario, mtfp_diag *diag)
{
    for (size_t i = 0; i < scenario->staffing.count; i++) {
        const mtfp_staffing_action *action = &scenario->staffing.items[i];
        const char *grant = action->post.funding, *closest;
        char hint[MTFP_NAME_HINT_MAX];
        if (action->kind != MTFP_STAFF_ADD || !grant ||
            mtfp_funding_find(&scenario->funding, grant, strlen(grant), &closest))
            continue;
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, action->file, action->line, 0,
                               "staffing.add: funding \"%s\" is not a funding source of the model "
                               "or this scenario%s",
                               grant, mtfp_name_hint(closest, ": give it with funding{}", hint));
    }
    return MTFP_OK;
}

mtfp_status mtfp_script_apply(const mtfp_model *model, mtfp_scenario *scenario,
                              mtfp_settings *settings, mtfp_rng *rng, mtfp_diag *diag)
{
    mtfp_host host;
    MTFP_TRY(default_name(scenario));
    mtfp_status status = mtfp_host_open(&host, &model->limits, diag);
    if (status == MTFP_OK) {
        host.base = model;
        host.scenario = scenario;
        host.settings = settings;
        host.indices = &scenario->indices;
        host.funding = &scenario->funding;
        host.base_year = model->base_year;
        host.capital = &scenario->capital;
        host.pools = &scenario->pools;
        host.rng = rng;
        mtfp_bind_common(&host);
        mtfp_bind_scenario(&host);
        mtfp_bind_capital_scenario(&host);
        mtfp_bind_pools_scenario(&host);
        mtfp_bind_staffing_scenario(&host);
        mtfp_bind_placements_scenario(&host);
        mtfp_bind_uncertain(&host);
        mtfp_bind_funding_scenario(&host);
        mtfp_bind_risks_scenario(&host);
        status = mtfp_host_run(&host, scenario->file, diag);
    }
    mtfp_host_close(&host);
    return status == MTFP_OK ? grants_named(scenario, diag) : status;
}

const char *mtfp_script_library_version(void)
{
    return LUA_RELEASE;
}
