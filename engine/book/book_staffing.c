/* Staffing: the establishment's FTE and headcount by service and category
 * (Halton's table, a row per service) and each scenario's pay bill by
 * service and year against its Employees budget; totals and differences are
 * formulas. Posts: the establishment post by post. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

typedef struct sheet {
    mtfp_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
    size_t longest; /* the characters of the longest label in column A */
} sheet;

/* Services that have posts, in the model's order. */
static size_t staffed(const mtfp_staffing_table *t, uint32_t *services)
{
    size_t n = 0;
    for (uint32_t s = 0; s < t->services; s++)
        for (uint32_t c = 0; c < t->categories; c++)
            if (t->headcount[(s * t->categories + c) * t->width] > 0) {
                services[n++] = s;
                break;
            }
    return n;
}

static void formula_cell(sheet *k, lxw_row_t row, lxw_col_t col, lxw_row_t from, lxw_row_t to,
                         double cached, lxw_format *format)
{
    char a[16], z[16], formula[64];
    mtfp_book_cell(from, col, false, a, sizeof a);
    mtfp_book_cell(to, col, false, z, sizeof z);
    snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, z);
    mtfp_book_formula_number(k->b, k->ws, row, col, formula, cached, format);
}

/* FTE and headcount in post on 1 April of the base year, Base: a row per
 * staffed service, an FTE and a headcount column per category (Halton's table,
 * turned so that it grows down the page with the number of services). */
static void establishment(sheet *k, const mtfp_staffing_table *t)
{
    const mtfp_model *model = &k->b->run->model;
    const mtfp_names *categories = &model->establishment.categories;
    uint32_t *services = calloc(t->services + 1, sizeof *services);
    if (!services)
        return;
    size_t n = staffed(t, services);
    char text[200], year[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(model, 0, year);
    snprintf(text, sizeof text, "Establishment in post on 1 April %.4s (Base)", year);
    mtfp_book_text(k->b, k->ws, k->row++, 0, text, k->b->formats.heading);
    for (uint32_t c = 0; c < t->categories; c++)
        mtfp_book_text(k->b, k->ws, k->row, (lxw_col_t)(1 + 2 * c), mtfp_names_get(categories, c),
                       k->b->formats.header);
    k->row++;
    for (uint32_t c = 0; c < t->categories; c++) {
        mtfp_book_text(k->b, k->ws, k->row, (lxw_col_t)(1 + 2 * c), "FTE", k->b->formats.year);
        mtfp_book_text(k->b, k->ws, k->row, (lxw_col_t)(2 + 2 * c), "Headcount",
                       k->b->formats.year);
    }
    k->row++;
    lxw_row_t first = k->row;
    double *fte_total = calloc(t->categories, sizeof *fte_total);
    double *head_total = calloc(t->categories, sizeof *head_total);
    for (size_t i = 0; fte_total && head_total && i < n; i++) {
        mtfp_book_text(k->b, k->ws, k->row, 0, mtfp_names_get(&model->services, services[i]),
                       k->b->formats.text);
        for (uint32_t c = 0; c < t->categories; c++) {
            size_t cell = (services[i] * t->categories + c) * t->width;
            mtfp_book_number(k->b, k->ws, k->row, (lxw_col_t)(1 + 2 * c), t->fte[cell],
                             k->b->formats.quantity);
            mtfp_book_number(k->b, k->ws, k->row, (lxw_col_t)(2 + 2 * c), t->headcount[cell],
                             k->b->formats.count);
            fte_total[c] += t->fte[cell];
            head_total[c] += t->headcount[cell];
        }
        k->row++;
    }
    mtfp_book_text(k->b, k->ws, k->row, 0, "Total", k->b->formats.bold);
    for (uint32_t c = 0; fte_total && head_total && c < t->categories; c++) {
        formula_cell(k, k->row, (lxw_col_t)(1 + 2 * c), first, k->row - 1, fte_total[c],
                     k->b->formats.quantity_total);
        formula_cell(k, k->row, (lxw_col_t)(2 + 2 * c), first, k->row - 1, head_total[c],
                     k->b->formats.count_total);
    }
    k->row += 2;
    free(fte_total);
    free(head_total);
    free(services);
}

/* A scenario's pay bill by service and year, its Employees budget and the difference. */
static void pay_bill(sheet *k, size_t scenario, const mtfp_staffing_table *t)
{
    const mtfp_run *run = k->b->run;
    char which[300], heading[400];
    mtfp_book_scenario_heading(k->b, scenario, which, sizeof which);
    mtfp_book_format(heading, sizeof heading,
                     "%s: pay bill after the vacancy factor, against the Employees budget", which);
    mtfp_book_scenario_block(k->b, k->ws, k->row++, heading);
    mtfp_book_year_headings(k->b, k->ws, k->row++, 1, 0);
    for (uint32_t s = 0; s < t->services; s++) {
        const mtfp_pence *bill = &t->net_bill[s * t->width], *budget = &t->budget[s * t->width];
        /* A service with no posts has an Employees budget the establishment
         * does not explain: its whole budget as a "difference" (127,500,000.00
         * on the example's schools) would read as a gap in the staffing. */
        bool any = false;
        for (size_t y = 0; y < t->width; y++)
            any = any || bill[y];
        if (!any)
            continue;
        const char *service = mtfp_names_get(&run->model.services, s);
        char text[300];
        lxw_row_t bill_row = k->row;
        mtfp_book_format(text, sizeof text, "%s: pay bill", service);
        mtfp_book_text_measured(k->b, k->ws, k->row, 0, text, k->b->formats.text, &k->longest);
        for (size_t y = 0; y < t->width; y++)
            mtfp_book_money(k->b, k->ws, k->row, (lxw_col_t)(1 + y), bill[y], k->b->formats.money);
        k->row++;
        mtfp_book_format(text, sizeof text, "%s: Employees budget", service);
        mtfp_book_text_measured(k->b, k->ws, k->row, 0, text, k->b->formats.text, &k->longest);
        for (size_t y = 0; y < t->width; y++)
            mtfp_book_money(k->b, k->ws, k->row, (lxw_col_t)(1 + y), budget[y],
                            k->b->formats.money);
        k->row++;
        mtfp_book_text_measured(k->b, k->ws, k->row, 0,
                                "Difference (pay bill less budget: positive, the posts cost more)",
                                k->b->formats.note, &k->longest);
        for (size_t y = 0; y < t->width; y++) {
            char a[16], z[16], formula[48];
            mtfp_book_cell(bill_row, (lxw_col_t)(1 + y), false, a, sizeof a);
            mtfp_book_cell(bill_row + 1, (lxw_col_t)(1 + y), false, z, sizeof z);
            snprintf(formula, sizeof formula, "=%s-%s", a, z);
            mtfp_book_formula(k->b, k->ws, k->row, (lxw_col_t)(1 + y), formula, bill[y] - budget[y],
                              k->b->formats.money_total);
        }
        k->row++;
    }
    k->row++;
}

mtfp_status mtfp_book_write_posts(mtfp_book *b, lxw_worksheet *ws)
{
    const mtfp_model *model = &b->run->model;
    const mtfp_establishment *e = &model->establishment;
    const mtfp_book_formats *f = &b->formats;
    enum { POST, SERVICE, TITLE, CATEGORY, GRADE, STATUS, POINT, FTE, COLS };
    static const char *const headings[COLS] = {"Post",  "Service", "Title", "Category",
                                               "Grade", "Status",  "Point", "FTE"};
    /* The text columns fit their longest text, between these widths. */
    static const double floors[COLS] = {10, 24, 24, 14, 8, 10, 8, 8},
                        caps[COLS] = {24, 50, 50, 30, 20, 24, 8, 8};
    char year[MTFP_YEAR_LABEL_MAX], title[80];
    mtfp_model_year_label(model, 0, year);
    mtfp_book_format(title, sizeof title, "Posts: the establishment on 1 April %.4s (Base)", year);
    mtfp_book_text(b, ws, 0, 0, title, f->title);
    for (lxw_col_t c = 0; c < COLS; c++) /* over the numbers (point, FTE), right-aligned */
        mtfp_book_text(b, ws, 1, c, headings[c], c == POINT || c == FTE ? f->year : f->header);
    worksheet_freeze_panes(ws, 2, 0);
    size_t longest[COLS] = {0};
    lxw_row_t row = 2;
    for (size_t i = 0; i < e->count; i++, row++) {
        const mtfp_post *post = &e->posts[i];
        const char *texts[COLS] = {
            [POST] = post->id,
            [SERVICE] = mtfp_names_get(&model->services, post->service),
            [TITLE] = post->title ? post->title : "",
            [CATEGORY] = mtfp_names_get(&e->categories, post->category),
            [GRADE] = post->grade >= 0 ? mtfp_names_get(&e->grades, (uint32_t)post->grade) : NULL,
            [STATUS] = mtfp_post_status_name(post->status),
        };
        for (lxw_col_t c = 0; c < COLS; c++)
            if (texts[c])
                mtfp_book_text_measured(b, ws, row, c, texts[c], f->text, &longest[c]);
        if (post->grade >= 0)
            mtfp_book_number(b, ws, row, POINT, post->point, f->count);
        mtfp_book_number(b, ws, row, FTE, post->fte, f->quantity);
    }
    for (lxw_col_t c = 0; c < COLS; c++)
        mtfp_book_fit_column(ws, c, longest[c], floors[c], caps[c]);
    return mtfp_book_rows_fit(b, ws, row);
}

mtfp_status mtfp_book_write_staffing(mtfp_book *b, lxw_worksheet *ws)
{
    sheet k = {.b = b, .ws = ws, .row = 2};
    worksheet_set_column(k.ws, 1, 2 * 16, 15, NULL);
    mtfp_book_title(b, k.ws, "Staffing: the establishment and its pay bill",
                    "£ for money; FTE and headcount in post on 1 April");
    worksheet_freeze_panes(k.ws, 2, 1);
    for (size_t s = 0; s < b->run->count; s++) {
        mtfp_staffing_table t;
        MTFP_TRY(mtfp_staffing_table_build(b->run, s, &t, b->diag));
        if (s == 0)
            establishment(&k, &t);
        pay_bill(&k, s, &t);
        mtfp_staffing_table_free(&t);
        MTFP_TRY(mtfp_book_scenario_written(b, k.ws, s, k.row));
    }
    /* Labels ("... functions: Employees budget") whole, and the sheet still
     * one page wide. */
    mtfp_book_fit_column(k.ws, 0, k.longest, 44, 80);
    return mtfp_book_rows_fit(b, k.ws, k.row);
}
