/* The CSV tables of mtfp sweep (sweep.csv, tornado.csv) and mtfp simulate
 * (simulation.csv, simulation-runs.csv, simulation-risks.csv). */
#include <inttypes.h>

#include "csv_analysis.h"
#include "mtfp/csv_out.h"

bool mtfp_csv_swept(const mtfp_run *run)
{
    return run->sweep != NULL;
}

bool mtfp_csv_simulated(const mtfp_run *run)
{
    return run->simulation_count > 0;
}

/* A param's value or a share, as few digits as say it. */
static void number(FILE *out, double value)
{
    fprintf(out, "%.12g", value);
}

/* scenario,<param>[,<param>],measure,year,amount: one row per point, measure
 * and year. */
mtfp_status mtfp_csv_write_sweep(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    const mtfp_sweep *sweep = run->sweep;
    const mtfp_outcomes *outcomes = &sweep->outcomes;
    fputs("scenario", out);
    for (size_t v = 0; v < sweep->vary_count; v++) {
        fputc(',', out);
        mtfp_csv_field(out, sweep->vary[v].name);
    }
    fputs(",measure,year,amount\n", out);
    for (size_t p = 0; p < outcomes->count; p++)
        for (int m = 0; m < MTFP_MEASURES; m++)
            for (size_t y = 0; y < outcomes->width; y++) {
                char year[MTFP_YEAR_LABEL_MAX];
                mtfp_model_year_label(&run->model, (int)y, year);
                mtfp_csv_field(out, run->scenarios[sweep->points[p].scenario].name);
                for (size_t v = 0; v < sweep->vary_count; v++) {
                    fputc(',', out);
                    if (sweep->points[p].asked[v])
                        number(out, sweep->points[p].values[v]);
                }
                fprintf(out, ",%s,%s,", mtfp_measure_key((mtfp_measure)m), year);
                mtfp_csv_amount(
                    out, mtfp_outcomes_values(outcomes, (mtfp_measure)m)[p * outcomes->width + y]);
                fputc('\n', out);
            }
    return MTFP_OK;
}

/* scenario,param,side,value,final_year_gap,effect: the tornado's bars, the
 * largest swing first; effect is the change from the scenario's own gap. */
mtfp_status mtfp_csv_write_tornado(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    const mtfp_sweep *sweep = run->sweep;
    fputs("scenario,param,side,value,final_year_gap,effect\n", out);
    for (size_t i = 0; i < sweep->bar_count; i++) {
        const mtfp_tornado_bar *bar = &sweep->bars[i];
        for (int side = 0; side < 2; side++) {
            mtfp_pence gap = side == 0 ? bar->gap_low : bar->gap_high;
            mtfp_csv_field(out, run->scenarios[bar->scenario].name);
            fputc(',', out);
            mtfp_csv_field(out, bar->param);
            fputs(side == 0 ? ",low," : ",high,", out);
            number(out, side == 0 ? bar->low : bar->high);
            fputc(',', out);
            mtfp_csv_amount(out, gap);
            fputc(',', out);
            mtfp_csv_amount(out, gap - bar->gap);
            fputc('\n', out);
        }
    }
    return MTFP_OK;
}

/* One row of tornado-by-year.csv: a bar's side in a year (or over the plan). */
static void tornado_row(FILE *out, const mtfp_run *run, const mtfp_tornado_bar *bar, int side,
                        const char *year, mtfp_pence gap, mtfp_pence effect)
{
    mtfp_csv_field(out, run->scenarios[bar->scenario].name);
    fputc(',', out);
    mtfp_csv_field(out, bar->param);
    fputs(side == 0 ? ",low," : ",high,", out);
    number(out, side == 0 ? bar->low : bar->high);
    fputc(',', out);
    mtfp_csv_field(out, year);
    fputc(',', out);
    mtfp_csv_amount(out, gap);
    fputc(',', out);
    mtfp_csv_amount(out, effect);
    fputc('\n', out);
}

/* scenario,param,side,value,year,gap,effect: the tornado for every
 * projection year, and over the plan ("2010/11 to 2012/13": the sums of
 * the years' gaps and effects). */
mtfp_status mtfp_csv_write_tornado_by_year(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    const mtfp_sweep *sweep = run->sweep;
    int years = run->model.years;
    char first[MTFP_YEAR_LABEL_MAX], last[MTFP_YEAR_LABEL_MAX], plan[2 * MTFP_YEAR_LABEL_MAX + 8];
    mtfp_model_year_label(&run->model, 1, first);
    mtfp_model_year_label(&run->model, years, last);
    snprintf(plan, sizeof plan, "%s to %s", first, last);
    fputs("scenario,param,side,value,year,gap,effect\n", out);
    for (size_t i = 0; i < sweep->bar_count; i++) {
        const mtfp_tornado_bar *bar = &sweep->bars[i];
        for (int side = 0; side < 2; side++) {
            const mtfp_pence *gaps = side == 0 ? bar->gaps_low : bar->gaps_high;
            mtfp_pence gap_sum = 0, effect_sum = 0;
            for (int y = 1; y <= years; y++) {
                char label[MTFP_YEAR_LABEL_MAX];
                mtfp_model_year_label(&run->model, y, label);
                mtfp_pence effect;
                if (!mtfp_money_sub(gaps[y], bar->gaps[y], &effect) ||
                    !mtfp_money_add(gap_sum, gaps[y], &gap_sum) ||
                    !mtfp_money_add(effect_sum, effect, &effect_sum))
                    return mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0,
                                           "%s: the tornado of %s is too large to add up in pence",
                                           run->scenarios[bar->scenario].name, bar->param);
                tornado_row(out, run, bar, side, label, gaps[y], effect);
            }
            tornado_row(out, run, bar, side, plan, gap_sum, effect_sum);
        }
    }
    return MTFP_OK;
}

static void statistic(FILE *out, const mtfp_run *run, const mtfp_simulation *simulation,
                      const char *measure, const char *year, const char *name)
{
    mtfp_csv_field(out, run->scenarios[simulation->scenario].name);
    fprintf(out, ",%s,%s,%s,", measure, name, year);
}

/* The key of the gap with the risks drawn in simulation.csv and
 * simulation-runs.csv. */
static const char gap_with_risks[] = "gap_with_risks";

/* A measure's statistics by year (values: run i, year y at [i * width +
 * y]); for a gap also the share of runs above 0 (and above --threshold). */
static void measure_rows(FILE *out, const mtfp_run *run, const mtfp_simulation *simulation,
                         const char *measure, const mtfp_pence *all, const mtfp_stats *by_year,
                         bool gap)
{
    const mtfp_outcomes *runs = &simulation->runs;
    for (size_t y = 0; y < runs->width; y++) {
        const mtfp_pence *values = &all[y];
        char year[MTFP_YEAR_LABEL_MAX];
        mtfp_model_year_label(&run->model, (int)y, year);
        const mtfp_stats *stats = &by_year[y];
        const struct {
            const char *name;
            mtfp_pence value;
        } rows[] = {{"mean", stats->mean}, {"sd", stats->sd}, {"min", stats->min}};
        for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
            statistic(out, run, simulation, measure, year, rows[r].name);
            mtfp_csv_amount(out, rows[r].value);
            fputc('\n', out);
        }
        for (int p = 0; p < MTFP_PERCENTILES; p++) {
            char name[8];
            snprintf(name, sizeof name, "p%d", mtfp_percentiles[p]);
            statistic(out, run, simulation, measure, year, name);
            mtfp_csv_amount(out, stats->percentile[p]);
            fputc('\n', out);
        }
        statistic(out, run, simulation, measure, year, "max");
        mtfp_csv_amount(out, stats->max);
        fputc('\n', out);
        if (!gap)
            continue;
        mtfp_pence thresholds[2] = {0, simulation->threshold};
        for (int t = 0; t < (simulation->threshold != 0 ? 2 : 1); t++) {
            char name[64], pounds[MTFP_MONEY_TEXT_MAX];
            mtfp_money_format(thresholds[t], pounds);
            snprintf(name, sizeof name, "share_above_%s", pounds);
            statistic(out, run, simulation, measure, year, name);
            size_t above = mtfp_count_above(values, runs->count, runs->width, thresholds[t]);
            number(out, (double)above / (double)runs->count);
            fputc('\n', out);
        }
    }
}

/* scenario,measure,statistic,year,value: mean, sd, min, p5 ... p95, max of
 * the NBR and the gap, and of the gap with risks when the scenario has
 * priced risks; for a gap also the share of runs above 0 (and above
 * --threshold). */
mtfp_status mtfp_csv_write_simulation(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    fputs("scenario,measure,statistic,year,value\n", out);
    for (size_t i = 0; i < run->simulation_count; i++) {
        const mtfp_simulation *simulation = &run->simulations[i];
        for (int m = 0; m < MTFP_MEASURES; m++)
            measure_rows(out, run, simulation, mtfp_measure_key((mtfp_measure)m),
                         mtfp_outcomes_values(&simulation->runs, (mtfp_measure)m),
                         simulation->stats[m], m == MTFP_MEASURE_GAP);
        if (simulation->risk_count > 0)
            measure_rows(out, run, simulation, gap_with_risks, simulation->with_risks,
                         simulation->risk_stats, true);
    }
    return MTFP_OK;
}

static void run_row(FILE *out, const mtfp_run *run, const mtfp_simulation *simulation, size_t r,
                    const char *measure, size_t y, mtfp_pence amount)
{
    char year[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(&run->model, (int)y, year);
    mtfp_csv_field(out, run->scenarios[simulation->scenario].name);
    fprintf(out, ",%zu,%s,%s,", r + 1, measure, year);
    mtfp_csv_amount(out, amount);
    fputc('\n', out);
}

/* scenario,run,measure,year,amount: every run's NBR and gap, and its gap
 * with risks when the scenario has priced risks. */
mtfp_status mtfp_csv_write_simulation_runs(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    fputs("scenario,run,measure,year,amount\n", out);
    for (size_t i = 0; i < run->simulation_count; i++) {
        const mtfp_simulation *simulation = &run->simulations[i];
        const mtfp_outcomes *runs = &simulation->runs;
        for (size_t r = 0; r < runs->count; r++) {
            for (int m = 0; m < MTFP_MEASURES; m++)
                for (size_t y = 0; y < runs->width; y++)
                    run_row(out, run, simulation, r, mtfp_measure_key((mtfp_measure)m), y,
                            mtfp_outcomes_values(runs, (mtfp_measure)m)[r * runs->width + y]);
            for (size_t y = 0; simulation->risk_count > 0 && y < runs->width; y++)
                run_row(out, run, simulation, r, gap_with_risks, y,
                        simulation->with_risks[r * runs->width + y]);
        }
    }
    return MTFP_OK;
}

/* scenario,risk,title,probability,measure,value: each priced risk of a
 * simulated scenario, the most often pushing the gap over the threshold
 * first: the share of runs in which it materialised (materialised), and in
 * which the risks took the gap above the threshold with it among them
 * (pushed_over). */
mtfp_status mtfp_csv_write_simulation_risks(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    fputs("scenario,risk,title,probability,measure,value\n", out);
    for (size_t i = 0; i < run->simulation_count; i++) {
        const mtfp_simulation *simulation = &run->simulations[i];
        const mtfp_risks *risks = &run->scenarios[simulation->scenario].risks;
        for (size_t k = 0; k < simulation->risk_count; k++) {
            const mtfp_simulation_risk *drawn = &simulation->risks[k];
            const mtfp_risk *risk = &risks->items[drawn->risk];
            const struct {
                const char *name;
                size_t runs;
            } rows[] = {{"materialised", drawn->materialised}, {"pushed_over", drawn->pushed_over}};
            for (size_t r = 0; r < 2; r++) {
                mtfp_csv_field(out, run->scenarios[simulation->scenario].name);
                fputc(',', out);
                mtfp_csv_field(out, risk->id);
                fputc(',', out);
                mtfp_csv_field(out, risk->title);
                fputc(',', out);
                number(out, mtfp_risk_probability(risks, risk));
                fprintf(out, ",%s,", rows[r].name);
                number(out, (double)rows[r].runs / (double)simulation->runs.count);
                fputc('\n', out);
            }
        }
    }
    return MTFP_OK;
}
