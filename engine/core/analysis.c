#include "mtfp/analysis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/names.h"
#include "mtfp/settings.h"

const int mtfp_percentiles[MTFP_PERCENTILES] = {5, 10, 25, 50, 75, 90, 95};

mtfp_status mtfp_outcomes_init(mtfp_outcomes *outcomes, size_t count, size_t width)
{
    outcomes->count = count;
    outcomes->width = width;
    outcomes->nbr = calloc(count * width + 1, sizeof *outcomes->nbr);
    outcomes->gap = calloc(count * width + 1, sizeof *outcomes->gap);
    if (outcomes->nbr && outcomes->gap)
        return MTFP_OK;
    mtfp_outcomes_free(outcomes);
    return MTFP_ERR_MEMORY;
}

void mtfp_outcomes_free(mtfp_outcomes *outcomes)
{
    free(outcomes->nbr);
    free(outcomes->gap);
    memset(outcomes, 0, sizeof *outcomes);
}

const mtfp_pence *mtfp_outcomes_values(const mtfp_outcomes *outcomes, mtfp_measure measure)
{
    return measure == MTFP_MEASURE_GAP ? outcomes->gap : outcomes->nbr;
}

const char *mtfp_measure_key(mtfp_measure measure)
{
    return measure == MTFP_MEASURE_GAP ? "gap" : "net_budget_requirement";
}

size_t mtfp_percentile_rank(size_t n, int percent)
{
    size_t k = (n * (size_t)percent + 99) / 100;
    return k < 1 ? 1 : k;
}

static int compare_pence(const void *a, const void *b)
{
    mtfp_pence x = *(const mtfp_pence *)a, y = *(const mtfp_pence *)b;
    return (x > y) - (x < y);
}

mtfp_status mtfp_stats_describe(const mtfp_pence *values, size_t n, size_t stride,
                                mtfp_stats *stats)
{
    mtfp_pence *sorted = malloc(n * sizeof *sorted);
    if (!sorted)
        return MTFP_ERR_MEMORY;
    long double sum = 0;
    for (size_t i = 0; i < n; i++) {
        sorted[i] = values[i * stride];
        sum += sorted[i];
    }
    long double mean = sum / (long double)n, squares = 0;
    for (size_t i = 0; i < n; i++)
        squares += (sorted[i] - mean) * (sorted[i] - mean);
    qsort(sorted, n, sizeof *sorted, compare_pence);
    mtfp_money_round((double)mean, &stats->mean);
    mtfp_money_round(n > 1 ? (double)sqrtl(squares / (long double)(n - 1)) : 0.0, &stats->sd);
    stats->min = sorted[0];
    stats->max = sorted[n - 1];
    for (int p = 0; p < MTFP_PERCENTILES; p++)
        stats->percentile[p] = sorted[mtfp_percentile_rank(n, mtfp_percentiles[p]) - 1];
    free(sorted);
    return MTFP_OK;
}

size_t mtfp_count_above(const mtfp_pence *values, size_t n, size_t stride, mtfp_pence threshold)
{
    size_t above = 0;
    for (size_t i = 0; i < n; i++)
        above += values[i * stride] > threshold;
    return above;
}

size_t mtfp_histogram_bounds(const mtfp_stats *stats, size_t bins, mtfp_pence *lower)
{
    mtfp_pence span = stats->max - stats->min;
    mtfp_pence width = span / (mtfp_pence)bins + (span % (mtfp_pence)bins != 0);
    if (width < 1)
        width = 1;
    size_t used = (size_t)(span / width + (span % width != 0));
    if (used < 1)
        used = 1;
    for (size_t b = 0; b < used; b++)
        lower[b] = stats->min + (mtfp_pence)b * width;
    lower[used] = stats->max;
    return used;
}

/* Most often pushed over first, then most often materialised, then in the
 * register's order. */
static int by_push(const void *a, const void *b)
{
    const mtfp_simulation_risk *x = a, *y = b;
    if (x->pushed_over != y->pushed_over)
        return x->pushed_over < y->pushed_over ? 1 : -1;
    if (x->materialised != y->materialised)
        return x->materialised < y->materialised ? 1 : -1;
    return (x->risk > y->risk) - (x->risk < y->risk);
}

mtfp_status mtfp_simulation_describe(mtfp_simulation *simulation)
{
    const mtfp_outcomes *runs = &simulation->runs;
    for (int m = 0; m < MTFP_MEASURES; m++)
        for (size_t y = 0; y < runs->width; y++)
            MTFP_TRY(mtfp_stats_describe(&mtfp_outcomes_values(runs, (mtfp_measure)m)[y],
                                         runs->count, runs->width, &simulation->stats[m][y]));
    if (simulation->risk_count == 0)
        return MTFP_OK;
    for (size_t y = 0; y < runs->width; y++)
        MTFP_TRY(mtfp_stats_describe(&simulation->with_risks[y], runs->count, runs->width,
                                     &simulation->risk_stats[y]));
    for (size_t k = 0; k < simulation->risk_count; k++) {
        mtfp_simulation_risk *risk = &simulation->risks[k];
        risk->materialised = risk->pushed_over = 0;
        for (size_t i = 0; i < runs->count; i++) {
            uint8_t drawn = simulation->drawn[i * simulation->risk_count + k];
            risk->materialised += drawn != MTFP_RISK_NOT_DRAWN;
            risk->pushed_over += drawn == MTFP_RISK_PUSHED_OVER;
        }
    }
    qsort(simulation->risks, simulation->risk_count, sizeof *simulation->risks, by_push);
    /* The runs' records follow the order before the sort: no longer needed. */
    free(simulation->drawn);
    simulation->drawn = NULL;
    return MTFP_OK;
}

void mtfp_simulation_free(mtfp_simulation *simulation)
{
    mtfp_outcomes_free(&simulation->runs);
    free(simulation->risks);
    free(simulation->slot);
    free(simulation->with_risks);
    free(simulation->drawn);
    memset(simulation, 0, sizeof *simulation);
}

double mtfp_vary_value(const mtfp_vary *vary, size_t i)
{
    double value = vary->from + (double)i * vary->step;
    /* -0.3 + 3 x 0.1 is 5.55e-17, which 12 significant digits keep: a
     * point within a billionth of a step of 0 is 0, as --set gives it. */
    if (fabs(value) < 1e-9 * fabs(vary->step))
        return 0;
    char text[32];
    snprintf(text, sizeof text, "%.12g", value);
    return strtod(text, NULL);
}

void mtfp_sweep_free(mtfp_sweep *sweep)
{
    for (size_t i = 0; i < MTFP_VARY_MAX; i++)
        free(sweep->vary[i].name);
    for (size_t i = 0; i < sweep->bar_count; i++)
        free(sweep->bars[i].param);
    free(sweep->bars);
    free(sweep->points);
    mtfp_outcomes_free(&sweep->outcomes);
    memset(sweep, 0, sizeof *sweep);
}
