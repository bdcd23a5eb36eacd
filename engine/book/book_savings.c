/* Savings: the tracker. For each scenario, every saving of the plan
 * (savings.csv and the script's saving{}, staffing changes that save, a
 * partner's share of a pool's underspend) with its type and RAG rating in
 * colour, its planned and its risk-adjusted delivery by year (planned x the
 * rating's weight); the totals of cashable savings as formulas, the change
 * on the year before in the total the plan counts (the Summary's Savings);
 * and the gap the other way of counting them would leave. Savings are
 * negative, as in the Summary. */
#include <stdio.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

enum { COL_ID, COL_TITLE, COL_TYPE, COL_RAG, COL_MEASURE, COL_FIRST_YEAR };

typedef struct sheet {
    mtfp_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
    lxw_format *rag[3];
} sheet;

static void rag_cell(sheet *k, char rag)
{
    static const char *const names[] = {"Red", "Amber", "Green"};
    int r = rag == 'R' ? 0 : rag == 'A' ? 1 : rag == 'G' ? 2 : -1;
    mtfp_book_text(k->b, k->ws, k->row, COL_RAG, r >= 0 ? names[r] : "not rated",
                   r >= 0 ? k->rag[r] : k->b->formats.note);
}

static void amounts(sheet *k, const char *measure, const mtfp_pence *values)
{
    mtfp_book_text(k->b, k->ws, k->row, COL_MEASURE, measure, k->b->formats.text);
    for (int y = 0; y <= k->b->run->model.years; y++)
        mtfp_book_money(k->b, k->ws, k->row, (lxw_col_t)(COL_FIRST_YEAR + y), values[y],
                        k->b->formats.money);
    k->row++;
}

/* A row summing, in each year, one measure (planned or risk-adjusted) of the
 * count cashable savings whose two rows each start at row first. */
static void total(sheet *k, const char *label, const char *measure, lxw_row_t first, size_t count,
                  const mtfp_pence *cached)
{
    mtfp_book_text(k->b, k->ws, k->row, COL_TITLE, label, k->b->formats.bold);
    for (int y = 0; y <= k->b->run->model.years; y++) {
        char formula[160] = "=0";
        lxw_col_t col = (lxw_col_t)(COL_FIRST_YEAR + y);
        if (count > 0)
            mtfp_book_sumif(COL_MEASURE, measure, first, first + (lxw_row_t)(2 * count - 1), col,
                            formula, sizeof formula);
        mtfp_book_formula(k->b, k->ws, k->row, col, formula, cached[y], k->b->formats.money_total);
    }
    k->row++;
}

/* The change on the year before in the total the plan counts (row counted,
 * the planned or the risk-adjusted one), as formulas: the Summary's
 * Savings line, which is that change, year by year. */
static void counted_change(sheet *k, lxw_row_t counted, const mtfp_pence *cached)
{
    mtfp_book_text(k->b, k->ws, k->row, COL_TITLE,
                   "Change on the year before: the Summary's Savings", k->b->formats.bold);
    for (int y = 1; y <= k->b->run->model.years; y++) {
        lxw_col_t col = (lxw_col_t)(COL_FIRST_YEAR + y);
        char now[16], before[16], formula[40];
        mtfp_book_cell(counted, col, false, now, sizeof now);
        mtfp_book_cell(counted, col - 1, false, before, sizeof before);
        snprintf(formula, sizeof formula, "=%s-%s", now, before);
        mtfp_book_formula(k->b, k->ws, k->row, col, formula, cached[y] - cached[y - 1],
                          k->b->formats.money_total);
    }
    k->row++;
}

static mtfp_status scenario_block(sheet *k, size_t s)
{
    const mtfp_run *run = k->b->run;
    const mtfp_plan *plan = &run->plans[s];
    mtfp_pence planned[MTFP_MAX_YEARS + 1] = {0}, adjusted_total[MTFP_MAX_YEARS + 1] = {0};
    char heading[300];
    mtfp_book_scenario_heading(k->b, s, heading, sizeof heading);
    mtfp_book_scenario_block(k->b, k->ws, k->row++, heading);
    lxw_row_t first = k->row;
    size_t cashable = 0;
    /* cashable savings first, so that their totals' rows are together */
    for (int pass = 0; pass < 2; pass++)
        for (size_t a = 0; a < plan->audit_count; a++) {
            const mtfp_audit_entry *entry = &plan->audit[a];
            bool is_cashable = entry->change != MTFP_CHANGE_REPORTED;
            if (!mtfp_audit_is_saving(entry) || is_cashable != (pass == 0))
                continue;
            mtfp_pence adjusted[MTFP_MAX_YEARS + 1];
            if (!mtfp_saving_risk_adjusted(run, plan, a, adjusted))
                return mtfp_diag_error(k->b->diag, MTFP_ERR_INPUT, entry->file, entry->line, 0,
                                       "this saving overflows");
            lxw_format *text = k->b->formats.text;
            mtfp_book_text(k->b, k->ws, k->row, COL_ID, entry->id ? entry->id : "", text);
            mtfp_book_text(k->b, k->ws, k->row, COL_TITLE, mtfp_saving_title(entry), text);
            mtfp_book_text(k->b, k->ws, k->row, COL_TYPE, is_cashable ? "cashable" : "non-cashable",
                           text);
            rag_cell(k, entry->rag);
            amounts(k, "planned", &plan->effects[a * plan->width]);
            amounts(k, "risk-adjusted", adjusted);
            for (size_t y = 0; is_cashable && y < plan->width; y++) {
                planned[y] += plan->effects[a * plan->width + y];
                adjusted_total[y] += adjusted[y];
            }
            cashable += is_cashable;
        }
    lxw_row_t planned_row = k->row;
    total(k, "Cashable savings, planned", "planned", first, cashable, planned);
    total(k, "Cashable savings, risk-adjusted", "risk-adjusted", first, cashable, adjusted_total);
    bool risk = run->model.savings.risk_adjusted;
    counted_change(k, risk ? planned_row + 1 : planned_row, risk ? adjusted_total : planned);
    mtfp_pence other_gap[MTFP_MAX_YEARS + 1];
    for (size_t y = 0; y < plan->width; y++) /* the plan counts one way; show the other */
        other_gap[y] = plan->summary[MTFP_SUM_GAP][y] +
                       (risk ? planned[y] - adjusted_total[y] : adjusted_total[y] - planned[y]);
    mtfp_book_text(k->b, k->ws, k->row, COL_TITLE,
                   risk ? "Gap if every saving were delivered as planned"
                        : "Gap if savings are delivered at their RAG weights",
                   k->b->formats.bold);
    for (size_t y = 0; y < plan->width; y++)
        mtfp_book_money(k->b, k->ws, k->row, (lxw_col_t)(COL_FIRST_YEAR + y), other_gap[y],
                        k->b->formats.money_total);
    k->row += 2;
    return MTFP_OK;
}

mtfp_status mtfp_book_write_savings(mtfp_book *b, lxw_worksheet *ws)
{
    sheet k = {.b = b, .ws = ws, .row = 3};
    static const lxw_color_t colours[3] = {0xFFC7CE, 0xFFEB9C, 0xC6EFCE};
    for (int r = 0; r < 3; r++) {
        k.rag[r] = mtfp_book_new_format(b->workbook, true, NULL, 0);
        format_set_bg_color(k.rag[r], colours[r]);
    }
    worksheet_set_column(k.ws, COL_ID, COL_ID, 12, NULL);
    worksheet_set_column(k.ws, COL_TITLE, COL_TITLE, 64, NULL);
    worksheet_set_column(k.ws, COL_TYPE, COL_MEASURE, 14, NULL);
    worksheet_set_column(k.ws, COL_FIRST_YEAR, (lxw_col_t)(COL_FIRST_YEAR + b->run->model.years),
                         16, NULL);
    char title[200];
    const mtfp_savings_policy *policy = &b->run->model.savings;
    snprintf(
        title, sizeof title,
        "Savings tracker (RAG weights: red %.0f%%, amber %.0f%%, green %.0f%%; the plan counts "
        "them %s)",
        policy->weight[0] * 100, policy->weight[1] * 100, policy->weight[2] * 100,
        policy->risk_adjusted ? "risk-adjusted" : "as planned");
    mtfp_book_text(b, k.ws, 0, 0, title, b->formats.title);
    static const char *const headings[] = {"Id", "Title", "Type", "RAG", "Delivery"};
    for (lxw_col_t c = 0; c < COL_FIRST_YEAR; c++)
        mtfp_book_text(b, k.ws, 1, c, headings[c], b->formats.header);
    mtfp_book_year_headings(b, k.ws, 1, COL_FIRST_YEAR, 0);
    worksheet_freeze_panes(k.ws, 2, COL_FIRST_YEAR);
    for (size_t s = 0; s < b->run->count; s++)
        MTFP_TRY(scenario_block(&k, s));
    return mtfp_book_rows_fit(b, k.ws, k.row);
}
