/* Sweeps and simulations: a scenario evaluated again and again, with a
 * parameter changed (mtfp sweep) or its uncertain values drawn (mtfp
 * simulate), and the statistics of what comes out.
 *
 * The evaluations themselves re-run scripts, so they are the pipeline's
 * (evaluate.h); this is what they produce, for the workbook and the CSV. */
#ifndef MTFP_ANALYSIS_H
#define MTFP_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"

/* The net budget requirement and the gap of each evaluation, by year (0 is
 * the base year): values[i * width + y]. */
typedef struct mtfp_outcomes {
    size_t count;
    size_t width;
    mtfp_pence *nbr;
    mtfp_pence *gap;
} mtfp_outcomes;

mtfp_status mtfp_outcomes_init(mtfp_outcomes *outcomes, size_t count, size_t width);
void mtfp_outcomes_free(mtfp_outcomes *outcomes);

/* The figures kept of each evaluation. */
typedef enum mtfp_measure { MTFP_MEASURE_NBR, MTFP_MEASURE_GAP, MTFP_MEASURES } mtfp_measure;

/* The measure's values: [i * width + y]. */
const mtfp_pence *mtfp_outcomes_values(const mtfp_outcomes *outcomes, mtfp_measure measure);

/* Its name in the CSV: "net_budget_requirement", "gap". */
const char *mtfp_measure_key(mtfp_measure measure);

/* The percentiles reported: 5, 10, 25, 50, 75, 90 and 95. */
#define MTFP_PERCENTILES 7
extern const int mtfp_percentiles[MTFP_PERCENTILES];

/* A sample's statistics, in pence: the mean and the sample standard deviation
 * (n - 1) rounded once, and the nearest-rank percentiles (the k-th smallest
 * value, k = ceil(p * n / 100)), which are values of the sample and so exact. */
typedef struct mtfp_stats {
    mtfp_pence mean;
    mtfp_pence sd;
    mtfp_pence min;
    mtfp_pence max;
    mtfp_pence percentile[MTFP_PERCENTILES];
} mtfp_stats;

/* The rank k (1-based) of the p-th percentile of n values. */
size_t mtfp_percentile_rank(size_t n, int percent);

/* Statistics of n values taken every stride-th from values (n >= 1). */
mtfp_status mtfp_stats_describe(const mtfp_pence *values, size_t n, size_t stride,
                                mtfp_stats *stats);

/* How many of the n values (every stride-th) are above threshold. */
size_t mtfp_count_above(const mtfp_pence *values, size_t n, size_t stride, mtfp_pence threshold);

/* A histogram's bins: at most `bins` bins of equal width (whole pence, at
 * least 1) from the smallest value, the last ending at the largest; returns
 * how many. lower[b] is bin b's first value; bin b holds lower[b] <= v <
 * lower[b + 1] (the last bin also its upper end). lower has bins + 1 entries.
 * A span narrower than the bins needs fewer (a single bin when every value
 * is the same): no bin starts above the largest value. */
size_t mtfp_histogram_bounds(const mtfp_stats *stats, size_t bins, mtfp_pence *lower);

/* A priced risk of a simulated scenario: how often it materialised, and how
 * often the risks that materialised took the gap above the threshold with
 * it among them. */
typedef struct mtfp_simulation_risk {
    size_t risk;         /* in the scenario's register */
    size_t materialised; /* runs */
    size_t pushed_over;  /* runs */
} mtfp_simulation_risk;

/* What a run records of a risk (mtfp_simulation.drawn). */
enum {
    MTFP_RISK_NOT_DRAWN,    /* it did not materialise */
    MTFP_RISK_MATERIALISED, /* it did */
    MTFP_RISK_PUSHED_OVER   /* it did, and the risks took the gap above the threshold in a
                               year it costs something */
};

/* A Monte Carlo simulation of one scenario. */
typedef struct mtfp_simulation {
    size_t scenario; /* in the run */
    uint64_t seed;
    size_t draws;         /* uncertain values drawn in each run */
    mtfp_pence threshold; /* the gap the probability is reported above (besides 0) */
    mtfp_outcomes runs;
    mtfp_stats stats[MTFP_MEASURES][MTFP_MAX_YEARS + 1]; /* of the runs, by year */
    /* The scenario's risks open and priced at its means (none: the rest is
     * NULL). Each run draws every open and priced risk of its evaluation
     * once, in the register's order, after the script's draws, and each
     * that materialises adds what it costs to the run's gap. */
    mtfp_simulation_risk *risks; /* by mtfp_simulation_describe: most often pushed over first */
    size_t risk_count;
    int32_t *slot;          /* by risk of the register: its place in risks before the sort, or -1 */
    mtfp_pence *with_risks; /* run i, year y: [i * runs.width + y]: the gap with the risks drawn */
    uint8_t *drawn;         /* run i, risk k: [i * risk_count + k], MTFP_RISK_... */
    mtfp_stats risk_stats[MTFP_MAX_YEARS + 1]; /* of with_risks, by year */
} mtfp_simulation;

/* Fill simulation->stats from its runs; with risks, risk_stats and each
 * risk's counts too, and sort the risks. */
mtfp_status mtfp_simulation_describe(mtfp_simulation *simulation);

void mtfp_simulation_free(mtfp_simulation *simulation);

/* A parameter varied over a range: FROM, FROM + STEP, ... up to TO. */
typedef struct mtfp_vary {
    char *name;
    double from, to, step;
    size_t count; /* how many values */
} mtfp_vary;

#define MTFP_VARY_MAX 2
#define MTFP_SWEEP_POINTS_MAX 10000

/* Value i of a range: FROM + i * STEP, rounded to 12 significant digits, so
 * that it is the number `--set NAME=VALUE` gives for the value as printed. */
double mtfp_vary_value(const mtfp_vary *vary, size_t i);

/* A scenario evaluated at a parameter's low and high values (param{low,
 * high}): the final-year gap at each, and at the scenario's own value; and
 * the gap of every year (0 is the base year) at each, which the tornado by
 * year shows with the sum over the projection years. */
typedef struct mtfp_tornado_bar {
    size_t scenario;
    char *param;
    double low, high;
    mtfp_pence gap, gap_low, gap_high;
    mtfp_pence gaps[MTFP_MAX_YEARS + 1], gaps_low[MTFP_MAX_YEARS + 1],
        gaps_high[MTFP_MAX_YEARS + 1];
} mtfp_tornado_bar;

/* A sweep: every scenario that asks for a varied parameter, evaluated at
 * every point of its grid, the varied parameters it asks for (the first
 * varying fastest, so each value of the second is a run of rows: a line on
 * a chart), and the tornado of every parameter that has low and high. A
 * parameter the scenario does not ask for is not varied for it (asked false,
 * value 0): it would only repeat the same figures. */
typedef struct mtfp_sweep_point {
    size_t scenario;
    bool asked[MTFP_VARY_MAX];
    double values[MTFP_VARY_MAX];
} mtfp_sweep_point;

typedef struct mtfp_sweep {
    mtfp_vary vary[MTFP_VARY_MAX];
    size_t vary_count;
    mtfp_sweep_point *points;
    mtfp_outcomes outcomes; /* one per point */
    mtfp_tornado_bar *bars; /* largest swing first */
    size_t bar_count;
} mtfp_sweep;

void mtfp_sweep_free(mtfp_sweep *sweep);

#endif
