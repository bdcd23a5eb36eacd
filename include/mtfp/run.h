/* A run: a model, its scenarios (Base first) and their projected plans.
 * This is what the outputs (CSV, workbook) are written from. */
#ifndef MTFP_RUN_H
#define MTFP_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "mtfp/analysis.h"
#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/plan.h"
#include "mtfp/scenario.h"
#include "mtfp/settings.h"

typedef struct mtfp_run {
    mtfp_model model;
    mtfp_settings settings;
    mtfp_scenario *scenarios; /* scenarios[0] is Base */
    mtfp_plan *plans;         /* plans[i] is scenarios[i] projected */
    size_t count;
    size_t cap;
    /* Warnings found while loading and projecting (reconciliation findings
     * and the like), for stderr and the Audit sheet. */
    mtfp_diag findings;
    /* mtfp sweep and mtfp simulate add these (NULL / 0 otherwise). */
    mtfp_sweep *sweep;
    mtfp_simulation *simulations;
    size_t simulation_count;
} mtfp_run;

/* An empty run with an empty model (to be loaded) and no scenarios. */
mtfp_status mtfp_run_init(mtfp_run *run);
void mtfp_run_free(mtfp_run *run);

/* Add a scenario started from the model (mtfp_scenario_init) and return it,
 * for a script to change. The pointer is valid until the next call. */
mtfp_status mtfp_run_add_scenario(mtfp_run *run, const char *name, const char *file,
                                  mtfp_scenario **scenario);

/* True when some scenario has a capital programme (for the outputs). */
bool mtfp_run_has_capital(const mtfp_run *run);

/* True when the model has an establishment. */
bool mtfp_run_has_staffing(const mtfp_run *run);

/* True when the model has placements. */
bool mtfp_run_has_placements(const mtfp_run *run);

/* True when some scenario has a saving of the tracker (mtfp_audit_is_saving). */
bool mtfp_run_has_savings(const mtfp_run *run);

/* True when the model has pooled budgets. */
bool mtfp_run_has_pools(const mtfp_run *run);

/* True when some scenario has a risk in its register. */
bool mtfp_run_has_risks(const mtfp_run *run);

/* True when some scenario has a priced risk (one with an impact): the
 * summary then has the expected cost of the risks and the gap with them. */
bool mtfp_run_has_priced_risks(const mtfp_run *run);

/* Project scenario i into its plan, summarise it, work out its reserves and
 * its findings. Reads the model and the other scenarios, writes plans[i]
 * alone: scenarios can be projected at once on several threads
 * (mtfp_project_scenarios). */
mtfp_status mtfp_run_project_scenario(mtfp_run *run, size_t i, mtfp_diag *diag);

#endif
