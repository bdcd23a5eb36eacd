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

/* The usage error (MTFP_ERR_USAGE) for a command-line option naming a param
 * that no scenario asks for ("--set", "--vary"), with the closest name one
 * asks for as a suggestion. */
mtfp_status mtfp_run_unknown_param(const mtfp_run *run, const char *option, const char *name,
                                   mtfp_diag *diag);

/* True when some scenario has a capital programme (for the outputs). */
bool mtfp_run_has_capital(const mtfp_run *run);

/* True when the model has an establishment. */
bool mtfp_run_has_staffing(const mtfp_run *run);

/* A scenario's establishment: the model's with the scenario's staffing
 * actions applied, into e (initialised here; free with
 * mtfp_establishment_free). */
mtfp_status mtfp_run_establishment(const mtfp_run *run, size_t scenario, mtfp_establishment *e,
                                   mtfp_diag *diag);

/* The figures of a scenario's establishment by service and category and
 * year: FTE and headcount in post at 1 April, the posts' pay bill; and by
 * service, the pay bill after the vacancy factor and the Employees budget in
 * the plan. Arrays are [service][category][year] and [service][year]; the
 * caller frees the result with mtfp_staffing_table_free. */
typedef struct mtfp_staffing_table {
    size_t services, categories, width;
    double *fte;
    int *headcount;
    mtfp_pence *pay_bill; /* by service, category and year */
    mtfp_pence *net_bill; /* by service and year, after the vacancy factor */
    mtfp_pence *budget;   /* by service and year: the plan's Employees lines */
} mtfp_staffing_table;

mtfp_status mtfp_staffing_table_build(const mtfp_run *run, size_t scenario,
                                      mtfp_staffing_table *table, mtfp_diag *diag);
void mtfp_staffing_table_free(mtfp_staffing_table *table);

/* True when the model has placements. */
bool mtfp_run_has_placements(const mtfp_run *run);

/* A scenario's placement type t projected (with the scenario's indices). */
mtfp_status mtfp_run_placement(const mtfp_run *run, size_t scenario, size_t t,
                               mtfp_placement_result *result, mtfp_diag *diag);

/* True when some scenario has a saving of the tracker (mtfp_audit_is_saving). */
bool mtfp_run_has_savings(const mtfp_run *run);

/* True if an audit entry is a saving of the tracker: every entry that
 * enters the plan as a saving (saving{} and savings.csv, staffing changes
 * that save, a partner's share of a pool's underspend) or is reported only
 * (a non-cashable saving), so that the tracker's cashable savings are all
 * the plan's; its risk-adjusted effect by year into adjusted: what the plan
 * budgets when it counts savings risk-adjusted (each line's planned x its
 * RAG weight, rounded), else planned x its RAG weight, rounded once (a
 * saving with no rating counts in full). */
bool mtfp_audit_is_saving(const mtfp_audit_entry *entry);
/* A saving's title in the tracker and savings.csv: its title, else its
 * reason, else "". */
const char *mtfp_saving_title(const mtfp_audit_entry *entry);
bool mtfp_saving_risk_adjusted(const mtfp_run *run, const mtfp_plan *plan, size_t entry,
                               mtfp_pence *adjusted);

/* True when the model has pooled budgets. */
bool mtfp_run_has_pools(const mtfp_run *run);

/* Project every scenario and summarise its plan. */
mtfp_status mtfp_run_project(mtfp_run *run, mtfp_diag *diag);

#endif
