/* Lua scripts: model.lua and scenario scripts, run in a sandbox.
 *
 * Each script gets a fresh Lua state whose environment is built from an empty
 * table by allow-listing safe functions, with an instruction limit and a
 * memory limit (the model's limits). Errors carry the script's FILE:LINE. */
#ifndef MTFP_SCRIPT_H
#define MTFP_SCRIPT_H

#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/rng.h"
#include "mtfp/scenario.h"
#include "mtfp/settings.h"

/* Run a model's model.lua (path) into model: model{} (name, organisation,
 * base_year, years, scenarios, inputs, limits), index(), funding{} and
 * control_total{}. Input paths and scenario paths are resolved against the
 * model's directory (model->dir, set by the caller). */
mtfp_status mtfp_script_load_model(mtfp_model *model, const char *path, mtfp_diag *diag);

/* Apply the scenario script scenario->file to scenario, on top of model
 * (which must be fully loaded). Sets scenario->name from scenario "..." (the
 * file's base name if the script does not say). param() reads settings and
 * marks the ones it uses. */
mtfp_status mtfp_script_apply(const mtfp_model *model, mtfp_scenario *scenario,
                              mtfp_settings *settings, mtfp_rng *rng, mtfp_diag *diag);

/* "Lua 5.4.4": the release of the Lua mtfp was built with. */
const char *mtfp_script_library_version(void);

#endif
