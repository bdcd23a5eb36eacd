/* Pooled budgets: for each scenario and pool, each partner's contribution,
 * the pool's spend and variance, each partner's share of the variance, and a
 * statement of what each partner puts in and bears; totals, the variance and
 * the statement are formulas. */
#include <stdio.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

enum { COL_LABEL, COL_FIRST_YEAR };

typedef struct block {
    mtfp_book *b;
    lxw_row_t row;
    int start; /* the pool's first year: the years before it stay empty */
} block;

static void values(block *k, const char *label, const mtfp_pence *amounts, lxw_format *format)
{
    mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_POOLS], k->row, COL_LABEL, label,
                   k->b->formats.text);
    for (int y = k->start; y <= k->b->run->model.years; y++)
        mtfp_book_money(k->b, k->b->sheets[MTFP_SHEET_POOLS], k->row,
                        (lxw_col_t)(COL_FIRST_YEAR + y), amounts[y], format);
    k->row++;
}

/* A row whose year cells are fmt filled with the column's cells of rows a and b. */
static void formulas(block *k, const char *label, const char *fmt, lxw_row_t a, lxw_row_t b,
                     const mtfp_pence *cached)
{
    mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_POOLS], k->row, COL_LABEL, label,
                   k->b->formats.bold);
    for (int y = k->start; y <= k->b->run->model.years; y++) {
        lxw_col_t col = (lxw_col_t)(COL_FIRST_YEAR + y);
        char first[16], second[16], formula[80];
        mtfp_book_cell(a, col, false, first, sizeof first);
        mtfp_book_cell(b, col, false, second, sizeof second);
        snprintf(formula, sizeof formula, fmt, first, second);
        mtfp_book_formula(k->b, k->b->sheets[MTFP_SHEET_POOLS], k->row, col, formula, cached[y],
                          k->b->formats.money_total);
    }
    k->row++;
}

static const char *rule_name(const mtfp_pool *pool)
{
    switch (pool->rule) {
    case MTFP_RISK_PRO_RATA:
        return "pro rata to contributions";
    case MTFP_RISK_SHARES:
        return "fixed shares";
    case MTFP_RISK_HOST:
        return "the host takes all";
    }
    return "";
}

static void pool_block(block *k, size_t scenario, const mtfp_pool *pool, bool first)
{
    const mtfp_run *run = k->b->run;
    int years = run->model.years, n = pool->partner_count;
    mtfp_pool_result r;
    mtfp_pool_result_of(pool, &run->plans[scenario], &r);
    /* Before its start the pool does not run: no contributions, no variance
     * (a variance formula there would count its services' spend as one). */
    k->start = pool->start;
    char text[600], start[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(&run->model, pool->start, start);
    mtfp_book_format(text, sizeof text, "%s: %s (host %s, from %s; risk share %s%s)",
                     run->scenarios[scenario].name, pool->name, pool->partners[pool->host].name,
                     start, rule_name(pool),
                     pool->threshold ? ", after the host's first band" : "");
    if (first) /* the scenario's first pool begins its block */
        mtfp_book_scenario_block(k->b, k->b->sheets[MTFP_SHEET_POOLS], k->row++, text);
    else
        mtfp_book_text(k->b, k->b->sheets[MTFP_SHEET_POOLS], k->row++, 0, text,
                       k->b->formats.heading);
    mtfp_pence total[MTFP_MAX_YEARS + 1] = {0}, zero[MTFP_MAX_YEARS + 1] = {0};
    lxw_row_t contributions = k->row;
    for (int p = 0; p < n; p++) {
        mtfp_book_format(text, sizeof text, "Contribution: %s", pool->partners[p].name);
        values(k, text, r.contribution[p], k->b->formats.money);
        for (int y = 0; y <= years; y++)
            total[y] += r.contribution[p][y];
    }
    lxw_row_t total_row = k->row;
    formulas(k, "Total contributions", "=SUM(%s:%s)", contributions, total_row - 1, total);
    lxw_row_t spend_row = k->row;
    values(k, "Spend (the pool's lines, with every change)", r.spend, k->b->formats.money);
    lxw_row_t variance_row = k->row;
    formulas(k, "Variance (+ overspend, - underspend)", "=%s-%s", spend_row, total_row, r.variance);
    lxw_row_t shares = k->row;
    for (int p = 0; p < n; p++) {
        mtfp_book_format(text, sizeof text, "Share of the variance: %s%s", pool->partners[p].name,
                         p == pool->host ? " (host: and the rounding)" : "");
        values(k, text, r.share[p], k->b->formats.money);
    }
    lxw_row_t shares_total = k->row;
    formulas(k, "Total shares", "=SUM(%s:%s)", shares, shares_total - 1, r.variance);
    formulas(k, "Check: shares less variance (should be 0)", "=%s-%s", shares_total, variance_row,
             zero);
    for (int p = 0; p < n; p++) {
        mtfp_pence net[MTFP_MAX_YEARS + 1];
        for (int y = 0; y <= years; y++)
            net[y] = r.contribution[p][y] + r.share[p][y];
        mtfp_book_format(text, sizeof text, "%s puts in and bears", pool->partners[p].name);
        formulas(k, text, "=%s+%s", contributions + (lxw_row_t)p, shares + (lxw_row_t)p, net);
    }
    k->row++;
}

mtfp_status mtfp_book_write_pools(mtfp_book *b, lxw_worksheet *ws)
{
    worksheet_set_column(ws, COL_LABEL, COL_LABEL, 52, NULL);
    worksheet_set_column(ws, COL_FIRST_YEAR, (lxw_col_t)(COL_FIRST_YEAR + b->run->model.years), 16,
                         NULL);
    mtfp_book_text(b, ws, 0, 0, "Pooled budgets: contributions, spend, variance and risk share",
                   b->formats.title);
    mtfp_book_text(b, ws, 1, COL_LABEL, "£", b->formats.header);
    mtfp_book_year_headings(b, ws, 1, COL_FIRST_YEAR, 0);
    worksheet_freeze_panes(ws, 2, COL_FIRST_YEAR);
    block k = {.b = b, .row = 3};
    for (size_t s = 0; s < b->run->count; s++)
        for (size_t i = 0; i < b->run->scenarios[s].pools.count; i++)
            pool_block(&k, s, &b->run->scenarios[s].pools.items[i], i == 0);
    return mtfp_book_rows_fit(b, ws, k.row);
}
