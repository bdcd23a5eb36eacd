/* Lua scripts: model.lua and scenario scripts, run in a sandbox.
 *
 * Each script gets a fresh Lua state whose environment is built from an empty
 * table by allow-listing safe functions, with an instruction limit and a
 * memory limit (the model's limits). Errors carry the script's FILE:LINE. */
#ifndef MTFP_SCRIPT_H
#define MTFP_SCRIPT_H

#include "mtfp/analysis.h"
#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/plan.h"
#include "mtfp/rng.h"
#include "mtfp/run.h"
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

/* Evaluate a scenario script afresh: a scenario started from the model, the
 * script applied with settings (uncertain.* draw from rng, or give their
 * means when rng is NULL), projected and summarised into plan (initialised
 * here whatever happens; free it with mtfp_plan_free). Warnings go to diag. */
mtfp_status mtfp_script_evaluate(const mtfp_model *model, const char *file, mtfp_settings *settings,
                                 mtfp_rng *rng, mtfp_plan *plan, mtfp_diag *diag);

/* Told how many evaluations of how many are done (from one thread only). */
typedef void (*mtfp_progress)(void *context, size_t done, size_t total);

/* Simulate scenario s of a projected run: its script evaluated `runs` times
 * with run r drawing from mtfp_rng_seed(seed, r), on `threads` threads (the
 * results do not depend on how many). Adds the result to run->simulations.
 * An error in any run stops the simulation and names the run. */
mtfp_status mtfp_script_simulate(mtfp_run *run, size_t s, size_t runs, uint64_t seed,
                                 mtfp_pence threshold, int threads, mtfp_progress progress,
                                 void *context, mtfp_diag *diag);

/* Sweep a projected run: every scenario asking for a varied parameter,
 * evaluated at every point of the grid of vary[0..vary_count) (whose names
 * the sweep takes over), and a tornado of every parameter with low and high.
 * Sets run->sweep. An error if no scenario asks for a varied parameter. */
mtfp_status mtfp_script_sweep(mtfp_run *run, mtfp_vary *vary, size_t vary_count, int threads,
                              mtfp_progress progress, void *context, mtfp_diag *diag);

#endif
