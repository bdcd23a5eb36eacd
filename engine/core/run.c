#include "mtfp/run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/path.h"
#include "mtfp/projection.h"
#include "mtfp/reconcile.h"
#include "mtfp/report.h"

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
    if (run->sweep)
        mtfp_sweep_free(run->sweep);
    free(run->sweep);
    for (size_t i = 0; i < run->simulation_count; i++)
        mtfp_simulation_free(&run->simulations[i]);
    free(run->simulations);
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

bool mtfp_run_has_staffing(const mtfp_run *run)
{
    return run->model.establishment.count > 0;
}

bool mtfp_run_has_placements(const mtfp_run *run)
{
    return run->model.placements.count > 0;
}

bool mtfp_run_has_savings(const mtfp_run *run)
{
    for (size_t s = 0; s < run->count; s++)
        for (size_t a = 0; a < run->plans[s].audit_count; a++)
            if (mtfp_audit_is_saving(&run->plans[s].audit[a]))
                return true;
    return false;
}

bool mtfp_run_has_risks(const mtfp_run *run)
{
    for (size_t i = 0; i < run->count; i++)
        if (run->scenarios[i].risks.count > 0)
            return true;
    return false;
}

bool mtfp_run_has_priced_risks(const mtfp_run *run)
{
    for (size_t i = 0; i < run->count; i++)
        for (size_t r = 0; r < run->scenarios[i].risks.count; r++)
            if (run->scenarios[i].risks.items[r].priced)
                return true;
    return false;
}

/* Scenario i's summary. A total too large for pence has no line of its own:
 * the error names the scenario and its script (model.lua for Base). */
static mtfp_status summarise(mtfp_run *run, size_t i, mtfp_diag *diag)
{
    const mtfp_scenario *s = &run->scenarios[i];
    mtfp_status status = mtfp_plan_summarise(&run->plans[i], &s->funding, diag);
    if (status != MTFP_ERR_INPUT || diag->file[0])
        return status;
    char *model_lua = s->file ? NULL : mtfp_path_join(run->model.dir, "model.lua");
    char message[MTFP_DIAG_MESSAGE_MAX];
    snprintf(message, sizeof message, "%s", diag->message);
    status = mtfp_diag_error(diag, status, s->file ? s->file : model_lua, 0, 0, "%s: %s", s->name,
                             message);
    free(model_lua);
    return status;
}

/* Scenario i's reserves by year, the general reserve meeting its gap when
 * the model says so. */
static mtfp_status reserve_balances(mtfp_run *run, size_t i, mtfp_diag *diag)
{
    const mtfp_reserves *reserves = &run->scenarios[i].reserves;
    mtfp_plan *plan = &run->plans[i];
    if (!reserves->declared)
        return MTFP_OK;
    plan->reserves =
        malloc(reserves->count * MTFP_RESERVE_MEASURES * plan->width * sizeof *plan->reserves);
    if (!plan->reserves)
        return MTFP_ERR_MEMORY;
    plan->reserve_count = reserves->count;
    return mtfp_reserves_balances(reserves, plan->summary[MTFP_SUM_GAP], plan->years,
                                  plan->reserves, diag);
}

mtfp_status mtfp_run_project_scenario(mtfp_run *run, size_t i, mtfp_diag *diag)
{
    mtfp_plan_free(&run->plans[i]);
    mtfp_plan_init(&run->plans[i], run->model.years);
    MTFP_TRY(mtfp_project(&run->model, &run->scenarios[i], &run->plans[i], diag));
    MTFP_TRY(summarise(run, i, diag));
    MTFP_TRY(mtfp_plan_price_risks(&run->plans[i], &run->scenarios[i].risks, run->model.base_year,
                                   diag));
    MTFP_TRY(reserve_balances(run, i, diag));
    return mtfp_reconcile_plan(run, i, diag);
}
