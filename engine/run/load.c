/* Loading a run: the model (model.lua, the inputs, the reconciliation) and
 * its scenarios (Base, model.lua's, then the command line's). */
#include "mtfp/load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/inputs.h"
#include "mtfp/path.h"
#include "mtfp/pools.h"
#include "mtfp/reconcile.h"
#include "mtfp/script.h"
#include "mtfp/sha256.h"

mtfp_status mtfp_model_load(mtfp_model *model, const char *dir, int years_override, mtfp_diag *diag)
{
    char *model_lua;
    mtfp_status status = mtfp_inputs_model_lua(model, dir, &model_lua, diag);
    if (status == MTFP_OK)
        status = mtfp_script_load_model(model, model_lua, diag);
    if (status == MTFP_OK && years_override > 0)
        model->years = years_override;
    if (status == MTFP_OK)
        status = mtfp_inputs_load(model, model_lua, diag);
    if (status == MTFP_OK) {
        /* Every scheme that lacks what its borrowing needs, at once. */
        diag->collect = true;
        status = mtfp_capital_check(&model->capital, diag);
        diag->collect = false;
    }
    if (status == MTFP_OK)
        status = mtfp_pools_link(&model->pools, model, diag);
    if (status == MTFP_OK && model->reserves.declared)
        status = mtfp_model_link_reserves(model);
    if (status == MTFP_OK)
        status = mtfp_reconcile_model(model, diag);
    if (status == MTFP_OK)
        status = mtfp_inputs_hash(model, diag);
    free(model_lua);
    return status;
}

/* The last scenario's name is not an earlier one's: the pack, the CSV and the
 * Compare sheet tell scenarios apart by name. The error is at the line that
 * named it (none when it is named after its file). */
static mtfp_status unique_name(const mtfp_run *run, mtfp_diag *diag)
{
    const mtfp_scenario *last = &run->scenarios[run->count - 1];
    const char *file = last->name_file ? last->name_file : last->file;
    for (size_t i = 0; i + 1 < run->count; i++) {
        const mtfp_scenario *earlier = &run->scenarios[i];
        if (strcmp(earlier->name, last->name) != 0)
            continue;
        if (!earlier->file)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, file, last->name_line, 0,
                                   "the scenario is named \"Base\", the name of the model with "
                                   "no scenario: give it another name");
        if (strcmp(earlier->file, last->file) == 0)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, last->file, 0, 0,
                                   "the script is given twice (in model.lua's scenarios and with "
                                   "-s?): the pack would hold its scenario twice");
        char where[MTFP_DIAG_FILE_MAX + 16];
        if (earlier->name_file)
            snprintf(where, sizeof where, "%s:%d", earlier->name_file, earlier->name_line);
        else
            snprintf(where, sizeof where, "%s", earlier->file);
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, file, last->name_line, 0,
                               "the scenario is named \"%s\", as is the one at %s: give each "
                               "scenario in a run its own name",
                               last->name, where);
    }
    return MTFP_OK;
}

static mtfp_status add_scenario(mtfp_run *run, const char *script, mtfp_diag *diag)
{
    char *path = mtfp_path_join(NULL, script);
    if (!path)
        return MTFP_ERR_MEMORY;
    mtfp_status status = mtfp_inputs_script(path, diag);
    mtfp_scenario *scenario;
    if (status == MTFP_OK)
        status = mtfp_run_add_scenario(run, mtfp_path_base(path), path, &scenario);
    if (status == MTFP_OK)
        status = mtfp_script_apply(&run->model, scenario, &run->settings, NULL, diag);
    if (status == MTFP_OK)
        status = mtfp_scenario_finish(scenario, run->model.years, diag);
    if (status == MTFP_OK)
        status = unique_name(run, diag);
    char hex[65];
    if (status == MTFP_OK)
        status = mtfp_sha256_file(path, hex, diag);
    if (status == MTFP_OK)
        status = mtfp_model_add_input(&run->model, "scenario", path, hex);
    for (size_t i = 0; status == MTFP_OK && i < scenario->include_count; i++)
        status = mtfp_model_add_include(&run->model, scenario->includes[i]);
    if (status == MTFP_OK)
        status = mtfp_inputs_hash(&run->model, diag);
    free(path);
    return status;
}

mtfp_status mtfp_run_load(mtfp_run *run, const char *dir, const char *const *scripts,
                          size_t script_count, int years_override, mtfp_diag *diag)
{
    MTFP_TRY(mtfp_model_load(&run->model, dir, years_override, diag));
    mtfp_scenario *base;
    MTFP_TRY(mtfp_run_add_scenario(run, "Base", NULL, &base));
    MTFP_TRY(mtfp_scenario_finish(base, run->model.years, diag));
    for (size_t i = 0; i < run->model.scenario_count; i++)
        MTFP_TRY(add_scenario(run, run->model.scenarios[i], diag));
    for (size_t i = 0; i < script_count; i++)
        MTFP_TRY(add_scenario(run, scripts[i], diag));
    return MTFP_OK;
}
