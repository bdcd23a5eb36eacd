/* The report tables the outputs are written from (the workbook's sheets and
 * the CSV files): built from a projected run, owned by the caller. */
#ifndef MTFP_REPORT_H
#define MTFP_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "mtfp/diag.h"
#include "mtfp/plan.h"
#include "mtfp/run.h"

/* The revenue table: plan lines grouped by partner, service, subjective and
 * provider (cost centres and kinds of change merged), in the order partner
 * (by first appearance in the model), service (the plan's service_rank:
 * by group, then first appearance), subjective (CIPFA order) and provider. */
typedef struct mtfp_revenue_row {
    uint32_t partner;
    uint32_t service;
    uint32_t subjective;
    uint8_t provider; /* mtfp_provider */
} mtfp_revenue_row;

typedef struct mtfp_revenue_table {
    size_t width;
    mtfp_revenue_row *rows;
    mtfp_pence *values; /* row r, year y: values[r * width + y] */
    size_t row_count;
} mtfp_revenue_table;

mtfp_status mtfp_revenue_table_build(const mtfp_plan *plan, mtfp_revenue_table *table,
                                     mtfp_diag *diag);
void mtfp_revenue_table_free(mtfp_revenue_table *table);

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

/* A scenario's placement type t projected (with the scenario's indices). */
mtfp_status mtfp_run_placement(const mtfp_run *run, size_t scenario, size_t t,
                               mtfp_placement_result *result, mtfp_diag *diag);

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

/* The summary's lines of a plan whose model has reserves (plan->reserves),
 * for projection years: what is drawn from reserves (funding), what is
 * contributed to them (spending), and the general reserve at the year's end. */
enum {
    MTFP_RESERVE_LINE_USE,
    MTFP_RESERVE_LINE_CONTRIBUTION,
    MTFP_RESERVE_LINE_GENERAL_CLOSING,
    MTFP_RESERVE_LINES
};
/* "use_of_reserves", "contribution_to_reserves", "general_reserve_closing"
 * (summary.csv), and "Use of reserves", ... as the pack titles them. */
const char *mtfp_reserve_line_key(int line);
const char *mtfp_reserve_line_title(int line);
/* The line's amount in year y: the reserves' draws or contributions added up,
 * or the general reserve's closing balance. */
mtfp_pence mtfp_reserve_line(const mtfp_plan *plan, int line, int year);

/* The summary's lines of a run with priced risks (mtfp_run_has_priced_risks),
 * for projection years: the expected cost of the scenario's risks, and the
 * gap with it. */
enum { MTFP_RISK_LINE_EXPECTED_COST, MTFP_RISK_LINE_GAP_WITH_RISKS, MTFP_RISK_LINES };
/* "expected_risk_cost", "gap_with_risks" (summary.csv), and "Expected cost
 * of risks", "Gap with risks" as the pack titles them. */
const char *mtfp_risk_line_key(int line);
const char *mtfp_risk_line_title(int line);
mtfp_pence mtfp_risk_line(const mtfp_plan *plan, int line, int year);

/* Where reserve r's measure (MTFP_RESERVE_OPENING, ...) is for year 0 in
 * plan->reserves; later years follow it. */
const mtfp_pence *mtfp_reserve_measure(const mtfp_plan *plan, size_t r, int measure);

#endif
