/* The projection: a scenario of a model turned into a plan (plan.h says
 * what a plan holds and how its summary adds up). */
#ifndef MTFP_PROJECTION_H
#define MTFP_PROJECTION_H

#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/plan.h"
#include "mtfp/scenario.h"

/* Project a scenario of a model into plan (initialised by the caller with the
 * model's horizon). Errors (MTFP_ERR_INPUT) name the item that caused them:
 * an amount that overflows, an item that targets nothing. */
mtfp_status mtfp_project(const mtfp_model *model, const mtfp_scenario *scenario, mtfp_plan *plan,
                         mtfp_diag *diag);

#endif
