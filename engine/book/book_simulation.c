/* Simulation (mtfp simulate): for each simulated scenario, the statistics of
 * the gap and the net budget requirement by year as formulas over the runs
 * (which are listed below them), and for a scenario with priced risks those
 * of the gap with the risks drawn and the risks that most often take the gap
 * over the threshold; a fan chart of the gap's percentiles, and a histogram
 * of the final-year gap, each chart under its table and as wide as the
 * sheet's columns. */
#include <stdio.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

#define HISTOGRAM_BINS 20

static const lxw_col_t first_year = 1;

/* The first column's width in characters: a risk's id and title wrap in it. */
#define RISK_WIDTH 34

/* Where one simulation's runs are: the gap, the NBR and the gap with risks
 * of year y in column runs_col(measure, y), rows [first, last]. */
typedef struct runs_block {
    lxw_row_t first, last;
    size_t width;
} runs_block;

/* The gap with the risks drawn: a measure of the sheet's alone (sweeps have
 * none). */
enum { WITH_RISKS = MTFP_MEASURES, SHEET_MEASURES };

/* The sheet shows the gap first, then the NBR, then the gap with risks. */
static const int sheet_order[SHEET_MEASURES] = {MTFP_MEASURE_GAP, MTFP_MEASURE_NBR, WITH_RISKS};

static lxw_col_t runs_col(const runs_block *r, int measure, size_t y)
{
    size_t before = measure == MTFP_MEASURE_GAP ? 0 : measure == MTFP_MEASURE_NBR ? 1 : 2;
    return (lxw_col_t)(1 + before * r->width + y);
}

/* The measures a simulation's runs have: the gap with risks too when it
 * draws risks. */
static int measures_of(const mtfp_simulation *sim)
{
    return sim->risk_count > 0 ? SHEET_MEASURES : MTFP_MEASURES;
}

/* Run i's measure in year y. */
static mtfp_pence run_value(const mtfp_simulation *sim, int measure, size_t i, size_t y)
{
    const mtfp_pence *values = measure == WITH_RISKS
                                   ? sim->with_risks
                                   : mtfp_outcomes_values(&sim->runs, (mtfp_measure)measure);
    return values[i * sim->runs.width + y];
}

/* "$C$40:$C$10039": a year's runs. */
static void runs_range(const runs_block *r, int measure, size_t y, char *buf, size_t size)
{
    char top[16], bottom[16];
    mtfp_book_cell(r->first, runs_col(r, measure, y), true, top, sizeof top);
    mtfp_book_cell(r->last, runs_col(r, measure, y), true, bottom, sizeof bottom);
    snprintf(buf, size, "%s:%s", top, bottom);
}

void mtfp_book_stat_label(int stat, char *buf, size_t size)
{
    if (stat >= BOOK_STAT_PERCENTILE && stat < BOOK_STAT_MAX)
        snprintf(buf, size, "%dth percentile", mtfp_percentiles[stat - BOOK_STAT_PERCENTILE]);
    else
        snprintf(buf, size, "%s",
                 stat == BOOK_STAT_MEAN  ? "Mean"
                 : stat == BOOK_STAT_SD  ? "Standard deviation"
                 : stat == BOOK_STAT_MIN ? "Lowest"
                                         : "Highest");
}

mtfp_pence mtfp_book_stat_value(const mtfp_stats *stats, int stat)
{
    switch (stat) {
    case BOOK_STAT_MEAN:
        return stats->mean;
    case BOOK_STAT_SD:
        return stats->sd;
    case BOOK_STAT_MIN:
        return stats->min;
    case BOOK_STAT_MAX:
        return stats->max;
    default:
        return stats->percentile[stat - BOOK_STAT_PERCENTILE];
    }
}

/* One statistic's row: its formula and cached value for each year. */
static void statistic_row(mtfp_book *b, lxw_row_t row, const mtfp_simulation *sim,
                          const runs_block *r, int measure, int stat, const mtfp_stats *stats)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SIMULATION];
    char label[64];
    mtfp_book_stat_label(stat, label, sizeof label);
    mtfp_book_text(b, ws, row, 0, label, b->formats.text);
    for (size_t y = 0; y < r->width; y++) {
        char range[40], formula[96];
        runs_range(r, measure, y, range, sizeof range);
        if (stat == BOOK_STAT_MEAN)
            snprintf(formula, sizeof formula, "=ROUND(AVERAGE(%s),2)", range);
        else if (stat == BOOK_STAT_SD)
            snprintf(formula, sizeof formula, "=ROUND(STDEV(%s),2)", range);
        else if (stat == BOOK_STAT_MIN)
            snprintf(formula, sizeof formula, "=MIN(%s)", range);
        else if (stat == BOOK_STAT_MAX)
            snprintf(formula, sizeof formula, "=MAX(%s)", range);
        else
            snprintf(formula, sizeof formula, "=SMALL(%s,%zu)", range,
                     mtfp_percentile_rank(sim->runs.count,
                                          mtfp_percentiles[stat - BOOK_STAT_PERCENTILE]));
        mtfp_book_formula(b, ws, row, (lxw_col_t)(first_year + y), formula,
                          mtfp_book_stat_value(&stats[y], stat), b->formats.money);
    }
}

/* The chance the gap (or the gap with risks) is above an amount, each year:
 * a share of the runs. */
static void chance_row(mtfp_book *b, lxw_row_t row, const mtfp_simulation *sim, const runs_block *r,
                       int measure, mtfp_pence threshold)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SIMULATION];
    char label[80], pounds[MTFP_MONEY_TEXT_MAX];
    mtfp_money_format_display(threshold, pounds);
    snprintf(label, sizeof label, "Chance the gap%s is above %s",
             measure == WITH_RISKS ? " with risks" : "", pounds);
    mtfp_book_text(b, ws, row, 0, label, b->formats.text);
    const mtfp_pence *values = measure == WITH_RISKS ? sim->with_risks : sim->runs.gap;
    for (size_t y = 0; y < r->width; y++) {
        char range[40], formula[128];
        runs_range(r, measure, y, range, sizeof range);
        snprintf(formula, sizeof formula, "=COUNTIF(%s,\">%.2f\")/COUNT(%s)", range,
                 mtfp_money_to_pounds(threshold), range);
        size_t above = mtfp_count_above(&values[y], sim->runs.count, sim->runs.width, threshold);
        mtfp_book_formula_number(b, ws, row, (lxw_col_t)(first_year + y), formula,
                                 (double)above / (double)sim->runs.count, b->formats.share);
    }
}

/* A measure's statistics table from row; returns the row after it, and the
 * row of its first percentile in *percentiles. */
static lxw_row_t statistics(mtfp_book *b, lxw_row_t row, const mtfp_simulation *sim,
                            const runs_block *r, int measure, const mtfp_stats *stats,
                            lxw_row_t *percentiles)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SIMULATION];
    mtfp_book_text(b, ws, row, 0,
                   measure == MTFP_MEASURE_GAP   ? "Gap (positive: a shortfall)"
                   : measure == MTFP_MEASURE_NBR ? "Net budget requirement"
                                                 : "Gap with risks (each priced risk drawn)",
                   b->formats.header);
    mtfp_book_year_headings(b, ws, row++, first_year, 0);
    *percentiles = row + BOOK_STAT_PERCENTILE;
    for (int stat = 0; stat <= BOOK_STAT_MAX; stat++)
        statistic_row(b, row++, sim, r, measure, stat, stats);
    if (measure != MTFP_MEASURE_NBR) {
        chance_row(b, row++, sim, r, measure, 0);
        if (sim->threshold != 0)
            chance_row(b, row++, sim, r, measure, sim->threshold);
    }
    return row + 1;
}

/* The fan chart's bands: the 5th percentile (no fill), then the steps to
 * the 25th, 50th, 75th and 95th, as formulas on the gap's percentiles. */
static const int fan_percentile[] = {0, 2, 3, 4, 6}; /* indices into mtfp_percentiles */

static lxw_row_t fan_table(mtfp_book *b, lxw_row_t row, const runs_block *r, lxw_row_t percentiles,
                           const mtfp_stats *stats, lxw_chart *chart)
{
    static const char *const names[] = {"5th percentile", "5th to 25th", "25th to median",
                                        "Median to 75th", "75th to 95th"};
    static const lxw_color_t colours[] = {0, 0xBDD7EE, 0x6FA8DC, 0x6FA8DC, 0xBDD7EE};
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SIMULATION];
    mtfp_book_text(b, ws, row, 0, "Fan chart: the gap's percentile bands, £", b->formats.header);
    mtfp_book_year_labels(b, ws, row++, first_year, 0); /* the chart's categories: years alone */
    for (size_t band = 0; band < 5; band++, row++) {
        mtfp_book_text(b, ws, row, 0, names[band], b->formats.text);
        for (size_t y = 0; y < r->width; y++) {
            lxw_col_t col = (lxw_col_t)(first_year + y);
            char upper[16], lower[16], formula[48];
            int p = fan_percentile[band];
            mtfp_book_cell(percentiles + (lxw_row_t)p, col, false, upper, sizeof upper);
            mtfp_pence value = stats[y].percentile[p];
            if (band == 0) {
                snprintf(formula, sizeof formula, "=%s", upper);
            } else {
                int below = fan_percentile[band - 1];
                mtfp_book_cell(percentiles + (lxw_row_t)below, col, false, lower, sizeof lower);
                snprintf(formula, sizeof formula, "=%s-%s", upper, lower);
                value -= stats[y].percentile[below];
            }
            mtfp_book_formula(b, ws, row, col, formula, value, b->formats.money);
        }
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(s, "Simulation", row - band - 1, first_year + 1, row - band - 1,
                                    (lxw_col_t)(first_year + r->width - 1));
        chart_series_set_values(s, "Simulation", row, first_year + 1, row,
                                (lxw_col_t)(first_year + r->width - 1));
        chart_series_set_name(s, names[band]);
        if (band == 0) {
            chart_series_set_fill(s, &(lxw_chart_fill){.none = LXW_TRUE});
            chart_series_set_line(s, &(lxw_chart_line){.none = LXW_TRUE});
        } else {
            chart_series_set_fill(s, &(lxw_chart_fill){.color = colours[band]});
        }
    }
    return row + 1;
}

/* The histogram of the final-year gap: bins and COUNTIFS over the runs. */
static lxw_row_t histogram(mtfp_book *b, lxw_row_t row, const mtfp_simulation *sim,
                           const runs_block *r, const mtfp_stats *final, lxw_chart *chart)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SIMULATION];
    size_t last = r->width - 1;
    char year[MTFP_YEAR_LABEL_MAX], title[80];
    mtfp_model_year_label(&b->run->model, (int)last, year);
    snprintf(title, sizeof title, "Histogram of the gap in %s", year);
    mtfp_book_text(b, ws, row++, 0, title, b->formats.header);
    mtfp_book_text(b, ws, row, 0, "Bin", b->formats.header);
    mtfp_book_text(b, ws, row, 1, "From £", b->formats.header);
    mtfp_book_text(b, ws, row, 2, "To £", b->formats.header);
    mtfp_book_text(b, ws, row++, 3, "Runs", b->formats.header);
    mtfp_pence lower[HISTOGRAM_BINS + 1];
    size_t bins = mtfp_histogram_bounds(final, HISTOGRAM_BINS, lower);
    lxw_row_t first = row;
    char range[40];
    runs_range(r, MTFP_MEASURE_GAP, last, range, sizeof range);
    for (size_t bin = 0; bin < bins; bin++, row++) {
        bool top = bin + 1 == bins;
        char label[64], from[16], to[16], formula[160];
        snprintf(label, sizeof label, "%zu", bin + 1);
        mtfp_book_text(b, ws, row, 0, label, b->formats.text);
        mtfp_book_money(b, ws, row, 1, lower[bin], b->formats.money);
        mtfp_book_money(b, ws, row, 2, lower[bin + 1], b->formats.money);
        mtfp_book_cell(row, 1, false, from, sizeof from);
        mtfp_book_cell(row, 2, false, to, sizeof to);
        snprintf(formula, sizeof formula, "=COUNTIFS(%s,\">=\"&%s,%s,\"%s\"&%s)", range, from,
                 range, top ? "<=" : "<", to);
        size_t count = 0;
        for (size_t i = 0; i < sim->runs.count; i++) {
            mtfp_pence v = sim->runs.gap[i * sim->runs.width + last];
            count += v >= lower[bin] && (top ? v <= lower[bin + 1] : v < lower[bin + 1]);
        }
        mtfp_book_formula_number(b, ws, row, 3, formula, (double)count, b->formats.count);
    }
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    chart_series_set_categories(s, "Simulation", first, 1, row - 1, 1);
    chart_series_set_values(s, "Simulation", first, 3, row - 1, 3);
    chart_series_set_name(s, "Runs");
    chart_set_series_gap(chart, 5);
    return first + HISTOGRAM_BINS + 1; /* fewer bins leave their rows blank */
}

/* The risks drawn, those that most often take the gap over the threshold
 * first: the share of runs in which each materialised, and in which the
 * risks took the gap above the threshold (in a year the risk costs
 * something) with it among them. */
static lxw_row_t risk_table(mtfp_book *b, lxw_row_t row, const mtfp_simulation *sim)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SIMULATION];
    const mtfp_risks *risks = &b->run->scenarios[sim->scenario].risks;
    char pounds[MTFP_MONEY_TEXT_MAX], title[160];
    mtfp_money_format_display(sim->threshold, pounds);
    snprintf(title, sizeof title, "Risks that most often take the gap above %s", pounds);
    mtfp_book_text(b, ws, row++, 0, title, b->formats.bold); /* on one line, as wide as it needs */
    const char *headings[] = {"Risk", "Probability", "Materialised: share of runs",
                              "Took the gap over: share of runs"};
    size_t lines = 1;
    for (int c = 1; c < 4; c++) { /* bold, wider than the digits a width counts */
        size_t n = mtfp_book_wrapped_lines(headings[c], 13);
        lines = n > lines ? n : lines;
    }
    mtfp_book_row_lines(b, ws, row, lines);
    for (int c = 0; c < 4; c++)
        mtfp_book_text(b, ws, row, (lxw_col_t)c, headings[c],
                       c == 0 ? b->formats.header : b->formats.year);
    row++;
    double runs = (double)sim->runs.count;
    for (size_t k = 0; k < sim->risk_count; k++, row++) {
        const mtfp_simulation_risk *drawn = &sim->risks[k];
        const mtfp_risk *risk = &risks->items[drawn->risk];
        char label[600];
        mtfp_book_format(label, sizeof label, "%s: %s", risk->id, risk->title);
        mtfp_book_row_lines(b, ws, row, mtfp_book_wrapped_lines(label, RISK_WIDTH));
        mtfp_book_text(b, ws, row, 0, label, b->formats.wrapped);
        mtfp_book_number(b, ws, row, 1, mtfp_risk_probability(risks, risk), b->formats.share);
        mtfp_book_number(b, ws, row, 2, (double)drawn->materialised / runs, b->formats.share);
        mtfp_book_number(b, ws, row, 3, (double)drawn->pushed_over / runs, b->formats.share);
    }
    return row + 1;
}

static lxw_chart *chart_of(mtfp_book *b, lxw_chart_type type, const char *title)
{
    lxw_chart *chart = workbook_add_chart(b->workbook, type);
    chart_title_set_name(chart, title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    return chart;
}

/* A row of the runs' outline group: hidden, so that a thousand runs do not
 * print (or fill the screen) unless a reader opens the group. Set before
 * the row's cells, as constant-memory mode writes a row as it goes. */
static void grouped_row(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row)
{
    lxw_row_col_options hidden = {.hidden = LXW_TRUE, .level = 1};
    mtfp_book_wrote(b, worksheet_set_row_opt(ws, row, LXW_DEF_ROW_HEIGHT, NULL, &hidden), ws, row,
                    0);
}

/* Every run's gap and NBR by year, from row: a heading, then the runs'
 * column headings and rows in a collapsed group under it. The statistics'
 * formulas read the hidden rows as any others (SMALL, COUNTIFS, AVERAGE and
 * STDEV do not skip hidden rows; only SUBTOTAL and AGGREGATE can). */
static lxw_row_t runs_table(mtfp_book *b, lxw_row_t row, const mtfp_simulation *sim,
                            const runs_block *r)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SIMULATION];
    lxw_row_col_options collapsed = {.collapsed = LXW_TRUE}; /* the group's [+] is on this row */
    mtfp_book_wrote(b, worksheet_set_row_opt(ws, row, LXW_DEF_ROW_HEIGHT, NULL, &collapsed), ws,
                    row, 0);
    mtfp_book_text(
        b, ws, row++, 0,
        "Every run: hidden, so as not to print; the + at the left of this row shows them",
        b->formats.bold); /* bold, not header: on one line, as wide as it needs */
    grouped_row(b, ws, row);
    mtfp_book_text(b, ws, row, 0, "Run", b->formats.header);
    for (int k = 0; k < measures_of(sim); k++)
        for (size_t y = 0; y < r->width; y++) {
            int measure = sheet_order[k];
            char label[MTFP_YEAR_LABEL_MAX + 24];
            mtfp_model_year_label(&b->run->model, (int)y, label);
            strcat(label, measure == MTFP_MEASURE_GAP   ? " gap £"
                          : measure == MTFP_MEASURE_NBR ? " NBR £"
                                                        : " gap with risks £");
            mtfp_book_text(b, ws, row, runs_col(r, measure, y), label, b->formats.year);
        }
    row++;
    for (size_t i = 0; i < sim->runs.count; i++, row++) {
        grouped_row(b, ws, row);
        mtfp_book_number(b, ws, row, 0, (double)(i + 1), b->formats.count);
        for (int k = 0; k < measures_of(sim); k++)
            for (size_t y = 0; y < r->width; y++)
                mtfp_book_money(b, ws, row, runs_col(r, sheet_order[k], y),
                                run_value(sim, sheet_order[k], i, y), b->formats.money);
    }
    return row + 1;
}

/* The rows of the fan chart's table and the histogram's, each with the
 * blank row after it. */
enum { FAN_ROWS = 7, HISTOGRAM_ROWS = 3 + HISTOGRAM_BINS };

/* The rows of the table of risks: its heading and column headings, a row
 * per risk, and the blank row after it. */
static lxw_row_t risk_rows(const mtfp_simulation *sim)
{
    return sim->risk_count > 0 ? 2 + (lxw_row_t)sim->risk_count + 1 : 0;
}

/* The rows a simulation's block takes before its runs: headings, the
 * statistics tables (and the table of risks), the fan chart's table and
 * chart, the histogram's table and chart, and the runs' heading and column
 * headings. */
static lxw_row_t block_rows(const mtfp_simulation *sim)
{
    lxw_row_t stats = 1 + BOOK_STAT_MAX + 1 + 1;       /* heading, rows, gap */
    lxw_row_t gap = stats + 1 + (sim->threshold != 0); /* and the chances */
    lxw_row_t risks = sim->risk_count > 0 ? gap + risk_rows(sim) : 0;
    return 3 + gap + stats + risks + FAN_ROWS + BOOK_CHART_ROWS + HISTOGRAM_ROWS + BOOK_CHART_ROWS +
           2;
}

/* The last column of the sheet: that of the runs' final-year NBR, or gap
 * with risks when a simulation draws risks. */
static lxw_col_t last_col(const mtfp_book *b)
{
    lxw_col_t measures = MTFP_MEASURES;
    for (size_t i = 0; i < b->run->simulation_count; i++)
        if (b->run->simulations[i].risk_count > 0)
            measures = SHEET_MEASURES;
    return (lxw_col_t)(measures * (b->run->model.years + 1));
}

/* A table of rows rows at row and the chart under it: the two start a page
 * if they would run past the foot of this one, and fit on one; otherwise
 * the table does if it would, and the chart if it would. */
static void keep_with_chart(mtfp_book *b, lxw_row_t row, lxw_row_t rows, lxw_row_t page_rows)
{
    lxw_row_t both = rows + BOOK_CHART_ROWS;
    mtfp_book_keep_together(b, row, both <= page_rows ? both : rows, page_rows);
    mtfp_book_keep_together(b, row + rows, BOOK_CHART_ROWS, page_rows);
}

/* The first row of simulation i's block: each follows the runs of the one
 * before. */
static lxw_row_t block_start(const mtfp_book *b, size_t i)
{
    lxw_row_t row = 3;
    for (size_t k = 0; k < i; k++)
        row +=
            block_rows(&b->run->simulations[k]) + (lxw_row_t)b->run->simulations[k].runs.count + 1;
    return row;
}

void mtfp_book_simulation_gap_at(const mtfp_book *b, size_t i, int stat, lxw_row_t *row,
                                 lxw_col_t *col)
{
    /* The block's heading, note and a blank row; then the gap's table: its
     * headings, then a row per statistic. */
    *row = block_start(b, i) + 4 + (lxw_row_t)stat;
    *col = first_year;
}

static mtfp_status simulation_block(mtfp_book *b, const mtfp_simulation *sim, lxw_row_t *row)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SIMULATION];
    runs_block r = {.width = sim->runs.width};
    r.first = *row + block_rows(sim);
    r.last = r.first + (lxw_row_t)sim->runs.count - 1;
    const mtfp_stats *gap = sim->stats[MTFP_MEASURE_GAP], *nbr = sim->stats[MTFP_MEASURE_NBR];
    char heading[300], note[300];
    mtfp_book_scenario_heading(b, sim->scenario, heading, sizeof heading);
    mtfp_book_scenario_block(b, ws, (*row)++, heading);
    char risks[64] = "";
    if (sim->risk_count > 0)
        snprintf(risks, sizeof risks, " and %zu priced risk%s", sim->risk_count,
                 sim->risk_count == 1 ? "" : "s");
    snprintf(note, sizeof note,
             "%zu runs, seed %llu; %zu uncertain value%s%s drawn in each run (xoshiro256**, "
             "docs/design.md). Percentiles are values of the runs (nearest rank).",
             sim->runs.count, (unsigned long long)sim->seed, sim->draws, sim->draws == 1 ? "" : "s",
             risks);
    mtfp_book_text(b, ws, (*row)++, 0, note, b->formats.note);
    (*row)++;
    lxw_row_t percentiles, top = *row;
    lxw_row_t mean;
    /* Each chart under its table, as wide as the sheet's columns (the runs'
     * reach furthest): beside the tables they made the sheet half as wide
     * again, and it printed at 59%. */
    double width = mtfp_book_columns_pixels(ws, 0, last_col(b));
    lxw_chart_options place = {
        .y_offset = BOOK_CHART_OFFSET, .x_scale = width / 480, .y_scale = BOOK_CHART_HEIGHT / 288};
    const lxw_row_t page_rows = mtfp_book_page_rows(mtfp_book_print_scale(width));
    lxw_col_t col;
    mtfp_book_simulation_gap_at(b, (size_t)(sim - b->run->simulations), BOOK_STAT_MEAN, &mean,
                                &col);
    *row = statistics(b, *row, sim, &r, MTFP_MEASURE_GAP, gap, &percentiles);
    lxw_row_t unused;
    *row = statistics(b, *row, sim, &r, MTFP_MEASURE_NBR, nbr, &unused);
    if (sim->risk_count > 0) {
        *row = statistics(b, *row, sim, &r, WITH_RISKS, sim->risk_stats, &unused);
        *row = risk_table(b, *row, sim);
    }
    lxw_chart *fan = chart_of(b, LXW_CHART_AREA_STACKED, "The gap's range: 5th to 95th percentile");
    chart_axis_set_num_format(fan->y_axis, "#,##0.0,,\"m\";(#,##0.0,,\"m\")");
    keep_with_chart(b, *row, FAN_ROWS, page_rows);
    *row = fan_table(b, *row, &r, percentiles, gap, fan);
    mtfp_book_chart(b, ws, *row, 0, fan, &place);
    *row += BOOK_CHART_ROWS;
    lxw_chart *histo = chart_of(b, LXW_CHART_COLUMN, "Runs by final-year gap");
    chart_axis_set_num_format(histo->x_axis, "#,##0.0,,\"m\";(#,##0.0,,\"m\")");
    chart_legend_set_position(histo, LXW_CHART_LEGEND_NONE);
    keep_with_chart(b, *row, HISTOGRAM_ROWS, page_rows);
    *row = histogram(b, *row, sim, &r, &gap[r.width - 1], histo);
    mtfp_book_chart(b, ws, *row, 0, histo, &place);
    *row += BOOK_CHART_ROWS;
    if (*row != r.first - 2 || mean != top + 1)
        return mtfp_diag_error(b->diag, MTFP_ERR_OUTPUT, NULL, 0, 0,
                               "internal error: the Simulation sheet's runs or statistics are "
                               "not where formulas expect them");
    *row = runs_table(b, *row, sim, &r);
    return MTFP_OK;
}

mtfp_status mtfp_book_write_simulation(mtfp_book *b, lxw_worksheet *ws)
{
    mtfp_book_title(
        b, ws, "Simulation: the range of outcomes (Monte Carlo)",
        "Each run draws every uncertain.* value of the scenario's script afresh and "
        "projects the plan; the statistics are formulas over the runs listed under each "
        "block.");
    worksheet_set_column(ws, 0, 0, RISK_WIDTH, NULL);
    worksheet_set_column(ws, 1, last_col(b), 16, NULL);
    /* The runs' group opens from its heading, above it. */
    worksheet_outline_settings(ws, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);
    lxw_row_t row = 3;
    for (size_t i = 0; i < b->run->simulation_count; i++)
        MTFP_TRY(simulation_block(b, &b->run->simulations[i], &row));
    worksheet_freeze_panes(ws, 1, 1);
    return mtfp_book_rows_fit(b, ws, row);
}
