/* Monitoring: the base year's budget monitoring, the same in every scenario.
 * By service: the budget, the profile and the actuals to the last month of
 * actuals and their variance, the forecast outturn, its variance (as a
 * share of the budget, and RAG-rated), and the part of it that recurs and
 * enters the plan; the totals and variances are formulas. Under the table,
 * a chart of the forecast variance by service, and the lines with the
 * largest forecast variances with the forecast's reasons. */
#include <stdio.h>
#include <stdlib.h>

#include "book.h"
#include "cells.h"
#include "mtfp/monitoring.h"
#include "mtfp/utf8.h"
#include "print.h"
#include "text.h"

enum {
    COL_SERVICE,
    COL_BUDGET,
    COL_PROFILE,
    COL_ACTUAL,
    COL_VARIANCE_TO_DATE,
    COL_FORECAST,
    COL_VARIANCE,
    COL_SHARE,
    COL_RAG,
    COL_RECURRING,
    COLS
};
/* The largest variances' list, under the chart. */
enum { LIST_LINE, LIST_VARIANCE, LIST_RECURRING, LIST_RAG, LIST_REASON };

#define HEADINGS_ROW 3
#define FIRST_ROW (HEADINGS_ROW + 1)

/* The measure each money column shows. */
static const int measure_of[COLS] = {
    [COL_SERVICE] = -1,
    [COL_BUDGET] = MTFP_MON_BUDGET,
    [COL_PROFILE] = MTFP_MON_PROFILE,
    [COL_ACTUAL] = MTFP_MON_ACTUAL,
    [COL_VARIANCE_TO_DATE] = MTFP_MON_VARIANCE_TO_DATE,
    [COL_FORECAST] = MTFP_MON_FORECAST,
    [COL_VARIANCE] = MTFP_MON_VARIANCE,
    [COL_SHARE] = -1,
    [COL_RAG] = -1,
    [COL_RECURRING] = MTFP_MON_RECURRING,
};

typedef struct sheet {
    mtfp_book *b;
    lxw_worksheet *ws;
    lxw_format *rag[3]; /* red, amber, green */
} sheet;

static void rag_cell(sheet *k, lxw_row_t row, lxw_col_t col, char rag)
{
    int r = rag == 'R' ? 0 : rag == 'A' ? 1 : 2;
    mtfp_book_text(k->b, k->ws, row, col, mtfp_monitoring_rag_name(rag), k->rag[r]);
}

/* "=D5-C5": the difference of two columns of a row. */
static void difference(sheet *k, lxw_row_t row, lxw_col_t col, lxw_col_t a, lxw_col_t b,
                       mtfp_pence cached, lxw_format *format)
{
    char first[16], second[16], formula[40];
    mtfp_book_cell(row, a, false, first, sizeof first);
    mtfp_book_cell(row, b, false, second, sizeof second);
    snprintf(formula, sizeof formula, "=%s-%s", first, second);
    mtfp_book_formula(k->b, k->ws, row, col, formula, cached, format);
}

/* The forecast variance as a share of the budget: 0 on no budget. */
static void share(sheet *k, lxw_row_t row, const mtfp_monitoring_row *figures)
{
    char budget[16], variance[16], formula[64];
    mtfp_book_cell(row, COL_BUDGET, false, budget, sizeof budget);
    mtfp_book_cell(row, COL_VARIANCE, false, variance, sizeof variance);
    snprintf(formula, sizeof formula, "=IF(%s=0,0,%s/%s)", budget, variance, budget);
    /* As a spreadsheet works it out: the variance cell (the outturn less the
     * budget, in pounds) over the budget cell. */
    double budget_pounds = mtfp_money_to_pounds(figures->figures[MTFP_MON_BUDGET]);
    double variance_pounds =
        mtfp_money_to_pounds(figures->figures[MTFP_MON_FORECAST]) - budget_pounds;
    double value = budget_pounds == 0 ? 0 : variance_pounds / budget_pounds;
    mtfp_book_formula_number(k->b, k->ws, row, COL_SHARE, formula, value, k->b->formats.share);
}

/* A service's row: its figures, the variances as formulas. */
static void service_row(sheet *k, lxw_row_t row, const char *name,
                        const mtfp_monitoring_row *figures)
{
    mtfp_book_text(k->b, k->ws, row, COL_SERVICE, name, k->b->formats.text);
    for (lxw_col_t c = COL_BUDGET; c < COLS; c++) {
        if (measure_of[c] < 0)
            continue;
        mtfp_pence value = figures->figures[measure_of[c]];
        if (c == COL_VARIANCE_TO_DATE)
            difference(k, row, c, COL_ACTUAL, COL_PROFILE, value, k->b->formats.money);
        else if (c == COL_VARIANCE)
            difference(k, row, c, COL_FORECAST, COL_BUDGET, value, k->b->formats.money);
        else
            mtfp_book_money(k->b, k->ws, row, c, value, k->b->formats.money);
    }
    share(k, row, figures);
    rag_cell(k, row, COL_RAG, figures->rag);
}

/* The total row: each money column summed over the services' rows. */
static void total_row(sheet *k, lxw_row_t row, lxw_row_t first, lxw_row_t last,
                      const mtfp_monitoring_row *figures)
{
    mtfp_book_text(k->b, k->ws, row, COL_SERVICE, "Total", k->b->formats.bold);
    for (lxw_col_t c = COL_BUDGET; c < COLS; c++) {
        if (measure_of[c] < 0)
            continue;
        char top[16], bottom[16], formula[48];
        mtfp_book_cell(first, c, false, top, sizeof top);
        mtfp_book_cell(last, c, false, bottom, sizeof bottom);
        snprintf(formula, sizeof formula, "=SUM(%s:%s)", top, bottom);
        mtfp_book_formula(k->b, k->ws, row, c, formula, figures->figures[measure_of[c]],
                          k->b->formats.money_total);
    }
    share(k, row, figures);
    rag_cell(k, row, COL_RAG, figures->rag);
}

/* A bar a service, red for an overspend and green for an underspend. */
static lxw_chart *variance_chart(sheet *k, const mtfp_monitoring_table *table, lxw_row_t first,
                                 lxw_row_t last, lxw_chart_point *points, lxw_chart_point **list)
{
    lxw_chart *chart = workbook_add_chart(k->b->workbook, LXW_CHART_BAR);
    const char *name = mtfp_book_sheet_name(MTFP_SHEET_MONITORING);
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    chart_series_set_categories(s, name, first, COL_SERVICE, last, COL_SERVICE);
    chart_series_set_values(s, name, first, COL_VARIANCE, last, COL_VARIANCE);
    chart_series_set_name(s, "Forecast variance");
    static lxw_chart_fill over = {.color = 0xC00000}, under = {.color = 0x548235};
    for (size_t i = 0; i < table->service_count; i++) {
        points[i] = (lxw_chart_point){
            .fill = table->services[i].figures[MTFP_MON_VARIANCE] < 0 ? &under : &over};
        list[i] = &points[i];
    }
    list[table->service_count] = NULL;
    mtfp_book_wrote(k->b, chart_series_set_points(s, list), k->ws, first, COL_VARIANCE);
    /* In a bar chart libxlsxwriter's x axis is the horizontal one, the
     * values, and its y axis the services: the first at the top. */
    chart_axis_set_reverse(chart->y_axis);
    chart_axis_set_label_position(chart->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    chart_axis_set_num_format(chart->x_axis, "#,##0,\"k\";(#,##0,\"k\")");
    chart_title_set_name(chart, "Forecast variance by service: overspend red, underspend green");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    return chart;
}

/* A line's label in the list: its service and subjective, and its partner
 * where several hold the service. */
static void line_label(const mtfp_model *model, const mtfp_monitoring_row *row, char *buf,
                       size_t size)
{
    const char *service = mtfp_names_get(&model->services, (uint32_t)row->service);
    const char *subjective = mtfp_subjective_name((mtfp_subjective)row->subjective);
    if (model->service_partner[row->service] == MTFP_SERVICE_SHARED)
        mtfp_book_format(buf, size, "%s: %s (%s)", service, subjective,
                         mtfp_names_get(&model->partners, (uint32_t)row->partner));
    else
        mtfp_book_format(buf, size, "%s: %s", service, subjective);
}

/* The lines with the largest forecast variances and their reasons, from
 * row; returns the row after. */
static lxw_row_t largest(sheet *k, const mtfp_monitoring_table *table, lxw_row_t row)
{
    const mtfp_model *model = &k->b->run->model;
    mtfp_book_text(k->b, k->ws, row++, 0, "Largest forecast variances", k->b->formats.heading);
    static const char *const headings[] = {"Line", "Forecast variance £", "Recurring £", "RAG",
                                           "Reason (forecast.csv)"};
    for (lxw_col_t c = 0; c <= LIST_REASON; c++)
        mtfp_book_text(k->b, k->ws, row, c, headings[c], k->b->formats.header);
    row++;
    if (table->largest_count == 0)
        mtfp_book_text(k->b, k->ws, row++, 0, "Every line is forecast on budget.",
                       k->b->formats.note);
    for (size_t i = 0; i < table->largest_count; i++, row++) {
        const mtfp_monitoring_row *line = &table->lines[table->largest[i]];
        char label[600];
        line_label(model, line, label, sizeof label);
        mtfp_book_text(k->b, k->ws, row, LIST_LINE, label, k->b->formats.text);
        mtfp_book_money(k->b, k->ws, row, LIST_VARIANCE, line->figures[MTFP_MON_VARIANCE],
                        k->b->formats.money);
        mtfp_book_money(k->b, k->ws, row, LIST_RECURRING, line->figures[MTFP_MON_RECURRING],
                        k->b->formats.money);
        rag_cell(k, row, LIST_RAG, line->rag);
        mtfp_book_text(k->b, k->ws, row, LIST_REASON, line->reasons ? line->reasons : "",
                       k->b->formats.text);
    }
    return row;
}

static void title(sheet *k, const mtfp_monitoring_table *table)
{
    static const char *const months[MTFP_MONTHS] = {"April",    "May",       "June",     "July",
                                                    "August",   "September", "October",  "November",
                                                    "December", "January",   "February", "March"};
    const mtfp_model *model = &k->b->run->model;
    const mtfp_monitoring_policy *policy = &model->monitoring.policy;
    char year[MTFP_YEAR_LABEL_MAX], text[200], note[300];
    mtfp_model_year_label(model, 0, year);
    if (table->month > 0)
        snprintf(text, sizeof text, "Budget monitoring %s: actuals to %s %d (month %d of 12)", year,
                 months[table->month - 1], model->base_year + (table->month > 9 ? 1 : 0),
                 table->month);
    else
        snprintf(text, sizeof text, "Budget monitoring %s: the forecast outturn (no actuals yet)",
                 year);
    snprintf(note, sizeof note,
             "£; a positive variance is an overspend. RAG: a forecast variance within %g%% of "
             "the budget is green, within %g%% amber, beyond red.",
             policy->green * 100, policy->amber * 100);
    mtfp_book_title(k->b, k->ws, text, note);
}

/* What the plan takes from the monitoring, under the table. */
static void carry_note(sheet *k, lxw_row_t row, const mtfp_monitoring_table *table)
{
    const mtfp_model *model = &k->b->run->model;
    char next[MTFP_YEAR_LABEL_MAX], amount[MTFP_MONEY_TEXT_MAX], note[300];
    mtfp_model_year_label(model, 1, next);
    mtfp_money_format_display(table->total.figures[MTFP_MON_RECURRING], amount);
    if (model->monitoring.policy.carry)
        snprintf(note, sizeof note,
                 "The recurring variance, %s, enters every scenario's plan from %s, line by line "
                 "as a pressure (overspend) or saving (underspend) rolled forward by the line's "
                 "index: the Audit's monitoring rows.",
                 amount, next);
    else
        snprintf(note, sizeof note,
                 "The recurring variance, %s, does not enter the plan (model.lua: monitoring{ "
                 "carry = \"none\" }).",
                 amount);
    mtfp_book_text(k->b, k->ws, row, 0, note, k->b->formats.note);
}

mtfp_status mtfp_book_write_monitoring(mtfp_book *b, lxw_worksheet *ws)
{
    const mtfp_model *model = &b->run->model;
    mtfp_monitoring_table table;
    MTFP_TRY(mtfp_monitoring_table_build(model, &table, b->diag));
    sheet k = {.b = b, .ws = ws};
    static const lxw_color_t colours[3] = {0xFFC7CE, 0xFFEB9C, 0xC6EFCE};
    for (int r = 0; r < 3; r++) {
        k.rag[r] = mtfp_book_new_format(b->workbook, true, NULL, 0);
        format_set_bg_color(k.rag[r], colours[r]);
    }
    worksheet_set_column(ws, COL_BUDGET, COL_RECURRING, 15, NULL);
    worksheet_set_column(ws, COL_SHARE, COL_RAG, 10, NULL);
    title(&k, &table);
    static const char *const headings[COLS] = {"Service",
                                               "Budget £",
                                               "Profile to date £",
                                               "Actual to date £",
                                               "Variance to date £",
                                               "Forecast outturn £",
                                               "Forecast variance £",
                                               "Variance %",
                                               "RAG",
                                               "Recurring £"};
    for (lxw_col_t c = 0; c < COLS; c++)
        mtfp_book_text(b, ws, HEADINGS_ROW, c, headings[c],
                       c == COL_SERVICE || c == COL_RAG ? b->formats.header : b->formats.year);
    worksheet_freeze_panes(ws, 2, 0);
    /* Column A holds the services and the list's lines. */
    size_t longest = 0;
    for (size_t s = 0; s < table.service_count; s++) {
        size_t chars =
            mtfp_utf8_chars(mtfp_names_get(&model->services, (uint32_t)table.services[s].service));
        longest = chars > longest ? chars : longest;
    }
    for (size_t i = 0; i < table.largest_count; i++) {
        char label[600];
        line_label(model, &table.lines[table.largest[i]], label, sizeof label);
        longest = mtfp_utf8_chars(label) > longest ? mtfp_utf8_chars(label) : longest;
    }
    mtfp_book_fit_column(ws, COL_SERVICE, longest, 24, 48);
    lxw_row_t row = FIRST_ROW;
    for (size_t s = 0; s < table.service_count; s++, row++)
        service_row(&k, row, mtfp_names_get(&model->services, (uint32_t)table.services[s].service),
                    &table.services[s]);
    lxw_row_t last = row - 1;
    total_row(&k, row++, FIRST_ROW, last, &table.total);
    carry_note(&k, ++row, &table);
    row += 2;
    /* The chart under the table, as wide as it, then the list: each starts
     * a page when it would run past the foot of one. */
    double width = mtfp_book_columns_pixels(ws, 0, COLS - 1);
    const lxw_row_t page_rows = mtfp_book_page_rows(mtfp_book_print_scale(width));
    if (table.service_count > 0) {
        lxw_chart_options place = {.y_offset = BOOK_CHART_OFFSET,
                                   .x_scale = width / 480,
                                   .y_scale = BOOK_CHART_HEIGHT / 288};
        lxw_chart_point *points = calloc(table.service_count, sizeof *points);
        lxw_chart_point **list = calloc(table.service_count + 1, sizeof *list);
        if (!points || !list) {
            free(points);
            free(list);
            mtfp_monitoring_table_free(&table);
            return MTFP_ERR_MEMORY;
        }
        mtfp_book_keep_together(b, row, BOOK_CHART_ROWS, page_rows);
        mtfp_book_chart(b, ws, row, 0, variance_chart(&k, &table, FIRST_ROW, last, points, list),
                        &place);
        free(points);
        free(list);
        row += BOOK_CHART_ROWS;
    }
    mtfp_book_keep_together(b, row, 3 + (lxw_row_t)table.largest_count, page_rows);
    row = largest(&k, &table, row);
    mtfp_monitoring_table_free(&table);
    return mtfp_book_rows_fit(b, ws, row);
}
