/* Loading a model directory: model.lua, then revenue.csv and funding.csv (and
 * the other parts' files as they are added), the SHA-256 of every input, and
 * the reconciliation findings. */
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
 * applied by the Lua host with run->settings (filled by the caller). Warns
 * about settings no script used. The run must have been initialised with
 * mtfp_run_init. */
mtfp_status mtfp_run_load(mtfp_run *run, const char *dir, const char *const *scripts,
                          size_t script_count, int years_override, mtfp_diag *diag);

/* The SHA-256 of a file as 64 hex digits. MTFP_ERR_INPUT if it cannot be read. */
mtfp_status mtfp_sha256_file(const char *path, char hex[65], mtfp_diag *diag);

#endif
