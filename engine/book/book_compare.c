/* Compare: every scenario against Base, line by line and year by year; after
 * mtfp simulate, the simulated gap's mean and percentiles against Base's gap;
 * after mtfp sweep, the gap at each point against Base's. Each difference is a
 * formula on the Summary, Simulation or Sweep sheet's figures. */
#include <stdio.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

static const lxw_col_t first_year = BOOK_SUMMARY_FIRST_YEAR_COL;

static void difference(mtfp_book *b, lxw_row_t row, size_t scenario, mtfp_summary_line line, int y)
{
    const mtfp_run *run = b->run;
    char mine[16], base[16], formula[64];
    lxw_col_t col = (lxw_col_t)(first_year + y);
    mtfp_book_cell(mtfp_book_summary_row(b, scenario, line), col, false, mine, sizeof mine);
    mtfp_book_cell(mtfp_book_summary_row(b, 0, line), col, false, base, sizeof base);
    snprintf(formula, sizeof formula, "=Summary!%s-Summary!%s", mine, base);
    mtfp_pence value = run->plans[scenario].summary[line][y] - run->plans[0].summary[line][y];
    mtfp_book_formula(b, b->sheets[MTFP_SHEET_COMPARE], row, col, formula, value,
                      line == MTFP_SUM_GAP ? b->formats.money_total : b->formats.money);
}

static lxw_row_t scenario_block(mtfp_book *b, size_t scenario, lxw_row_t row)
{
    char heading[300];
    mtfp_book_format(heading, sizeof heading, "%s, less Base", b->run->scenarios[scenario].name);
    mtfp_book_scenario_block(b, b->sheets[MTFP_SHEET_COMPARE], row++, heading);
    for (int line = 0; line < MTFP_SUMMARY_LINES; line++) {
        mtfp_book_text(b, b->sheets[MTFP_SHEET_COMPARE], row, 0,
                       mtfp_summary_title((mtfp_summary_line)line),
                       line == MTFP_SUM_GAP ? b->formats.bold : b->formats.text);
        for (int y = 0; y <= b->run->model.years; y++)
            if (y > 0 || mtfp_summary_in_base_year((mtfp_summary_line)line))
                difference(b, row, scenario, (mtfp_summary_line)line, y);
        row++;
    }
    return row + 1;
}

/* One row: for each projection year, a gap on another sheet (its base
 * year's at row, col) less Base's gap that year. */
static void gap_less_base(mtfp_book *b, lxw_row_t row, const char *label, const char *sheet,
                          lxw_row_t at_row, lxw_col_t at_col, const mtfp_pence *gaps)
{
    mtfp_book_text(b, b->sheets[MTFP_SHEET_COMPARE], row, 0, label, b->formats.text);
    for (int y = 1; y <= b->run->model.years; y++) {
        char theirs[16], base[16], formula[80];
        lxw_col_t col = (lxw_col_t)(first_year + y);
        mtfp_book_cell(at_row, (lxw_col_t)(at_col + y), false, theirs, sizeof theirs);
        mtfp_book_cell(mtfp_book_summary_row(b, 0, MTFP_SUM_GAP), col, false, base, sizeof base);
        snprintf(formula, sizeof formula, "=%s!%s-Summary!%s", sheet, theirs, base);
        mtfp_pence value = gaps[y] - b->run->plans[0].summary[MTFP_SUM_GAP][y];
        mtfp_book_formula(b, b->sheets[MTFP_SHEET_COMPARE], row, col, formula, value,
                          b->formats.money);
    }
}

/* The statistics shown: the mean and the fan chart's percentiles. */
static const int shown[] = {BOOK_STAT_MEAN,           BOOK_STAT_PERCENTILE + 0,
                            BOOK_STAT_PERCENTILE + 2, BOOK_STAT_PERCENTILE + 3,
                            BOOK_STAT_PERCENTILE + 4, BOOK_STAT_PERCENTILE + 6};

static lxw_row_t simulation_block(mtfp_book *b, size_t i, lxw_row_t row)
{
    const mtfp_simulation *sim = &b->run->simulations[i];
    char heading[300];
    mtfp_book_format(heading, sizeof heading, "%s, simulated gap (%zu runs), less Base's gap",
                     b->run->scenarios[sim->scenario].name, sim->runs.count);
    mtfp_book_scenario_block(b, b->sheets[MTFP_SHEET_COMPARE], row++, heading);
    for (size_t k = 0; k < sizeof shown / sizeof *shown; k++, row++) {
        char label[64];
        mtfp_book_stat_label(shown[k], label, sizeof label);
        mtfp_pence gaps[MTFP_MAX_YEARS + 1];
        for (int y = 0; y <= b->run->model.years; y++)
            gaps[y] = mtfp_book_stat_value(&sim->stats[MTFP_MEASURE_GAP][y], shown[k]);
        lxw_row_t at_row;
        lxw_col_t at_col;
        mtfp_book_simulation_gap_at(b, i, shown[k], &at_row, &at_col);
        gap_less_base(b, row, label, "Simulation", at_row, at_col, gaps);
    }
    return row + 1;
}

static lxw_row_t sweep_block(mtfp_book *b, lxw_row_t row)
{
    const mtfp_sweep *sweep = b->run->sweep;
    mtfp_book_scenario_block(b, b->sheets[MTFP_SHEET_COMPARE], row++,
                             "Sweep: the gap at each point, less Base's gap");
    for (size_t p = 0; p < sweep->outcomes.count; p++, row++) {
        const mtfp_sweep_point *point = &sweep->points[p];
        char values[2 * 160] = "", label[400];
        for (size_t v = 0, at = 0; v < sweep->vary_count; v++, at = strlen(values))
            if (point->asked[v])
                mtfp_book_format(values + at, sizeof values - at, ", %s = %.12g",
                                 sweep->vary[v].name, point->values[v]);
        mtfp_book_format(label, sizeof label, "%s%s", b->run->scenarios[point->scenario].name,
                         values);
        lxw_row_t at_row;
        lxw_col_t at_col;
        mtfp_book_sweep_gap_at(b, p, &at_row, &at_col);
        gap_less_base(b, row, label, "Sweep", at_row, at_col,
                      &sweep->outcomes.gap[p * sweep->outcomes.width]);
    }
    return row + 1;
}

mtfp_status mtfp_book_write_compare(mtfp_book *b, lxw_worksheet *ws)
{
    worksheet_set_column(ws, 0, 0, 44, NULL);
    worksheet_set_column(ws, first_year, (lxw_col_t)(first_year + b->run->model.years), 16, NULL);
    mtfp_book_text(b, ws, 0, 0, "Each scenario against Base", b->formats.title);
    mtfp_book_text(b, ws, 1, 0, "£; the scenario's figure less Base's", b->formats.header);
    mtfp_book_year_headings(b, ws, 1, first_year, 0);
    worksheet_freeze_panes(ws, 2, first_year);
    lxw_row_t row = 3;
    if (b->run->count < 2)
        mtfp_book_text(b, ws, row++, 0, "The run has no scenario besides Base.", b->formats.note);
    for (size_t s = 1; s < b->run->count; s++)
        row = scenario_block(b, s, row);
    for (size_t i = 0; i < b->run->simulation_count; i++)
        row = simulation_block(b, i, row);
    if (b->run->sweep && b->run->sweep->outcomes.count > 0)
        row = sweep_block(b, row);
    return mtfp_book_rows_fit(b, ws, row);
}
