/* Projecting a run (the pipeline's second step): every scenario's plan,
 * several scenarios at once. */
#ifndef MTFP_PROJECT_H
#define MTFP_PROJECT_H

#include "mtfp/diag.h"
#include "mtfp/run.h"

/* Project every scenario of a loaded run (mtfp_run_project_scenario) on up
 * to threads threads. The findings come in scenario order and an error is
 * the first scenario's that has one, whatever the number of threads: the
 * same as projecting them one after another. */
mtfp_status mtfp_project_scenarios(mtfp_run *run, int threads, mtfp_diag *diag);

#endif
