/* Capital: each scenario's programme by scheme and year, its funding by
 * source, and the revenue consequences of its borrowing; totals and the
 * check that funding meets spend are formulas. */
#include <stdio.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

enum { COL_PROGRAMME, COL_SCHEME, COL_FIRST_YEAR };

typedef struct block {
    mtfp_book *b;
    size_t scenario;
    lxw_row_t row;
} block;

static void label(block *k, const char *programme, const char *scheme, bool bold)
{
    lxw_format *f = bold ? k->b->formats.bold : k->b->formats.text;
    if (programme)
        mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_CAPITAL], k->row, COL_PROGRAMME, programme, f);
    mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_CAPITAL], k->row, COL_SCHEME, scheme, f);
}

static void values(block *k, const mtfp_pence *amounts, lxw_format *format)
{
    for (int y = 0; y <= k->b->run->model.years; y++)
        mtfp_book_money(k->b, k->b->sheets[MTFP_SHEET_CAPITAL], k->row,
                        (lxw_col_t)(COL_FIRST_YEAR + y), amounts[y], format);
}

/* A row of formulas: op applied to rows (SUM over from..to, or a - b). */
static void formula_row(block *k, const char *text, lxw_row_t a, lxw_row_t b, bool difference,
                        const mtfp_pence *cached)
{
    label(k, NULL, text, true);
    for (int y = 0; y <= k->b->run->model.years; y++) {
        lxw_col_t col = (lxw_col_t)(COL_FIRST_YEAR + y);
        char first[16], second[16], formula[64];
        mtfp_book_cell(a, col, false, first, sizeof first);
        mtfp_book_cell(b, col, false, second, sizeof second);
        snprintf(formula, sizeof formula, difference ? "=%s-%s" : "=SUM(%s:%s)", first, second);
        mtfp_book_formula(k->b, k->b->sheets[MTFP_SHEET_CAPITAL], k->row, col, formula, cached[y],
                          k->b->formats.money_total);
    }
    k->row++;
}

static void add_to(mtfp_pence *total, const mtfp_pence *amounts, int years)
{
    for (int y = 0; y <= years; y++)
        total[y] += amounts[y];
}

/* Spend by scheme, and its total; returns the total's row. */
static lxw_row_t spend(block *k, mtfp_pence *total)
{
    const mtfp_capital *capital = &k->b->run->scenarios[k->scenario].capital;
    int years = k->b->run->model.years;
    lxw_row_t first = k->row;
    for (size_t i = 0; i < capital->count; i++) {
        const mtfp_scheme *scheme = &capital->schemes[i];
        label(k, mtfp_names_get(&capital->programmes, scheme->programme), scheme->name, false);
        values(k, scheme->amount[MTFP_CAPITAL_SPEND], k->b->formats.money_input);
        add_to(total, scheme->amount[MTFP_CAPITAL_SPEND], years);
        k->row++;
    }
    lxw_row_t row = k->row;
    formula_row(k, "Total spend", first, row - 1, false, total);
    return row;
}

/* Funding by source, its total and the check against spend. */
static void funding(block *k, lxw_row_t spend_row)
{
    const mtfp_capital *capital = &k->b->run->scenarios[k->scenario].capital;
    int years = k->b->run->model.years;
    mtfp_pence total[MTFP_MAX_YEARS + 1] = {0}, zero[MTFP_MAX_YEARS + 1] = {0};
    lxw_row_t first = k->row;
    for (int c = MTFP_CAPITAL_GRANT; c < MTFP_CAPITAL_COLUMNS; c++) {
        mtfp_pence source[MTFP_MAX_YEARS + 1] = {0};
        for (size_t i = 0; i < capital->count; i++)
            add_to(source, capital->schemes[i].amount[c], years);
        char text[64];
        snprintf(text, sizeof text, "Funded by %s%s", mtfp_capital_column_name(c),
                 c == MTFP_CAPITAL_BORROWING ? " (the borrowing requirement)" : "");
        label(k, NULL, text, false);
        values(k, source, k->b->formats.money);
        add_to(total, source, years);
        k->row++;
    }
    lxw_row_t total_row = k->row;
    formula_row(k, "Total funding", first, total_row - 1, false, total);
    formula_row(k, "Check: funding less spend (should be 0)", total_row, spend_row, true, zero);
}

/* MRP, interest and running costs summed over schemes, and their total. */
static mtfp_status consequences(block *k)
{
    const mtfp_capital *capital = &k->b->run->scenarios[k->scenario].capital;
    int years = k->b->run->model.years;
    mtfp_pence sums[MTFP_CAPITAL_CONSEQUENCES][MTFP_MAX_YEARS + 1] = {{0}};
    for (size_t i = 0; i < capital->count; i++) {
        mtfp_pence out[MTFP_CAPITAL_CONSEQUENCES][MTFP_MAX_YEARS + 1];
        if (!mtfp_capital_consequences(capital, &capital->schemes[i], years, out))
            return mtfp_diag_error(k->b->diag, MTFP_ERR_INPUT, capital->schemes[i].file,
                                   capital->schemes[i].line, 0,
                                   "this scheme's borrowing is too large to hold in pence");
        for (int c = 0; c < MTFP_CAPITAL_CONSEQUENCES; c++)
            add_to(sums[c], out[c], years);
    }
    static const char *const titles[MTFP_CAPITAL_CONSEQUENCES] = {"Minimum revenue provision",
                                                                  "Interest", "Running costs"};
    mtfp_pence total[MTFP_MAX_YEARS + 1] = {0};
    lxw_row_t first = k->row;
    for (int c = 0; c < MTFP_CAPITAL_CONSEQUENCES; c++) {
        label(k, NULL, titles[c], false);
        values(k, sums[c], k->b->formats.money);
        add_to(total, sums[c], years);
        k->row++;
    }
    formula_row(k, "Revenue consequences (the year's, not the change)", first, k->row - 1, false,
                total);
    return MTFP_OK;
}

static mtfp_status scenario_block(block *k)
{
    char heading[300];
    mtfp_book_scenario_heading(k->b, k->scenario, heading, sizeof heading);
    mtfp_book_scenario_block(k->b, k->b->sheets[MTFP_SHEET_CAPITAL], k->row++, heading);
    mtfp_pence spent[MTFP_MAX_YEARS + 1] = {0};
    lxw_row_t spend_row = spend(k, spent);
    funding(k, spend_row);
    MTFP_TRY(consequences(k));
    k->row++;
    return MTFP_OK;
}

mtfp_status mtfp_book_write_capital(mtfp_book *b, lxw_worksheet *ws)
{
    const mtfp_capital_policy *policy = &b->run->model.capital.policy;
    size_t programme = 0, scheme = 0; /* the longest names of any scenario's */
    for (size_t s = 0; s < b->run->count; s++) {
        const mtfp_capital *capital = &b->run->scenarios[s].capital;
        size_t p = mtfp_book_longest_name(&capital->programmes),
               n = mtfp_book_longest_name(&capital->scheme_names);
        programme = p > programme ? p : programme;
        scheme = n > scheme ? n : scheme;
    }
    mtfp_book_fit_column(ws, COL_PROGRAMME, programme, 30, 60);
    mtfp_book_fit_column(ws, COL_SCHEME, scheme, 44, 70);
    worksheet_set_column(ws, COL_FIRST_YEAR, (lxw_col_t)(COL_FIRST_YEAR + b->run->model.years), 16,
                         NULL);
    mtfp_book_text(b, ws, 0, 0, "Capital programme, funding and revenue consequences",
                   b->formats.title);
    mtfp_book_text(b, ws, 1, COL_PROGRAMME, "Programme", b->formats.header);
    mtfp_book_text(b, ws, 1, COL_SCHEME, "Scheme", b->formats.header);
    mtfp_book_year_headings(b, ws, 1, COL_FIRST_YEAR, 0);
    worksheet_freeze_panes(ws, 2, COL_FIRST_YEAR);
    char text[256], life[64] = "";
    if (policy->asset_life > 0)
        snprintf(life, sizeof life, " (model.lua's %d years where it has none)",
                 policy->asset_life);
    snprintf(text, sizeof text,
             "MRP %s over each scheme's asset life%s from the year after the spend; interest at "
             "%.2f%% on borrowing less MRP provided",
             policy->method == MTFP_MRP_ANNUITY ? "by the annuity method" : "straight-line", life,
             policy->interest_rate * 100.0);
    mtfp_book_text(b, ws, 2, 0, text, b->formats.note);
    block k = {.b = b, .row = 4};
    for (k.scenario = 0; k.scenario < b->run->count; k.scenario++)
        MTFP_TRY(scenario_block(&k));
    return mtfp_book_rows_fit(b, ws, k.row);
}
