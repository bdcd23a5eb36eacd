/* Revenue: each scenario's budget by partner, service and subjective (and
 * the model's groups above services and providers, where it has them), by
 * year, with service, group and partner subtotals and a total as SUBTOTAL
 * formulas (which skip the subtotals beneath them), grouped so that a
 * reader can collapse the detail: a partner's total is outline level 0, a
 * group's its level (1, 2), a service's one more and its lines one more
 * again. */
#include <stdio.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

typedef struct block {
    mtfp_book *b;
    const mtfp_revenue_table *table;
    lxw_row_t row; /* the next row to write */
    lxw_col_t first_year;
} block;

/* The columns: the partner, a column a level of groups, the service, the
 * subjective, the provider when the model has them, then the years. */
static lxw_col_t service_col(const mtfp_model *model)
{
    return (lxw_col_t)(1 + model->group_levels);
}

lxw_col_t mtfp_book_revenue_first_year(const mtfp_model *model)
{
    return (lxw_col_t)(service_col(model) + 2 + (model->providers ? 1 : 0));
}

/* The service's group at level l (-1 for none). */
static int32_t group_at(const mtfp_model *model, uint32_t service, int l)
{
    return model->service_groups[(size_t)service * MTFP_GROUP_LEVELS + (size_t)l];
}

/* Rows r and s are in the same groups down to level l. */
static bool same_groups(const mtfp_model *model, const mtfp_revenue_row *r,
                        const mtfp_revenue_row *s, int l)
{
    if (r->partner != s->partner)
        return false;
    for (int level = 0; level <= l; level++)
        if (group_at(model, r->service, level) != group_at(model, s->service, level))
            return false;
    return true;
}

/* A row of SUBTOTAL(9, ...) over rows [from, to], with its cached sums. */
static void subtotal_row(block *k, lxw_row_t from, lxw_row_t to, const mtfp_pence *sums,
                         const char *label, lxw_col_t label_col, uint8_t level)
{
    mtfp_book *b = k->b;
    lxw_worksheet *ws = k->b->sheets[MTFP_SHEET_REVENUE];
    lxw_row_col_options options = {.level = level};
    mtfp_book_wrote(b, worksheet_set_row_opt(ws, k->row, LXW_DEF_ROW_HEIGHT, NULL, &options), ws,
                    k->row, 0);
    mtfp_book_text(b, ws, k->row, label_col, label, k->b->formats.bold);
    for (size_t y = 0; y < k->table->width; y++) {
        lxw_col_t col = (lxw_col_t)(k->first_year + y);
        char top[16], bottom[16], formula[64];
        mtfp_book_cell(from, col, false, top, sizeof top);
        mtfp_book_cell(to, col, false, bottom, sizeof bottom);
        snprintf(formula, sizeof formula, "=SUBTOTAL(9,%s:%s)", top, bottom);
        mtfp_book_formula(b, ws, k->row, col, formula, sums[y], k->b->formats.money_total);
    }
    k->row++;
}

static void add_to(mtfp_pence *sums, const mtfp_pence *values, size_t width)
{
    /* Revenue table values were summed with overflow checks; these are sums
     * of the same figures in another grouping. */
    for (size_t y = 0; y < width; y++)
        sums[y] += values[y];
}

/* The rows of one service, then its subtotal; returns the next table row. */
static size_t service_rows(block *k, size_t r, mtfp_pence *partner_sums)
{
    mtfp_book *b = k->b;
    const mtfp_model *model = &k->b->run->model;
    const mtfp_revenue_table *t = k->table;
    lxw_worksheet *ws = k->b->sheets[MTFP_SHEET_REVENUE];
    mtfp_pence sums[MTFP_MAX_YEARS + 1] = {0};
    lxw_row_t from = k->row;
    uint32_t partner = t->rows[r].partner, service = t->rows[r].service;
    lxw_col_t at = service_col(model);
    lxw_row_col_options detail = {.level = (uint8_t)(2 + model->group_levels)};
    for (; r < t->row_count && t->rows[r].partner == partner && t->rows[r].service == service;
         r++) {
        mtfp_book_wrote(b, worksheet_set_row_opt(ws, k->row, LXW_DEF_ROW_HEIGHT, NULL, &detail), ws,
                        k->row, 0);
        mtfp_book_text(b, ws, k->row, 0, mtfp_names_get(&model->partners, partner),
                       k->b->formats.text);
        for (int l = 0; l < model->group_levels; l++)
            mtfp_book_text(b, ws, k->row, (lxw_col_t)(1 + l),
                           mtfp_names_get(&model->groups, (uint32_t)group_at(model, service, l)),
                           k->b->formats.text);
        mtfp_book_text(b, ws, k->row, at, mtfp_names_get(&model->services, service),
                       k->b->formats.text);
        mtfp_book_text(b, ws, k->row, at + 1,
                       mtfp_subjective_name((mtfp_subjective)t->rows[r].subjective),
                       k->b->formats.text);
        if (model->providers)
            mtfp_book_text(b, ws, k->row, at + 2,
                           mtfp_provider_name((mtfp_provider)t->rows[r].provider),
                           k->b->formats.text);
        const mtfp_pence *values = &t->values[r * t->width];
        for (size_t y = 0; y < t->width; y++)
            mtfp_book_money(b, ws, k->row, (lxw_col_t)(k->first_year + y), values[y],
                            y == 0 ? k->b->formats.money_input : k->b->formats.money);
        add_to(sums, values, t->width);
        k->row++;
    }
    char label[256];
    mtfp_book_format(label, sizeof label, "Total %s", mtfp_names_get(&model->services, service));
    subtotal_row(k, from, k->row - 1, sums, label, at, (uint8_t)(1 + model->group_levels));
    add_to(partner_sums, sums, t->width);
    return r;
}

/* The rows of one group at level (of the row r's partner), its groups or
 * services within it, then its subtotal; below the last level, a
 * service's. Returns the next table row. */
static size_t group_rows(block *k, size_t r, int level, mtfp_pence *outer_sums)
{
    const mtfp_model *model = &k->b->run->model;
    const mtfp_revenue_table *t = k->table;
    if (level == model->group_levels)
        return service_rows(k, r, outer_sums);
    mtfp_pence sums[MTFP_MAX_YEARS + 1] = {0};
    lxw_row_t from = k->row;
    size_t first = r;
    while (r < t->row_count && same_groups(model, &t->rows[first], &t->rows[r], level))
        r = group_rows(k, r, level + 1, sums);
    char label[256];
    int32_t group = group_at(model, t->rows[first].service, level);
    mtfp_book_format(label, sizeof label, "Total %s",
                     mtfp_names_get(&model->groups, (uint32_t)group));
    subtotal_row(k, from, k->row - 1, sums, label, (lxw_col_t)(1 + level), (uint8_t)(1 + level));
    add_to(outer_sums, sums, t->width);
    return r;
}

static void scenario_block(block *k, size_t scenario)
{
    const mtfp_model *model = &k->b->run->model;
    const mtfp_revenue_table *t = k->table;
    char heading[300];
    mtfp_book_scenario_heading(k->b, scenario, heading, sizeof heading);
    mtfp_book_scenario_block(k->b, k->b->sheets[MTFP_SHEET_REVENUE], k->row++, heading);
    lxw_row_t block_from = k->row;
    mtfp_pence total[MTFP_MAX_YEARS + 1] = {0};
    for (size_t r = 0; r < t->row_count;) {
        uint32_t partner = t->rows[r].partner;
        lxw_row_t from = k->row;
        mtfp_pence sums[MTFP_MAX_YEARS + 1] = {0};
        while (r < t->row_count && t->rows[r].partner == partner)
            r = group_rows(k, r, 0, sums);
        char label[256];
        mtfp_book_format(label, sizeof label, "Total %s",
                         mtfp_names_get(&model->partners, partner));
        subtotal_row(k, from, k->row - 1, sums, label, 0, 0);
        add_to(total, sums, t->width);
    }
    k->b->revenue_total_row[scenario] = k->row;
    subtotal_row(k, block_from, k->row - 1, total, "Net budget requirement", 0, 0);
    k->row++;
}

lxw_row_t mtfp_book_revenue_block_rows(const mtfp_model *model, const mtfp_revenue_table *t)
{
    lxw_row_t rows = 3 + (lxw_row_t)t->row_count; /* the heading, the lines, the NBR, a blank */
    for (size_t r = 0; r < t->row_count; r++) {
        bool partner = r == 0 || t->rows[r].partner != t->rows[r - 1].partner;
        bool changed = partner; /* a new group at this level or one above */
        for (int l = 0; l < model->group_levels; l++) {
            changed = changed || !same_groups(model, &t->rows[r], &t->rows[r - 1], l);
            rows += (lxw_row_t)changed;
        }
        bool service = changed || t->rows[r].service != t->rows[r - 1].service;
        rows += (lxw_row_t)partner + (lxw_row_t)service; /* their subtotals */
    }
    return rows;
}

mtfp_status mtfp_book_write_revenue(mtfp_book *b, lxw_worksheet *ws)
{
    const mtfp_model *model = &b->run->model;
    lxw_col_t at = service_col(model), first_year = mtfp_book_revenue_first_year(model);
    mtfp_book_fit_column(ws, 0, mtfp_book_longest_name(&model->partners), 26, 60);
    for (int l = 0; l < model->group_levels; l++)
        mtfp_book_fit_column(ws, (lxw_col_t)(1 + l), mtfp_book_longest_name(&model->groups), 26,
                             60);
    mtfp_book_fit_column(ws, at, mtfp_book_longest_name(&model->services), 32, 60);
    worksheet_set_column(ws, at + 1, at + 1, 30, NULL);
    if (model->providers)
        worksheet_set_column(ws, at + 2, at + 2, 14, NULL);
    worksheet_set_column(ws, first_year, (lxw_col_t)(first_year + b->run->model.years), 16, NULL);
    mtfp_book_text(b, ws, 0, 0, "Revenue budget by partner, service and subjective",
                   b->formats.title);
    mtfp_book_text(b, ws, 1, 0, "Partner", b->formats.header);
    static const char *const group_headings[][MTFP_GROUP_LEVELS] = {
        {NULL, NULL}, {"Group", NULL}, {"Group 1", "Group 2"}};
    for (int l = 0; l < model->group_levels; l++)
        mtfp_book_text(b, ws, 1, (lxw_col_t)(1 + l), group_headings[model->group_levels][l],
                       b->formats.header);
    mtfp_book_text(b, ws, 1, at, "Service", b->formats.header);
    mtfp_book_text(b, ws, 1, at + 1, "Subjective", b->formats.header);
    if (model->providers)
        mtfp_book_text(b, ws, 1, at + 2, "Provider", b->formats.header);
    mtfp_book_year_headings(b, ws, 1, first_year, 0);
    worksheet_freeze_panes(ws, 2, first_year);
    worksheet_outline_settings(ws, LXW_TRUE, LXW_TRUE, LXW_TRUE, LXW_FALSE);
    block k = {.b = b, .row = 3, .first_year = first_year};
    for (size_t s = 0; s < b->run->count; s++) {
        mtfp_revenue_table table;
        MTFP_TRY(mtfp_revenue_table_build(&b->run->plans[s], &table, b->diag));
        /* No scenario has fewer rows than Base (a change adds lines, never
         * removes one): a sheet that cannot hold Base's once for each
         * scenario fails now, not after writing a million rows. */
        if (s == 0) {
            uint64_t least =
                k.row + (uint64_t)b->run->count * mtfp_book_revenue_block_rows(model, &table);
            mtfp_status fits =
                mtfp_book_rows_fit(b, ws, least > b->max_rows ? b->max_rows + 1 : (lxw_row_t)least);
            if (fits != MTFP_OK) {
                mtfp_revenue_table_free(&table);
                return fits;
            }
        }
        k.table = &table;
        scenario_block(&k, s);
        mtfp_revenue_table_free(&table);
        MTFP_TRY(mtfp_book_scenario_written(b, ws, s, k.row));
    }
    return MTFP_OK;
}
