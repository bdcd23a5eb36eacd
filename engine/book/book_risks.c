/* Risks: for each scenario, the heat map of its register (likelihood down,
 * severity across, each cell coloured by its band and listing its risks'
 * ids), then the register, the highest score first, with each risk's band
 * in colour, owner, mitigation, probability, impact and expected cost by
 * projection year; and the expected cost of the risks, the gap and the gap
 * with risks, as formulas. A scenario whose register is Base's (no risk
 * re-scored, added or materialised) has its totals alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

enum {
    COL_ID,
    COL_TITLE,
    COL_LIKELIHOOD, /* the heat map's severity 1 to 4 are these four columns */
    COL_SEVERITY,
    COL_SCORE,
    COL_BAND,
    COL_SERVICE,
    COL_OWNER,
    COL_MITIGATION,
    COL_PROBABILITY,
    COL_IMPACT,
    COL_FIRST_YEAR /* the first projection year's expected cost */
};

/* The columns' widths in characters: the text ones wrap, each row as tall
 * as its most lines. */
static const unsigned widths[COL_FIRST_YEAR] = {8, 28, 12, 12, 12, 12, 14, 14, 28, 11, 13};

typedef struct sheet {
    mtfp_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
    lxw_format *band[MTFP_RISK_BANDS]; /* a register's band: bold on its colour */
    lxw_format *heat[MTFP_RISK_BANDS]; /* a heat map's cell: wrapped on its colour */
    lxw_row_t base_total;              /* Base's row of the expected cost of risks */
} sheet;

static lxw_col_t year_col(int y)
{
    return (lxw_col_t)(COL_FIRST_YEAR + y - 1);
}

static mtfp_risk_band band_of(const mtfp_risks *risks, int likelihood, int severity)
{
    return mtfp_risks_band(risks, likelihood * severity);
}

/* The heat map: a row of severities, then likelihood 4 down to 1. */
static void heat_map(sheet *k, const mtfp_risks *risks)
{
    mtfp_book *b = k->b;
    mtfp_book_text(b, k->ws, k->row, COL_TITLE, "Likelihood by severity", b->formats.header);
    for (int s = 1; s <= MTFP_RISK_SCALE; s++) {
        char label[16];
        snprintf(label, sizeof label, "Severity %d", s);
        mtfp_book_text(b, k->ws, k->row, (lxw_col_t)(COL_LIKELIHOOD + s - 1), label,
                       b->formats.header);
    }
    k->row++;
    for (int l = MTFP_RISK_SCALE; l >= 1; l--, k->row++) {
        char cells[MTFP_RISK_SCALE][1024];
        size_t lines = 1;
        for (int s = 1; s <= MTFP_RISK_SCALE; s++) {
            char *text = cells[s - 1];
            size_t used = 0;
            text[0] = '\0';
            for (size_t r = 0; r < risks->count; r++) {
                const mtfp_risk *risk = &risks->items[r];
                if (risk->likelihood == l && risk->severity == s && used < sizeof cells[0])
                    used += (size_t)snprintf(text + used, sizeof cells[0] - used, "%s%s",
                                             used ? ", " : "", risk->id);
            }
            /* Ids are mostly capitals, wider than the digit a width counts: wrap them
             * in a narrower column than the cell's, so that the row is tall enough. */
            size_t n = mtfp_book_wrapped_lines(text, widths[COL_LIKELIHOOD + s - 1] - 4);
            lines = n > lines ? n : lines;
        }
        mtfp_book_row_lines(b, k->ws, k->row, lines);
        char label[32];
        snprintf(label, sizeof label, "Likelihood %d", l);
        mtfp_book_text(b, k->ws, k->row, COL_TITLE, label, b->formats.bold);
        for (int s = 1; s <= MTFP_RISK_SCALE; s++) {
            lxw_col_t col = (lxw_col_t)(COL_LIKELIHOOD + s - 1);
            lxw_format *format = k->heat[band_of(risks, l, s)];
            if (cells[s - 1][0])
                mtfp_book_text(b, k->ws, k->row, col, cells[s - 1], format);
            else
                mtfp_book_wrote(b, worksheet_write_blank(k->ws, k->row, col, format), k->ws, k->row,
                                col);
        }
    }
    k->row++;
}

static void headings(sheet *k)
{
    static const char *const names[COL_FIRST_YEAR] = {
        "Id",      "Risk",  "Likelihood", "Severity",    "Score",          "Band",
        "Service", "Owner", "Mitigation", "Probability", "Impact £ a year"};
    for (lxw_col_t c = 0; c < COL_FIRST_YEAR; c++)
        mtfp_book_text(k->b, k->ws, k->row, c, names[c],
                       c >= COL_LIKELIHOOD && c <= COL_SCORE ? k->b->formats.year
                                                             : k->b->formats.header);
    for (int y = 1; y <= k->b->run->model.years; y++) {
        char label[MTFP_YEAR_LABEL_MAX + 32];
        mtfp_model_year_label(&k->b->run->model, y, label);
        strcat(label, " expected £");
        mtfp_book_text(k->b, k->ws, k->row, year_col(y), label, k->b->formats.year);
    }
    k->row++;
}

/* One risk of the register. */
static void risk_row(sheet *k, size_t s, size_t r)
{
    mtfp_book *b = k->b;
    const mtfp_risks *risks = &b->run->scenarios[s].risks;
    const mtfp_risk *risk = &risks->items[r];
    const mtfp_plan *plan = &b->run->plans[s];
    const char *service =
        risk->service >= 0 ? mtfp_names_get(&b->run->model.services, (uint32_t)risk->service) : "";
    const char *texts[COL_FIRST_YEAR] = {[COL_ID] = risk->id,
                                         [COL_TITLE] = risk->title,
                                         [COL_SERVICE] = service,
                                         [COL_OWNER] = risk->owner ? risk->owner : "",
                                         [COL_MITIGATION] =
                                             risk->mitigation ? risk->mitigation : ""};
    size_t lines = 1;
    for (lxw_col_t c = 0; c < COL_FIRST_YEAR; c++) {
        size_t n = texts[c] ? mtfp_book_wrapped_lines(texts[c], widths[c]) : 1;
        lines = n > lines ? n : lines;
    }
    mtfp_book_row_lines(b, k->ws, k->row, lines);
    for (lxw_col_t c = 0; c < COL_FIRST_YEAR; c++)
        if (texts[c] && texts[c][0])
            mtfp_book_text(b, k->ws, k->row, c, texts[c], b->formats.wrapped);
    mtfp_book_number(b, k->ws, k->row, COL_LIKELIHOOD, risk->likelihood, b->formats.count);
    mtfp_book_number(b, k->ws, k->row, COL_SEVERITY, risk->severity, b->formats.count);
    char l[16], v[16], formula[40];
    mtfp_book_cell(k->row, COL_LIKELIHOOD, false, l, sizeof l);
    mtfp_book_cell(k->row, COL_SEVERITY, false, v, sizeof v);
    snprintf(formula, sizeof formula, "=%s*%s", l, v);
    int score = mtfp_risk_score(risk);
    mtfp_book_formula_number(b, k->ws, k->row, COL_SCORE, formula, score, b->formats.count);
    mtfp_risk_band band = mtfp_risks_band(risks, score);
    mtfp_book_text(b, k->ws, k->row, COL_BAND, mtfp_risk_band_name(band), k->band[band]);
    if (risk->materialised)
        mtfp_book_text(b, k->ws, k->row, COL_PROBABILITY, "materialised", b->formats.note);
    else
        mtfp_book_number(b, k->ws, k->row, COL_PROBABILITY, mtfp_risk_probability(risks, risk),
                         b->formats.share);
    if (!risk->priced)
        return;
    mtfp_book_money(b, k->ws, k->row, COL_IMPACT, risk->impact, b->formats.money_input);
    for (int y = 1; y <= plan->years && !risk->materialised; y++)
        mtfp_book_money(b, k->ws, k->row, year_col(y), plan->risk_expected[r * plan->width + y],
                        b->formats.money);
}

/* The expected cost of the risks (a sum of the register's rows first to
 * last, or Base's when the register is Base's), the gap (the Summary's) and
 * the gap with risks. */
static void totals(sheet *k, size_t s, lxw_row_t first, lxw_row_t last, bool as_base)
{
    mtfp_book *b = k->b;
    const mtfp_plan *plan = &b->run->plans[s];
    lxw_row_t total = k->row;
    if (s == 0)
        k->base_total = total;
    static const char *const labels[] = {"Expected cost of risks", "Gap (the Summary's)",
                                         "Gap with risks"};
    for (int line = 0; line < 3; line++, k->row++) {
        mtfp_book_text(b, k->ws, k->row, COL_TITLE, labels[line],
                       line == 1 ? b->formats.text : b->formats.bold);
        for (int y = 1; y <= plan->years; y++) {
            char a[32], c[32], formula[96];
            lxw_col_t col = year_col(y);
            mtfp_pence value = line == 0   ? plan->expected_risk_cost[y]
                               : line == 1 ? plan->summary[MTFP_SUM_GAP][y]
                                           : plan->gap_with_risks[y];
            if (line == 0 && as_base) {
                mtfp_book_cell(k->base_total, col, false, a, sizeof a);
                snprintf(formula, sizeof formula, "=%s", a);
            } else if (line == 0 && last >= first) {
                mtfp_book_cell(first, col, false, a, sizeof a);
                mtfp_book_cell(last, col, false, c, sizeof c);
                snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, c);
            } else if (line == 0) {
                snprintf(formula, sizeof formula, "=0");
            } else if (line == 1) {
                mtfp_book_cell(mtfp_book_summary_row(b, s, MTFP_SUM_GAP),
                               (lxw_col_t)(BOOK_SUMMARY_FIRST_YEAR_COL + y), false, a, sizeof a);
                snprintf(formula, sizeof formula, "=Summary!%s", a);
            } else {
                mtfp_book_cell(total, col, false, a, sizeof a);
                mtfp_book_cell(total + 1, col, false, c, sizeof c);
                snprintf(formula, sizeof formula, "=%s+%s", c, a);
            }
            mtfp_book_formula(b, k->ws, k->row, col, formula, value,
                              line == 1 ? b->formats.money : b->formats.money_total);
        }
    }
}

/* True when scenario s's register is Base's: the same risks, scored,
 * priced and materialised alike. */
static bool as_base(const mtfp_run *run, size_t s)
{
    const mtfp_risks *mine = &run->scenarios[s].risks, *base = &run->scenarios[0].risks;
    if (s == 0 || mine->count != base->count)
        return false;
    for (size_t r = 0; r < mine->count; r++) {
        const mtfp_risk *a = &mine->items[r], *z = &base->items[r];
        if (strcmp(a->id, z->id) != 0 || a->likelihood != z->likelihood ||
            a->severity != z->severity || a->probability != z->probability ||
            a->materialised != z->materialised)
            return false;
    }
    return true;
}

static mtfp_status scenario_block(sheet *k, size_t s)
{
    mtfp_book *b = k->b;
    const mtfp_risks *risks = &b->run->scenarios[s].risks;
    char heading[300];
    mtfp_book_scenario_heading(b, s, heading, sizeof heading);
    mtfp_book_scenario_block(b, k->ws, k->row++, heading);
    bool same = as_base(b->run, s);
    if (same) {
        mtfp_book_text(b, k->ws, k->row, 0,
                       "Its register is Base's: no risk re-scored, added or materialised.",
                       b->formats.note);
        k->row += 2;
    } else {
        heat_map(k, risks);
        headings(k);
    }
    lxw_row_t first = k->row;
    size_t *order = malloc((risks->count ? risks->count : 1) * sizeof *order);
    if (!order)
        return MTFP_ERR_MEMORY;
    mtfp_risks_by_score(risks, order);
    for (size_t i = 0; !same && i < risks->count; i++, k->row++)
        risk_row(k, s, order[i]);
    free(order);
    if (mtfp_run_has_priced_risks(b->run))
        totals(k, s, first, k->row - 1, same);
    k->row++;
    return mtfp_book_scenario_written(b, k->ws, s, k->row);
}

mtfp_status mtfp_book_write_risks(mtfp_book *b, lxw_worksheet *ws)
{
    sheet k = {.b = b, .ws = ws, .row = 3};
    static const lxw_color_t colours[MTFP_RISK_BANDS] = {0xC6EFCE, 0xFFEB9C, 0xFFC7CE};
    for (int band = 0; band < MTFP_RISK_BANDS; band++) {
        k.band[band] = mtfp_book_new_format(b->workbook, true, NULL, 0);
        format_set_bg_color(k.band[band], colours[band]);
        k.heat[band] = mtfp_book_new_format(b->workbook, false, NULL, 0);
        format_set_bg_color(k.heat[band], colours[band]);
        format_set_text_wrap(k.heat[band]);
        format_set_border(k.heat[band], LXW_BORDER_THIN);
        format_set_border_color(k.heat[band], 0xFFFFFF);
    }
    for (lxw_col_t c = 0; c < COL_FIRST_YEAR; c++)
        worksheet_set_column(ws, c, c, widths[c], NULL);
    worksheet_set_column(ws, COL_FIRST_YEAR, year_col(b->run->model.years), 14, NULL);
    const mtfp_risks *risks = &b->run->model.risks;
    char note[400];
    snprintf(note, sizeof note,
             "Score = likelihood x severity: 1-%d LOW, %d-%d MEDIUM, %d-%d HIGH. Expected cost = "
             "probability x impact for the months of the year the risk would cost; in the net "
             "budget requirement only when a scenario materialises the risk.",
             risks->low, risks->low + 1, risks->medium, risks->medium + 1,
             MTFP_RISK_SCALE * MTFP_RISK_SCALE);
    mtfp_book_title(b, ws, "Risks: the register, scored and priced", note);
    worksheet_freeze_panes(ws, 2, 0);
    for (size_t s = 0; s < b->run->count; s++)
        MTFP_TRY(scenario_block(&k, s));
    return mtfp_book_rows_fit(b, ws, k.row);
}
