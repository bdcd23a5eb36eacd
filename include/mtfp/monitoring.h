/* Budget monitoring in the base year: what has been spent against the budget
 * to date (actuals.csv, month by month), what the budget's profile says
 * should have been by now (straight-line, or profile.csv's twelve weights),
 * what the year will end at (forecast.csv), and the part of the forecast
 * variance that recurs, which the projection carries into every projection
 * year as a pressure or a saving.
 *
 * A monitoring line is a partner's service's subjective, as a plan line is
 * (cost centres merged). Its forecast outturn is the sum of its forecast
 * rows, or its budget when it has none; the rows marked recurring are the
 * spend that continues into next year, so its recurring variance is their
 * sum less the budget (nothing, when no row is marked recurring). */
#ifndef MTFP_MONITORING_H
#define MTFP_MONITORING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/diag.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

#define MTFP_MONTHS 12 /* of the base year, April first */
/* The largest variances the Monitoring sheet lists with their reasons. */
#define MTFP_MONITORING_LARGEST 10

struct mtfp_model;

/* model.lua's monitoring{}: the RAG thresholds (a forecast variance within
 * green x the budget is green, within amber x the budget amber, else red)
 * and whether the recurring variance enters the plan. */
typedef struct mtfp_monitoring_policy {
    double green;
    double amber;
    bool carry;
} mtfp_monitoring_policy;

typedef struct mtfp_monitoring_line {
    uint32_t partner;
    uint32_t service;
    uint32_t subjective;
    mtfp_pence actual[MTFP_MONTHS]; /* spend (income negative) in each month */
    int actual_line;                /* its first row in actuals.csv; 0: none */
    mtfp_pence recurring;           /* forecast rows marked recurring, added up */
    mtfp_pence one_off;             /* the other forecast rows */
    size_t recurring_rows;
    size_t forecast_rows;
    int forecast_line;       /* its first row in forecast.csv; 0: none */
    int recurring_line;      /* its first recurring row; 0: none */
    char *reasons;           /* every forecast row's reason, "; " between; NULL: none */
    char *recurring_reasons; /* the recurring rows' */
    /* From revenue.csv (mtfp_monitoring_link): the line's budget and the
     * index that rolls it forward (its first row's, else its subjective's). */
    mtfp_pence budget;
    uint32_t index;
} mtfp_monitoring_line;

typedef struct mtfp_monitoring {
    mtfp_monitoring_policy policy;
    mtfp_names keys; /* a line's ids as "partner:service:subjective", by line */
    mtfp_monitoring_line *lines;
    size_t count;
    size_t cap;
    int month;          /* the months of actuals: the last month with any, 1 to 12; 0: none */
    size_t actual_rows; /* rows read from actuals.csv */
    size_t forecast_rows;
    /* profile.csv's weights by revenue line (weights[line * 12 + m]), and
     * which lines it profiles; NULL when it profiles none. */
    double *weights;
    bool *profiled;
} mtfp_monitoring;

void mtfp_monitoring_init(mtfp_monitoring *monitoring);
void mtfp_monitoring_free(mtfp_monitoring *monitoring);

/* True when the model has monitoring: a row of actuals or of the forecast. */
bool mtfp_monitoring_present(const mtfp_monitoring *monitoring);

/* The line of partner, service and subjective, added if new (its figures 0),
 * into *line; valid until the next line is added. */
mtfp_status mtfp_monitoring_line_of(mtfp_monitoring *monitoring, uint32_t partner, uint32_t service,
                                    uint32_t subjective, mtfp_monitoring_line **line);
/* The line, or NULL when there is none. */
const mtfp_monitoring_line *mtfp_monitoring_find(const mtfp_monitoring *monitoring,
                                                 uint32_t partner, uint32_t service,
                                                 uint32_t subjective);

/* Add an actual of month (1 = April to 12 = March) at source_line of
 * actuals.csv. MTFP_ERR_INPUT when the line's month would add up to more than
 * pence hold (the caller says where). */
mtfp_status mtfp_monitoring_add_actual(mtfp_monitoring *monitoring, mtfp_monitoring_line *line,
                                       int month, mtfp_pence amount, int source_line);

/* Add a forecast row (reason may be NULL) at source_line of forecast.csv.
 * MTFP_ERR_INPUT when the line's rows would add up to more than pence hold. */
mtfp_status mtfp_monitoring_add_forecast(mtfp_monitoring *monitoring, mtfp_monitoring_line *line,
                                         mtfp_pence amount, bool recurring, const char *reason,
                                         int source_line);

/* Give revenue line (of line_count) the profile weights (April first). */
mtfp_status mtfp_monitoring_set_profile(mtfp_monitoring *monitoring, size_t line_count, size_t line,
                                        const double weights[MTFP_MONTHS]);

/* How far weights are from adding up to 1 is allowed: a millionth, so that
 * twelfths written to eight places (0.08333333) pass. */
#define MTFP_PROFILE_TOLERANCE 1e-6

/* Fill each line's budget and index from the model's revenue lines. Call
 * once revenue.csv and the monitoring's files are loaded. */
void mtfp_monitoring_link(struct mtfp_model *model);

/* The recurring variance of a line: its recurring rows less its budget, or 0
 * when it has none. False when that does not fit in pence. */
bool mtfp_monitoring_recurring_variance(const mtfp_monitoring_line *line, mtfp_pence *variance);

/* 'G', 'A' or 'R': a forecast variance against a budget. Green when the
 * variance's size is at most green x the budget's size, rounded to the penny;
 * amber when at most amber x it; red beyond. A variance on no budget is red,
 * and none is green. */
char mtfp_monitoring_rag(const mtfp_monitoring_policy *policy, mtfp_pence budget,
                         mtfp_pence variance);
/* "Green", "Amber", "Red"; and "green", ... for the CSV. */
const char *mtfp_monitoring_rag_name(char rag);
const char *mtfp_monitoring_rag_key(char rag);

/* The figures of a row of the monitoring table. */
typedef enum mtfp_monitoring_measure {
    MTFP_MON_BUDGET,
    MTFP_MON_PROFILE,          /* the budget profiled to the month of actuals */
    MTFP_MON_ACTUAL,           /* the actuals to date */
    MTFP_MON_VARIANCE_TO_DATE, /* actual less profile */
    MTFP_MON_FORECAST,         /* the forecast outturn for the year */
    MTFP_MON_VARIANCE,         /* forecast less budget: + overspend */
    MTFP_MON_RECURRING,        /* the part of the variance that recurs */
    MTFP_MON_MEASURES
} mtfp_monitoring_measure;

/* "budget", "profile_to_date", ... as monitoring.csv names them. */
const char *mtfp_monitoring_measure_key(mtfp_monitoring_measure measure);

typedef struct mtfp_monitoring_row {
    int32_t partner; /* ids, or MTFP_ANY on a total */
    int32_t service;
    int32_t subjective;
    mtfp_pence figures[MTFP_MON_MEASURES];
    char rag;
    const char *reasons; /* a line's forecast reasons (borrowed); NULL: none */
    int actual_line;     /* a line's first row of actuals; 0: none */
    int budget_line;     /* a line's first row of revenue.csv; 0: none */
} mtfp_monitoring_row;

/* The monitoring as the Monitoring sheet and monitoring.csv show it: every
 * line of revenue.csv or the monitoring, in the order of the revenue table
 * (partner, service, subjective); each service with any (over its partners);
 * the total; and the lines with the largest forecast variances (by size, at
 * most MTFP_MONITORING_LARGEST, none of 0), largest first. Each figure of a
 * line is worked once (the profile rounded to the penny on each row of
 * revenue.csv, then added up) and every total is an exact sum. */
typedef struct mtfp_monitoring_table {
    int month;
    mtfp_monitoring_row *lines;
    size_t line_count;
    mtfp_monitoring_row *services;
    size_t service_count;
    mtfp_monitoring_row total;
    size_t largest[MTFP_MONITORING_LARGEST]; /* rows of lines */
    size_t largest_count;
} mtfp_monitoring_table;

/* Build the table of a loaded model (owned by the caller: free with
 * mtfp_monitoring_table_free). A sum too large for pence is an error naming
 * actuals.csv or forecast.csv. */
mtfp_status mtfp_monitoring_table_build(const struct mtfp_model *model,
                                        mtfp_monitoring_table *table, mtfp_diag *diag);
void mtfp_monitoring_table_free(mtfp_monitoring_table *table);

#endif
