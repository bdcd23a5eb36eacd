/* Placements: for each scenario and type, the numbers placed (opening,
 * arrivals, leavers, closing), the weeks of placement, the weekly cost, the
 * cost and the demand pressure by year; and each scenario's total cost and
 * pressure as formulas. */
#include <math.h>
#include <stdio.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

typedef struct sheet {
    mtfp_book *b;
    lxw_row_t row;
} sheet;

/* Children placed or weeks of placement: whole numbers with thousands
 * separators (5,200 weeks), or, in a row where a projection gives a part
 * (6.5 children on average), every year to two places. */
static void numbers(sheet *k, const char *label, const double *values)
{
    int years = k->b->run->model.years;
    lxw_format *format = k->b->formats.count;
    for (int y = 0; y <= years; y++)
        if (values[y] != floor(values[y]))
            format = k->b->formats.quantity;
    mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_PLACEMENTS], k->row, 0, label, k->b->formats.text);
    for (int y = 0; y <= years; y++)
        mtfp_book_number(k->b, k->b->sheets[MTFP_SHEET_PLACEMENTS], k->row, (lxw_col_t)(1 + y),
                         values[y], format);
    k->row++;
}

static void money(sheet *k, const char *label, const mtfp_pence *values)
{
    mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_PLACEMENTS], k->row, 0, label, k->b->formats.text);
    for (int y = 0; y <= k->b->run->model.years; y++)
        mtfp_book_money(k->b, k->b->sheets[MTFP_SHEET_PLACEMENTS], k->row, (lxw_col_t)(1 + y),
                        values[y], k->b->formats.money);
    k->row++;
}

static const char cost_label[] = "Cost";
static const char pressure_label[] = "Demand pressure (cost less the base cost rolled forward)";

/* A row summing, in each year, the rows in [from, to] labelled measure. */
static void total(sheet *k, const char *label, const char *measure, lxw_row_t from, lxw_row_t to,
                  const mtfp_pence *cached)
{
    mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_PLACEMENTS], k->row, 0, label, k->b->formats.bold);
    for (int y = 0; y <= k->b->run->model.years; y++) {
        char formula[160];
        mtfp_book_sumif(0, measure, from, to, (lxw_col_t)(1 + y), formula, sizeof formula);
        mtfp_book_formula(k->b, k->b->sheets[MTFP_SHEET_PLACEMENTS], k->row, (lxw_col_t)(1 + y),
                          formula, cached[y], k->b->formats.money_total);
    }
    k->row++;
}

static const char *const titles[MTFP_PLACEMENT_MEASURES] = {"Placed at the start of the year",
                                                            "Arrivals",
                                                            "Leavers",
                                                            "Added or moved by the scenario",
                                                            "Placed at the end of the year",
                                                            "Weeks of placement"};

static mtfp_status scenario_block(sheet *k, size_t s)
{
    const mtfp_placements *placements = &k->b->run->scenarios[s].placements;
    char heading[300];
    mtfp_book_scenario_heading(k->b, s, heading, sizeof heading);
    mtfp_book_scenario_block(k->b, k->b->sheets[MTFP_SHEET_PLACEMENTS], k->row++, heading);
    lxw_row_t from = k->row;
    mtfp_pence cost[MTFP_MAX_YEARS + 1] = {0}, pressure[MTFP_MAX_YEARS + 1] = {0};
    for (size_t t = 0; t < placements->count; t++) {
        mtfp_placement_result r;
        MTFP_TRY(mtfp_run_placement(k->b->run, s, t, &r, k->b->diag));
        mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_PLACEMENTS], k->row++, 0,
                       placements->types[t].name, k->b->formats.bold);
        for (int m = 0; m < MTFP_PLACEMENT_MEASURES; m++)
            numbers(k, titles[m], r.measure[m]);
        money(k, "Weekly cost", r.weekly);
        money(k, cost_label, r.cost);
        money(k, pressure_label, r.pressure);
        for (int y = 0; y <= k->b->run->model.years; y++) {
            cost[y] += r.cost[y];
            pressure[y] += r.pressure[y];
        }
    }
    lxw_row_t to = k->row - 1;
    total(k, "Total cost of placements", cost_label, from, to, cost);
    total(k, "Total demand pressure", pressure_label, from, to, pressure);
    k->row++;
    return MTFP_OK;
}

mtfp_status mtfp_book_write_placements(mtfp_book *b, lxw_worksheet *ws)
{
    worksheet_set_column(ws, 0, 0, 56, NULL);
    worksheet_set_column(ws, 1, (lxw_col_t)(1 + b->run->model.years), 16, NULL);
    mtfp_book_text(b, ws, 0, 0, "Placements: numbers and cost by type and year", b->formats.title);
    mtfp_book_text(b, ws, 1, 0, "Children and weeks; weekly cost and cost in £", b->formats.header);
    mtfp_book_year_labels(b, ws, 1, 1, 0);
    worksheet_freeze_panes(ws, 2, 1);
    sheet k = {.b = b, .row = 3};
    for (size_t s = 0; s < b->run->count; s++) {
        MTFP_TRY(scenario_block(&k, s));
        MTFP_TRY(mtfp_book_scenario_written(b, ws, s, k.row));
    }
    return MTFP_OK;
}
