/* Evaluating scenarios again and again (the pipeline's sweeps and
 * simulations): a scenario's script applied afresh and projected, with its
 * params set or its uncertain values drawn, on several threads. What comes
 * out (outcomes, statistics, the sweep's grid and tornado) is analysis.h's. */
#ifndef MTFP_EVALUATE_H
#define MTFP_EVALUATE_H

#include <stddef.h>
#include <stdint.h>

#include "mtfp/analysis.h"
#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/plan.h"
#include "mtfp/progress.h"
#include "mtfp/rng.h"
#include "mtfp/run.h"
#include "mtfp/settings.h"

/* Evaluate a scenario script afresh: a scenario started from the model, the
 * script applied with settings (uncertain.* draw from rng, or give their
 * means when rng is NULL), projected and summarised into plan (initialised
 * here whatever happens; free it with mtfp_plan_free). Warnings go to diag. */
mtfp_status mtfp_evaluate_scenario(const mtfp_model *model, const char *file,
                                   mtfp_settings *settings, mtfp_rng *rng, mtfp_plan *plan,
                                   mtfp_diag *diag);

/* Simulate scenario s of a projected run: its script evaluated `runs` times
 * with run r drawing from mtfp_rng_seed(seed, r), on `threads` threads (the
 * results do not depend on how many). Adds the result to run->simulations.
 * An error in any run stops the simulation and names the run. */
mtfp_status mtfp_evaluate_simulation(mtfp_run *run, size_t s, size_t runs, uint64_t seed,
                                     mtfp_pence threshold, int threads, mtfp_progress progress,
                                     void *context, mtfp_diag *diag);

/* Sweep a projected run: every scenario asking for a varied parameter,
 * evaluated at every point of the grid of vary[0..vary_count) (whose names
 * the sweep takes over), and a tornado of every parameter with low and high.
 * Sets run->sweep. */
mtfp_status mtfp_evaluate_sweep(mtfp_run *run, mtfp_vary *vary, size_t vary_count, int threads,
                                mtfp_progress progress, void *context, mtfp_diag *diag);

#endif
