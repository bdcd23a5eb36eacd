#include "mtfp/run.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

mtfp_status mtfp_run_init(mtfp_run *run)
{
    memset(run, 0, sizeof *run);
    mtfp_settings_init(&run->settings);
    mtfp_diag_init(&run->findings);
    return mtfp_model_init(&run->model);
}

void mtfp_run_free(mtfp_run *run)
{
    for (size_t i = 0; i < run->count; i++) {
        mtfp_plan_free(&run->plans[i]);
        mtfp_scenario_free(&run->scenarios[i]);
    }
    free(run->plans);
    free(run->scenarios);
    mtfp_settings_free(&run->settings);
    mtfp_model_free(&run->model);
    mtfp_diag_free(&run->findings);
    memset(run, 0, sizeof *run);
}

mtfp_status mtfp_run_add_scenario(mtfp_run *run, const char *name, const char *file,
                                  mtfp_scenario **scenario)
{
    /* Both arrays grow from the same capacity to the same need, so run->cap
     * serves both. */
    size_t plan_cap = run->cap;
    if (mtfp_grow(&run->scenarios, &run->cap, run->count + 1, sizeof *run->scenarios) ||
        mtfp_grow(&run->plans, &plan_cap, run->count + 1, sizeof *run->plans))
        return MTFP_ERR_MEMORY;
    mtfp_plan_init(&run->plans[run->count], run->model.years);
    mtfp_scenario *added = &run->scenarios[run->count];
    run->count++; /* counted before init so that mtfp_run_free frees a half-made one */
    MTFP_TRY(mtfp_scenario_init(added, &run->model, name, file));
    *scenario = added;
    return MTFP_OK;
}

bool mtfp_run_has_capital(const mtfp_run *run)
{
    for (size_t i = 0; i < run->count; i++)
        if (run->scenarios[i].capital.count > 0)
            return true;
    return false;
}

bool mtfp_run_has_pools(const mtfp_run *run)
{
    return run->model.pools.count > 0;
}

mtfp_status mtfp_run_project(mtfp_run *run, mtfp_diag *diag)
{
    for (size_t i = 0; i < run->count; i++) {
        mtfp_plan_free(&run->plans[i]);
        mtfp_plan_init(&run->plans[i], run->model.years);
        MTFP_TRY(mtfp_project(&run->model, &run->scenarios[i], &run->plans[i], diag));
        MTFP_TRY(mtfp_plan_summarise(&run->plans[i], &run->scenarios[i].funding, diag));
    }
    return MTFP_OK;
}
