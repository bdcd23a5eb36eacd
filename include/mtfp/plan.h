/* A scenario's medium-term financial plan.
 *
 * mtfp_project() (projection.h) turns the model and a scenario into plan lines, each a
 * partner, service and subjective with a value for every year from the base
 * year to the horizon, rounded to the penny once per line and year. Every
 * line is of one kind of change, and the summary is built from them:
 *
 *   net_budget_requirement(y) = the sum of every line in year y
 *   inflation(y)     = change since y-1 in the revenue lines rolled forward
 *   pressures(y)     = change in the effect of pressures (and demand, posts...)
 *   savings(y)       = change in the effect of cashable savings (negative)
 *   other_changes(y) = change in adjustments and capital financing
 *   base_budget(y)   = net_budget_requirement(y-1)
 *
 * so base_budget + inflation + pressures + savings + other_changes =
 * net_budget_requirement holds exactly, by construction. */
#ifndef MTFP_PLAN_H
#define MTFP_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/money.h"
#include "mtfp/scenario.h"

typedef enum mtfp_change {
    MTFP_CHANGE_BASE, /* a revenue line rolled forward: its changes are inflation */
    MTFP_CHANGE_PRESSURE,
    MTFP_CHANGE_SAVING,
    MTFP_CHANGE_OTHER,
    MTFP_CHANGE_KINDS,
    MTFP_CHANGE_REPORTED = MTFP_CHANGE_KINDS, /* audit only: not in the budget */
} mtfp_change;

typedef enum mtfp_summary_line {
    MTFP_SUM_BASE_BUDGET,
    MTFP_SUM_INFLATION,
    MTFP_SUM_PRESSURES,
    MTFP_SUM_SAVINGS,
    MTFP_SUM_OTHER_CHANGES,
    MTFP_SUM_NBR,
    MTFP_SUM_FUNDING,
    MTFP_SUM_GAP,
    MTFP_SUM_INCREMENTAL_GAP,
    MTFP_SUM_CUMULATIVE_GAP,
    MTFP_SUMMARY_LINES
} mtfp_summary_line;

/* "base_budget", "inflation", ... as summary.csv names them. */
const char *mtfp_summary_key(mtfp_summary_line line);
/* "Base budget", "Inflation", ... as the pack titles them. */
const char *mtfp_summary_title(mtfp_summary_line line);
/* The base year has only the net budget requirement, funding and gap. */
bool mtfp_summary_in_base_year(mtfp_summary_line line);

typedef struct mtfp_plan_line {
    uint32_t partner;
    uint32_t service;
    uint32_t subjective;
    int32_t cost_centre; /* -1: none */
    uint8_t provider;    /* mtfp_provider */
    uint8_t change;      /* mtfp_change */
    int32_t audit;       /* its entry in the plan's audit, -1 for a revenue line */
} mtfp_plan_line;

/* One applied change, for the Audit sheet. Strings are borrowed from the
 * model and scenario, which must outlive the plan, or from the plan's own
 * texts. */
typedef struct mtfp_audit_entry {
    const char *kind; /* "pressure", "saving", "adjust", "index", ... */
    const char *id;
    const char *title;
    const char *reason;
    int32_t partner; /* ids, or MTFP_ANY */
    int32_t service;
    int32_t subjective;
    const char *file;
    int line;
    const char *via; /* the helper's line that made it ("common.lua:10"), or NULL */
    uint8_t change;  /* how its effect enters the plan (mtfp_change) */
    bool has_effect;
    char rag; /* savings: 'R', 'A', 'G' or 0 */
    /* The part of a saving its RAG rating does not expect (a plan that
     * counts savings risk-adjusted), the entry after the saving's: in the
     * tracker's risk-adjusted figures, not a saving of its own. */
    bool rag_shortfall;
} mtfp_audit_entry;

typedef struct mtfp_plan {
    int years;    /* the horizon: figures run for years 0..years */
    size_t width; /* years + 1 */

    mtfp_plan_line *lines;
    mtfp_pence *values; /* line i, year y: values[i * width + y] */
    size_t line_count;
    size_t line_cap;

    mtfp_audit_entry *audit;
    mtfp_pence *effects; /* entry a, year y: effects[a * width + y] */
    size_t audit_count;
    size_t audit_cap;

    char **texts; /* what audit entries borrow from the plan (mtfp_plan_keep) */
    size_t text_count;
    size_t text_cap;

    mtfp_pence summary[MTFP_SUMMARY_LINES][MTFP_MAX_YEARS + 1];

    /* The reserves' balances, when the model has reserves
     * (mtfp_reserves_balances' layout: [reserve][measure][year]); NULL
     * otherwise. */
    mtfp_pence *reserves;
    size_t reserve_count;
    /* The model's order of services in tables (mtfp_model.service_rank),
     * borrowed; NULL: by id. */
    const uint32_t *service_rank;

    /* The scenario's risks priced (mtfp_plan_price_risks): for each risk of
     * its register, in order, and each year, what the risk costs if it
     * happens (exposure) and that times its probability (expected), at
     * [risk * width + year]; and by year the expected cost of the risks and
     * the gap with them (the gap plus that cost). */
    mtfp_pence *risk_exposure;
    mtfp_pence *risk_expected;
    size_t risk_count;
    mtfp_pence expected_risk_cost[MTFP_MAX_YEARS + 1];
    mtfp_pence gap_with_risks[MTFP_MAX_YEARS + 1];
} mtfp_plan;

void mtfp_plan_init(mtfp_plan *plan, int years);
void mtfp_plan_free(mtfp_plan *plan);

/* For the parts that feed the plan: add an audit entry (its effects start at
 * 0) and return its number in *entry. */
mtfp_status mtfp_plan_add_audit(mtfp_plan *plan, const mtfp_audit_entry *audit, int32_t *entry);

/* Keep text (from mtfp_format) for an audit entry to borrow when no model or
 * scenario string holds it (a title made of names): the plan owns it from
 * now on. Returns text, or NULL (text freed) when text is NULL or out of
 * memory. */
const char *mtfp_plan_keep(mtfp_plan *plan, char *text);

/* Add a line whose values are given for years 0..years; its values are added
 * to its audit entry's effects (if any). An effect too large for pence is an
 * error at the entry's file and line. */
mtfp_status mtfp_plan_add_line(mtfp_plan *plan, const mtfp_plan_line *line,
                               const mtfp_pence *values, mtfp_diag *diag);

/* Add to an audit entry's effects without a plan line (reported-only items);
 * an effect too large for pence is an error at the entry's file and line. */
mtfp_status mtfp_plan_add_effect(mtfp_plan *plan, int32_t entry, const mtfp_pence *values,
                                 mtfp_diag *diag);

/* Compute the summary from the lines and the scenario's funding. */
mtfp_status mtfp_plan_summarise(mtfp_plan *plan, const mtfp_funding *funding, mtfp_diag *diag);

/* Price the scenario's risks once the plan is summarised: each risk's
 * figures (mtfp_risk_figures), the expected cost of them all and the gap
 * with risks, by year. A figure too large for pence is an error at the
 * risk's file and line. */
mtfp_status mtfp_plan_price_risks(mtfp_plan *plan, const mtfp_risks *risks, int base_year,
                                  mtfp_diag *diag);

#endif
