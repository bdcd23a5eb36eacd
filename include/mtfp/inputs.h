/* A model directory's input files (io): model.lua's place, each part's file
 * found by model.lua's inputs or its standard name (revenue.csv,
 * funding.csv, ...) and loaded by its loader, and the SHA-256 of every input
 * for the Cover. */
#ifndef MTFP_INPUTS_H
#define MTFP_INPUTS_H

#include "mtfp/diag.h"
#include "mtfp/model.h"

/* Set model->dir from dir and give the path of its model.lua in *model_lua
 * (the caller frees it), recorded as the model's first input; an error if
 * dir is not a directory or has no model.lua. */
mtfp_status mtfp_inputs_model_lua(mtfp_model *model, const char *dir, char **model_lua,
                                  mtfp_diag *diag);

/* Load every part's file into model (model.lua already run): revenue.csv,
 * which is required, then the optional parts in order. Errors in a file name
 * its line and column; model_lua is named for an input it lists wrongly.
 * Every error of every file is kept in diag (mtfp_diag_keep; the others'
 * after revenue.csv's, when its lines are in) and the first is diag's. */
mtfp_status mtfp_inputs_load(mtfp_model *model, const char *model_lua, mtfp_diag *diag);

/* The SHA-256 of every input not yet hashed. */
mtfp_status mtfp_inputs_hash(mtfp_model *model, mtfp_diag *diag);

/* An error unless path is a file (a scenario script given to run). */
mtfp_status mtfp_inputs_script(const char *path, mtfp_diag *diag);

#endif
