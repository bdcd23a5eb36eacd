/* Sweep (mtfp sweep, or mtfp run --vary): the gap by year at each point of
 * the grid, a chart of the final-year gap against the first param, and the
 * tornado: the final-year gap at each param's low and high, with a bar
 * chart, then the change in every year's gap and over the plan. Each chart
 * is under its table, as wide as the tables. */
#include <stdio.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "mtfp/utf8.h"
#include "print.h"
#include "text.h"

enum { COL_SCENARIO, COL_FIRST_PARAM };

/* At most this many lines on the sweep chart (a scenario and a value of the
 * second param each); the table has every point. */
#define SWEEP_CHART_SERIES 12

static void param_number(mtfp_book *b, lxw_row_t row, lxw_col_t col, double value)
{
    mtfp_book_number(b, b->sheets[MTFP_SHEET_SWEEP], row, col, value, b->formats.number_input);
}

/* The grid's table: its heading, its column headings, then a row per point. */
#define GRID_ROW 3

void mtfp_book_sweep_gap_at(const mtfp_book *b, size_t p, lxw_row_t *row, lxw_col_t *col)
{
    *row = (lxw_row_t)(GRID_ROW + 2 + p);
    *col = (lxw_col_t)(COL_FIRST_PARAM + b->run->sweep->vary_count);
}

/* The grid's table from row; returns the row after it. Adds a chart line for
 * each run of rows with the same scenario and second param. */
static lxw_row_t grid(mtfp_book *b, lxw_row_t row, lxw_chart *chart)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SWEEP];
    const mtfp_sweep *sweep = b->run->sweep;
    const mtfp_outcomes *outcomes = &sweep->outcomes;
    lxw_col_t first_year = (lxw_col_t)(COL_FIRST_PARAM + sweep->vary_count);
    lxw_col_t last = (lxw_col_t)(first_year + outcomes->width - 1);
    mtfp_book_text(b, ws, row++, 0, "The gap by year at each point (positive: a shortfall)",
                   b->formats.heading);
    mtfp_book_text(b, ws, row, COL_SCENARIO, "Scenario", b->formats.header);
    for (size_t v = 0; v < sweep->vary_count; v++)
        mtfp_book_text(b, ws, row, (lxw_col_t)(COL_FIRST_PARAM + v), sweep->vary[v].name,
                       b->formats.header);
    mtfp_book_year_headings(b, ws, row++, first_year, 0);
    size_t series = 0;
    for (size_t p = 0; p < outcomes->count; p++, row++) {
        const mtfp_sweep_point *point = &sweep->points[p];
        mtfp_book_text(b, ws, row, COL_SCENARIO, b->run->scenarios[point->scenario].name,
                       b->formats.text);
        for (size_t v = 0; v < sweep->vary_count; v++)
            if (point->asked[v])
                param_number(b, row, (lxw_col_t)(COL_FIRST_PARAM + v), point->values[v]);
        for (size_t y = 0; y < outcomes->width; y++)
            mtfp_book_money(b, ws, row, (lxw_col_t)(first_year + y),
                            outcomes->gap[p * outcomes->width + y], b->formats.money);
        /* A line ends where the scenario or the second param changes; a
         * scenario that does not ask for the first param has no line. */
        bool ends = p + 1 == outcomes->count || sweep->points[p + 1].scenario != point->scenario ||
                    (point->asked[1] && sweep->points[p + 1].values[1] != point->values[1]);
        if (!ends || !point->asked[0] || series == SWEEP_CHART_SERIES)
            continue;
        lxw_row_t start = row + 1 - (lxw_row_t)sweep->vary[0].count;
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(s, "Sweep", start, COL_FIRST_PARAM, row, COL_FIRST_PARAM);
        chart_series_set_values(s, "Sweep", start, last, row, last);
        char name[300];
        if (point->asked[1])
            mtfp_book_format(name, sizeof name, "%s, %s = %.12g",
                             b->run->scenarios[point->scenario].name, sweep->vary[1].name,
                             point->values[1]);
        else
            mtfp_book_format(name, sizeof name, "%s", b->run->scenarios[point->scenario].name);
        char shown[BOOK_CHART_TEXT];
        chart_series_set_name(s, mtfp_book_chart_text(name, shown));
        series++;
    }
    return row;
}

enum {
    BAR_SCENARIO,
    BAR_PARAM,
    BAR_LOW,
    BAR_HIGH,
    BAR_GAP_LOW,
    BAR_GAP_HIGH,
    BAR_GAP,
    BAR_EFFECT_LOW,
    BAR_EFFECT_HIGH,
    BAR_COLS
};

/* The tornado's table from row; returns its first bar's row. */
static lxw_row_t tornado(mtfp_book *b, lxw_row_t row)
{
    static const char *const headings[BAR_COLS] = {"Scenario",
                                                   "Param",
                                                   "Low",
                                                   "High",
                                                   "Final-year gap at low £",
                                                   "Final-year gap at high £",
                                                   "The scenario's final-year gap £",
                                                   "Change at low £",
                                                   "Change at high £"};
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SWEEP];
    const mtfp_sweep *sweep = b->run->sweep;
    /* The heading runs on over the columns to its right, above headings of
     * two lines from the fifth column on: it is short enough to end before
     * them, and the rest is a note. */
    mtfp_book_text(b, ws, row++, 0, "Tornado: the final-year gap at each param's low and high",
                   b->formats.heading);
    mtfp_book_text(b, ws, row++, 0, "Params that declare low and high; the largest swing first.",
                   b->formats.note);
    for (lxw_col_t c = 0; c < BAR_COLS; c++)
        mtfp_book_text(b, ws, row, c, headings[c], b->formats.header);
    lxw_row_t first = ++row;
    for (size_t i = 0; i < sweep->bar_count; i++, row++) {
        const mtfp_tornado_bar *bar = &sweep->bars[i];
        mtfp_book_text(b, ws, row, BAR_SCENARIO, b->run->scenarios[bar->scenario].name,
                       b->formats.text);
        mtfp_book_text(b, ws, row, BAR_PARAM, bar->param, b->formats.text);
        param_number(b, row, BAR_LOW, bar->low);
        param_number(b, row, BAR_HIGH, bar->high);
        mtfp_book_money(b, ws, row, BAR_GAP_LOW, bar->gap_low, b->formats.money);
        mtfp_book_money(b, ws, row, BAR_GAP_HIGH, bar->gap_high, b->formats.money);
        mtfp_book_money(b, ws, row, BAR_GAP, bar->gap, b->formats.money);
        char formula[64], a[16], c[16];
        mtfp_book_cell(row, BAR_GAP, false, c, sizeof c);
        mtfp_book_cell(row, BAR_GAP_LOW, false, a, sizeof a);
        snprintf(formula, sizeof formula, "=%s-%s", a, c);
        mtfp_book_formula(b, ws, row, BAR_EFFECT_LOW, formula, bar->gap_low - bar->gap,
                          b->formats.money);
        mtfp_book_cell(row, BAR_GAP_HIGH, false, a, sizeof a);
        snprintf(formula, sizeof formula, "=%s-%s", a, c);
        mtfp_book_formula(b, ws, row, BAR_EFFECT_HIGH, formula, bar->gap_high - bar->gap,
                          b->formats.money);
    }
    return first;
}

/* The tornado by year's columns: the bar, its side and value, then the
 * change in the gap in each projection year and over the plan. */
enum { BY_SCENARIO, BY_PARAM, BY_SIDE, BY_VALUE, BY_FIRST_YEAR };

/* The tornado for every projection year from row, two rows a bar (at its
 * low, at its high), with the change over the plan as the sum of the years';
 * returns the row after it. */
static lxw_row_t tornado_by_year(mtfp_book *b, lxw_row_t row)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SWEEP];
    const mtfp_sweep *sweep = b->run->sweep;
    int years = b->run->model.years;
    lxw_col_t plan = (lxw_col_t)(BY_FIRST_YEAR + years);
    mtfp_book_text(b, ws, row++, 0,
                   "Tornado by year: the change in each year's gap at each param's low and high",
                   b->formats.heading);
    mtfp_book_text(b, ws, row++, 0,
                   "The bars in the order above; over the plan is the sum of the projection "
                   "years' changes.",
                   b->formats.note);
    static const char *const headings[BY_FIRST_YEAR] = {"Scenario", "Param", "Side", "Value"};
    for (lxw_col_t c = 0; c < BY_FIRST_YEAR; c++)
        mtfp_book_text(b, ws, row, c, headings[c],
                       c == BY_VALUE ? b->formats.year : b->formats.header);
    mtfp_book_year_headings(b, ws, row, BY_FIRST_YEAR, 1);
    mtfp_book_text(b, ws, row++, plan, "Over the plan £", b->formats.year);
    for (size_t i = 0; i < sweep->bar_count; i++) {
        const mtfp_tornado_bar *bar = &sweep->bars[i];
        for (int side = 0; side < 2; side++, row++) {
            const mtfp_pence *gaps = side == 0 ? bar->gaps_low : bar->gaps_high;
            mtfp_book_text(b, ws, row, BY_SCENARIO, b->run->scenarios[bar->scenario].name,
                           b->formats.text);
            mtfp_book_text(b, ws, row, BY_PARAM, bar->param, b->formats.text);
            mtfp_book_text(b, ws, row, BY_SIDE, side == 0 ? "low" : "high", b->formats.text);
            param_number(b, row, BY_VALUE, side == 0 ? bar->low : bar->high);
            mtfp_pence sum = 0;
            for (int y = 1; y <= years; y++) {
                mtfp_pence change = gaps[y] - bar->gaps[y]; /* checked by tornado-by-year.csv */
                sum += change;
                mtfp_book_money(b, ws, row, (lxw_col_t)(BY_FIRST_YEAR + y - 1), change,
                                b->formats.money);
            }
            char formula[64], from[16], to[16];
            mtfp_book_cell(row, BY_FIRST_YEAR, false, from, sizeof from);
            mtfp_book_cell(row, plan - 1, false, to, sizeof to);
            snprintf(formula, sizeof formula, "=SUM(%s:%s)", from, to);
            mtfp_book_formula(b, ws, row, plan, formula, sum, b->formats.money);
        }
    }
    return row;
}

static lxw_chart *tornado_chart(mtfp_book *b, lxw_row_t first)
{
    lxw_chart *chart = workbook_add_chart(b->workbook, LXW_CHART_BAR);
    lxw_row_t last = first + (lxw_row_t)b->run->sweep->bar_count - 1;
    static const struct {
        lxw_col_t col;
        const char *name;
        lxw_color_t colour;
    } sides[] = {{BAR_EFFECT_LOW, "At low", 0x548235}, {BAR_EFFECT_HIGH, "At high", 0xC00000}};
    for (size_t i = 0; i < 2; i++) {
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(s, "Sweep", first, BAR_PARAM, last, BAR_PARAM);
        chart_series_set_values(s, "Sweep", first, sides[i].col, last, sides[i].col);
        chart_series_set_name(s, sides[i].name);
        chart_series_set_fill(s, &(lxw_chart_fill){.color = sides[i].colour});
    }
    chart_set_series_overlap(chart, 100);
    chart_set_series_gap(chart, 40);
    /* In a bar chart libxlsxwriter's x axis is the horizontal one, the values,
     * and its y axis the params. */
    chart_axis_set_reverse(chart->y_axis); /* the largest swing at the top */
    chart_axis_set_label_position(chart->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    chart_axis_set_num_format(chart->x_axis, "#,##0,\"k\";(#,##0,\"k\")");
    chart_title_set_name(chart, "Change in the final-year gap at each param's low and high");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    return chart;
}

mtfp_status mtfp_book_write_sweep(mtfp_book *b, lxw_worksheet *ws)
{
    const mtfp_sweep *sweep = b->run->sweep;
    mtfp_book_title(b, ws, "Sweep: the plan evaluated again as params vary",
                    "Each row is its scenario's script run again with the params set as shown, as "
                    "mtfp run --set NAME=VALUE would; all else as in the scenario.");
    size_t longest = 0; /* the scenarios' names head the grid's and the tornado's rows */
    for (size_t i = 0; i < b->run->count; i++) {
        size_t chars = mtfp_utf8_chars(b->run->scenarios[i].name);
        longest = chars > longest ? chars : longest;
    }
    mtfp_book_fit_column(ws, COL_SCENARIO, longest, 40, 70);
    /* The tables' columns: the tornado's, or the grid's years if they reach
     * further. */
    lxw_col_t last = (lxw_col_t)(COL_FIRST_PARAM + sweep->vary_count + (size_t)b->run->model.years);
    last = last > BAR_COLS - 1 ? last : BAR_COLS - 1;
    if (sweep->bar_count > 0 && BY_FIRST_YEAR + b->run->model.years > last)
        last = (lxw_col_t)(BY_FIRST_YEAR + b->run->model.years);
    worksheet_set_column(ws, 1, last, 16, NULL);
    /* The charts sit under the tables, as wide as they are: beside them they
     * made the sheet twice as wide, and it printed at 40%. */
    double width = mtfp_book_columns_pixels(ws, 0, last);
    lxw_chart_options place = {
        .y_offset = BOOK_CHART_OFFSET, .x_scale = width / 480, .y_scale = BOOK_CHART_HEIGHT / 288};
    const lxw_row_t chart_rows = BOOK_CHART_ROWS;
    /* A chart, or the tornado's table and its chart, that would run past
     * the foot of its page starts a new one. */
    const lxw_row_t page_rows = mtfp_book_page_rows(mtfp_book_print_scale(width));
    lxw_row_t row = GRID_ROW;
    if (sweep->outcomes.count > 0) {
        lxw_chart *chart = workbook_add_chart(b->workbook, LXW_CHART_LINE);
        char title[200], fitted[200], year[MTFP_YEAR_LABEL_MAX];
        mtfp_model_year_label(&b->run->model, b->run->model.years, year);
        mtfp_book_format(title, sizeof title, "Gap in %s by %s", year, sweep->vary[0].name);
        chart_title_set_name(chart, mtfp_book_fit(title, fitted, sizeof fitted));
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        chart_axis_set_num_format(chart->y_axis, "#,##0.0,,\"m\";(#,##0.0,,\"m\")");
        chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
        chart_axis_set_name(chart->x_axis,
                            mtfp_book_fit(sweep->vary[0].name, fitted, sizeof fitted));
        row = grid(b, row, chart) + 1;
        mtfp_book_keep_together(b, row, chart_rows, page_rows);
        mtfp_book_chart(b, ws, row, 0, chart, &place);
        row += chart_rows;
    }
    if (sweep->bar_count > 0) {
        /* The tornado's heading, note, column headings and bars, a blank row
         * and its chart. */
        mtfp_book_keep_together(b, row, 4 + (lxw_row_t)sweep->bar_count + chart_rows, page_rows);
        lxw_row_t first = tornado(b, row);
        row = first + (lxw_row_t)sweep->bar_count + 1;
        mtfp_book_chart(b, ws, row, 0, tornado_chart(b, first), &place);
        row += chart_rows + 1;
        /* Its heading, note, column headings and two rows a bar. */
        mtfp_book_keep_together(b, row, 3 + 2 * (lxw_row_t)sweep->bar_count, page_rows);
        row = tornado_by_year(b, row);
    }
    worksheet_freeze_panes(ws, 1, 1);
    return mtfp_book_rows_fit(b, ws, row);
}
