/* Loading a run (the pipeline's first step): the model directory (model.lua
 * run by the Lua host, the inputs read by io, the reconciliation findings),
 * then the scenarios, each script applied by the Lua host. */
#ifndef MTFP_LOAD_H
#define MTFP_LOAD_H

#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/run.h"

/* Load the model in directory dir into model (initialised by the caller).
 * years_override > 0 replaces the horizon model.lua gives. */
mtfp_status mtfp_model_load(mtfp_model *model, const char *dir, int years_override,
                            mtfp_diag *diag);

/* Load a run: the model in dir, the Base scenario, the scenarios model.lua
 * lists and then each of scripts (as given on the command line), each script
 * applied by the Lua host with run->settings (filled by the caller). The run must have been
 * initialised with mtfp_run_init. */
mtfp_status mtfp_run_load(mtfp_run *run, const char *dir, const char *const *scripts,
                          size_t script_count, int years_override, mtfp_diag *diag);

#endif
