/* Summary: each scenario's medium-term financial plan. The figures the engine
 * derives from others are live formulas with the engine's values cached:
 * base budget (last year's NBR), NBR (the sum of the changes, or in the base
 * year the Revenue sheet's total), gap, incremental and cumulative gap.
 * Under the plans, its charts: the gap by scenario and year, and a bridge
 * (waterfall) from the base-year budget to the final year's net budget
 * requirement. libxlsxwriter has no waterfall chart: stacked columns whose
 * lowest series has no fill make one, from a small table of formulas. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

static const lxw_col_t first_year = BOOK_SUMMARY_FIRST_YEAR_COL;

/* The rows of a scenario's block: its heading, its years, then one per
 * summary line, then the check against the Revenue sheet, then a blank row;
 * in a run with priced risks, the expected cost of risks and the gap with
 * risks come before the blank row.
 * Each block has its years, not the sheet's repeated title rows: those
 * print on the charts' pages too, where years stood over the gap chart
 * (whose groups are the projection years alone) and the bridge's table. */
enum {
    BLOCK_YEARS = 1,
    BLOCK_LINES = 2,
    BLOCK_CHECK = BLOCK_LINES + MTFP_SUMMARY_LINES,
    BLOCK_RISKS = BLOCK_CHECK + 1,
    BLOCK_ROWS = BLOCK_CHECK + 2
};
enum { FIRST_BLOCK = 3 };

static lxw_row_t block_row(const mtfp_book *b, size_t scenario)
{
    lxw_row_t rows = BLOCK_ROWS + (mtfp_run_has_priced_risks(b->run) ? MTFP_RISK_LINES : 0);
    return FIRST_BLOCK + (lxw_row_t)scenario * rows;
}

static lxw_row_t line_row(lxw_row_t block, mtfp_summary_line line)
{
    return block + BLOCK_LINES + (lxw_row_t)line;
}

lxw_row_t mtfp_book_summary_row(const mtfp_book *b, size_t scenario, mtfp_summary_line line)
{
    return line_row(block_row(b, scenario), line);
}

lxw_row_t mtfp_book_summary_years_row(const mtfp_book *b, size_t scenario)
{
    return block_row(b, scenario) + BLOCK_YEARS;
}

static void cell(lxw_row_t block, mtfp_summary_line line, int year, char *buf, size_t size)
{
    mtfp_book_cell(line_row(block, line), (lxw_col_t)(first_year + year), false, buf, size);
}

static void revenue_total(const mtfp_book *b, size_t scenario, int year, char *buf, size_t size)
{
    char ref[16];
    mtfp_book_cell(b->revenue_total_row[scenario],
                   (lxw_col_t)(mtfp_book_revenue_first_year(&b->run->model) + year), true, ref,
                   sizeof ref);
    snprintf(buf, size, "Revenue!%s", ref);
}

/* The formula of a derived line in a year, or false if the line is a value. */
static bool formula_of(const mtfp_book *b, size_t scenario, lxw_row_t block, mtfp_summary_line line,
                       int y, char *buf, size_t size)
{
    char a[32], c[32];
    switch (line) {
    case MTFP_SUM_BASE_BUDGET:
        cell(block, MTFP_SUM_NBR, y - 1, a, sizeof a);
        snprintf(buf, size, "=%s", a);
        return true;
    case MTFP_SUM_NBR:
        if (y == 0) {
            revenue_total(b, scenario, 0, a, sizeof a);
            snprintf(buf, size, "=%s", a);
        } else {
            cell(block, MTFP_SUM_BASE_BUDGET, y, a, sizeof a);
            cell(block, MTFP_SUM_OTHER_CHANGES, y, c, sizeof c);
            snprintf(buf, size, "=SUM(%s:%s)", a, c);
        }
        return true;
    case MTFP_SUM_GAP:
        cell(block, MTFP_SUM_NBR, y, a, sizeof a);
        cell(block, MTFP_SUM_FUNDING, y, c, sizeof c);
        snprintf(buf, size, "=%s-%s", a, c);
        return true;
    case MTFP_SUM_INCREMENTAL_GAP:
        cell(block, MTFP_SUM_GAP, y, a, sizeof a);
        cell(block, MTFP_SUM_GAP, y - 1, c, sizeof c);
        snprintf(buf, size, "=%s-%s", a, c);
        return true;
    case MTFP_SUM_CUMULATIVE_GAP:
        cell(block, MTFP_SUM_GAP, y, a, sizeof a);
        if (y == 1) {
            snprintf(buf, size, "=%s", a);
        } else {
            cell(block, MTFP_SUM_CUMULATIVE_GAP, y - 1, c, sizeof c);
            snprintf(buf, size, "=%s+%s", c, a);
        }
        return true;
    default:
        return false;
    }
}

static bool is_total(mtfp_summary_line line)
{
    return line == MTFP_SUM_NBR || line == MTFP_SUM_GAP;
}

static void write_line(mtfp_book *b, size_t scenario, lxw_row_t block, mtfp_summary_line line)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SUMMARY];
    const mtfp_plan *plan = &b->run->plans[scenario];
    lxw_row_t row = line_row(block, line);
    mtfp_book_text(b, ws, row, 0, mtfp_summary_title(line),
                   is_total(line) ? b->formats.bold : b->formats.text);
    lxw_format *money = is_total(line) ? b->formats.money_total : b->formats.money;
    for (int y = 0; y <= plan->years; y++) {
        if (y == 0 && !mtfp_summary_in_base_year(line))
            continue;
        char formula[128];
        lxw_col_t col = (lxw_col_t)(first_year + y);
        if (formula_of(b, scenario, block, line, y, formula, sizeof formula))
            mtfp_book_formula(b, ws, row, col, formula, plan->summary[line][y], money);
        else
            mtfp_book_money(b, ws, row, col, plan->summary[line][y],
                            line == MTFP_SUM_FUNDING ? b->formats.money_input : money);
    }
}

/* NBR less the Revenue sheet's total: 0 when the two sheets agree. */
static void write_check(mtfp_book *b, size_t scenario, lxw_row_t block)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SUMMARY];
    lxw_row_t row = block + BLOCK_CHECK;
    mtfp_book_text(b, ws, row, 0, "Check: NBR less Revenue total (should be 0)", b->formats.note);
    for (int y = 0; y <= b->run->model.years; y++) {
        char nbr[16], total[48], formula[80];
        cell(block, MTFP_SUM_NBR, y, nbr, sizeof nbr);
        revenue_total(b, scenario, y, total, sizeof total);
        snprintf(formula, sizeof formula, "=%s-%s", nbr, total);
        mtfp_book_formula(b, ws, row, (lxw_col_t)(first_year + y), formula, 0, b->formats.money);
    }
}

/* The expected cost of the scenario's risks (Risks sheet) and the gap with
 * them, a formula on the gap. */
static void write_risk_lines(mtfp_book *b, size_t scenario, lxw_row_t block)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SUMMARY];
    const mtfp_plan *plan = &b->run->plans[scenario];
    lxw_row_t row = block + BLOCK_RISKS;
    for (int line = 0; line < MTFP_RISK_LINES; line++) {
        bool gap = line == MTFP_RISK_LINE_GAP_WITH_RISKS;
        mtfp_book_text(b, ws, row + (lxw_row_t)line, 0, mtfp_risk_line_title(line),
                       gap ? b->formats.bold : b->formats.text);
        for (int y = 1; y <= plan->years; y++) {
            lxw_col_t col = (lxw_col_t)(first_year + y);
            mtfp_pence value = mtfp_risk_line(plan, line, y);
            if (!gap) {
                mtfp_book_money(b, ws, row, col, value, b->formats.money);
                continue;
            }
            char g[16], e[16], formula[48];
            cell(block, MTFP_SUM_GAP, y, g, sizeof g);
            mtfp_book_cell(row, col, false, e, sizeof e);
            snprintf(formula, sizeof formula, "=%s+%s", g, e);
            mtfp_book_formula(b, ws, row + 1, col, formula, value, b->formats.money_total);
        }
    }
}

/* "Gap_" and a scenario's name with anything but letters and digits as "_". */
static void gap_name(const mtfp_book *b, size_t scenario, char *name, size_t size)
{
    size_t n = (size_t)snprintf(name, size, "Gap_");
    for (const char *c = b->run->scenarios[scenario].name; *c && n + 1 < size; c++) {
        bool word =
            (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9');
        if (word)
            name[n++] = *c;
        else if (name[n - 1] != '_')
            name[n++] = '_';
    }
    while (n > 4 && name[n - 1] == '_')
        n--;
    name[n] = '\0';
}

enum { GAP_NAME_MAX = 48 };

/* Excel compares defined names without regard to case; gap names are ASCII. */
static bool name_taken(const char (*names)[GAP_NAME_MAX], size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++) {
        const char *a = names[i], *z = name;
        while (*a && (*a | 0x20) == (*z | 0x20))
            a++, z++;
        if (!*a && !*z)
            return true;
    }
    return false;
}

/* Gap_Base, Gap_Placement_pressure, ...: the projection years' gaps, each
 * unique in the workbook (names[0, scenario) are the earlier ones): a name an
 * earlier scenario took ("Pay award" and "Pay-award", or "Pay Award") gets
 * the scenario's number, and a count if that is taken too. */
static void define_gap_name(mtfp_book *b, size_t scenario, lxw_row_t block,
                            char (*names)[GAP_NAME_MAX])
{
    char *name = names[scenario];
    gap_name(b, scenario, name, 40);
    size_t stem = strlen(name);
    for (unsigned k = 0; name_taken((const char(*)[GAP_NAME_MAX])names, scenario, name); k++)
        snprintf(name + stem, GAP_NAME_MAX - stem, k ? "_%u_%u" : "_%u",
                 (unsigned)(scenario + 1) % 10000u, k);
    char first[16], last[16], range[64];
    lxw_row_t row = line_row(block, MTFP_SUM_GAP);
    mtfp_book_cell(row, first_year + 1, true, first, sizeof first);
    mtfp_book_cell(row, (lxw_col_t)(first_year + b->run->model.years), true, last, sizeof last);
    snprintf(range, sizeof range, "=Summary!%s:%s", first, last);
    mtfp_book_wrote(b, workbook_define_name(b->workbook, name, range),
                    b->sheets[MTFP_SHEET_SUMMARY], row, first_year + 1);
}

/* The charts. */
/* The bridge's steps: the base-year budget, the total of each kind of change
 * over the projection years, the final year's NBR. */
enum { STEP_START, STEP_INFLATION, STEP_PRESSURES, STEP_SAVINGS, STEP_OTHER, STEP_END, STEPS };
static const mtfp_summary_line step_line[STEPS] = {MTFP_SUM_NBR,           MTFP_SUM_INFLATION,
                                                   MTFP_SUM_PRESSURES,     MTFP_SUM_SAVINGS,
                                                   MTFP_SUM_OTHER_CHANGES, MTFP_SUM_NBR};

/* Table columns: step, amount, running total; then, in hidden columns past
 * the plans' last (helper_col), the chart's series. */
enum { COL_STEP, COL_AMOUNT, COL_RUNNING, COLS };
enum { SERIES_HIDDEN, SERIES_TOTAL, SERIES_UP, SERIES_DOWN, SERIES };

/* The last column of the Summary's tables (the plans or the bridge's). */
static lxw_col_t last_col(const mtfp_book *b)
{
    lxw_col_t plan_end = (lxw_col_t)(first_year + b->run->model.years);
    return plan_end > COLS - 1 ? plan_end : COLS - 1;
}

/* The column of one of the chart's series: after the last the sheet prints,
 * hidden, so that they do not widen the print (beside the table they took
 * the Summary from A:E to A:G). */
static lxw_col_t helper_col(const mtfp_book *b, int series)
{
    return (lxw_col_t)(last_col(b) + 1 + series);
}

/* The scenario the bridge shows: the first one after Base, else Base. */
static size_t bridge_scenario(const mtfp_book *b)
{
    return b->run->count > 1 ? 1 : 0;
}

static void write_bridge_row(mtfp_book *b, lxw_row_t row, int step, mtfp_pence *running)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_SUMMARY];
    size_t s = bridge_scenario(b);
    const mtfp_plan *plan = &b->run->plans[s];
    int years = b->run->model.years;
    lxw_row_t line = mtfp_book_summary_row(b, s, step_line[step]);
    char from[16], to[16], formula[128], cell[16], above[16];
    mtfp_pence amount = 0;
    if (step == STEP_START || step == STEP_END) {
        int year = step == STEP_START ? 0 : years;
        amount = plan->summary[MTFP_SUM_NBR][year];
        mtfp_book_cell(line, (lxw_col_t)(first_year + year), true, from, sizeof from);
        snprintf(formula, sizeof formula, "=%s", from);
    } else {
        for (int y = 1; y <= years; y++)
            amount += plan->summary[step_line[step]][y];
        mtfp_book_cell(line, first_year + 1, true, from, sizeof from);
        mtfp_book_cell(line, (lxw_col_t)(first_year + years), true, to, sizeof to);
        snprintf(formula, sizeof formula, "=SUM(%s:%s)", from, to);
    }
    char label[64], year_label[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(&b->run->model, step == STEP_START ? 0 : years, year_label);
    snprintf(label, sizeof label, "%s%s", step == STEP_START || step == STEP_END ? year_label : "",
             step == STEP_START ? " budget"
             : step == STEP_END ? " net budget requirement"
                                : mtfp_summary_title(step_line[step]));
    mtfp_book_text(b, ws, row, COL_STEP, label, b->formats.text);
    mtfp_book_formula(b, ws, row, COL_AMOUNT, formula, amount, b->formats.money);

    mtfp_book_cell(row, COL_AMOUNT, false, cell, sizeof cell);
    mtfp_book_cell(row - 1, COL_RUNNING, false, above, sizeof above);
    bool total = step == STEP_START || step == STEP_END;
    mtfp_pence before = *running;
    *running = total ? amount : before + amount;
    if (total)
        snprintf(formula, sizeof formula, "=%s", cell);
    else
        snprintf(formula, sizeof formula, "=%s+%s", above, cell);
    mtfp_book_formula(b, ws, row, COL_RUNNING, formula, *running, b->formats.money);

    /* The series: an invisible base, and the step drawn up or down from it. */
    mtfp_pence hidden = total ? 0 : (amount < 0 ? before + amount : before);
    snprintf(formula, sizeof formula, total ? "=0" : "=MIN(%s,%s+%s)", above, above, cell);
    mtfp_book_formula(b, ws, row, helper_col(b, SERIES_HIDDEN), formula, hidden, b->formats.money);
    snprintf(formula, sizeof formula, total ? "=%s" : "=0", cell);
    mtfp_book_formula(b, ws, row, helper_col(b, SERIES_TOTAL), formula, total ? amount : 0,
                      b->formats.money);
    snprintf(formula, sizeof formula, total ? "=0" : "=MAX(%s,0)", cell);
    mtfp_book_formula(b, ws, row, helper_col(b, SERIES_UP), formula,
                      !total && amount > 0 ? amount : 0, b->formats.money);
    snprintf(formula, sizeof formula, total ? "=0" : "=MAX(-%s,0)", cell);
    mtfp_book_formula(b, ws, row, helper_col(b, SERIES_DOWN), formula,
                      !total && amount < 0 ? -amount : 0, b->formats.money);
}

/* The bridge's table from row; returns the row of its first step. */
static lxw_row_t bridge_table(mtfp_book *b, lxw_row_t row)
{
    static const char *const headings[COLS] = {"Step", "Amount £", "Running total £"};
    static const char *const series[SERIES] = {"Chart: base", "Chart: total", "Chart: increase",
                                               "Chart: decrease"};
    char title[300];
    mtfp_book_format(title, sizeof title, "Bridge from the base-year budget to the final year: %s",
                     b->run->scenarios[bridge_scenario(b)].name);
    mtfp_book_new_page(b, row);
    mtfp_book_text(b, b->sheets[MTFP_SHEET_SUMMARY], row++, 0, title, b->formats.heading);
    for (lxw_col_t c = 0; c < COLS; c++)
        mtfp_book_text(b, b->sheets[MTFP_SHEET_SUMMARY], row, c, headings[c], b->formats.header);
    for (int k = 0; k < SERIES; k++)
        mtfp_book_text(b, b->sheets[MTFP_SHEET_SUMMARY], row, helper_col(b, k), series[k],
                       b->formats.header);
    lxw_row_t first = ++row;
    mtfp_pence running = 0;
    for (int step = 0; step < STEPS; step++)
        write_bridge_row(b, row++, step, &running);
    return first;
}

/* The lowest the bridge goes, less a margin, rounded down to a round
 * number: the axis starts there so that the steps are not lost against the
 * size of the budget. */
static double bridge_floor(const mtfp_book *b)
{
    const mtfp_plan *plan = &b->run->plans[bridge_scenario(b)];
    mtfp_pence low = plan->summary[MTFP_SUM_NBR][0], running = low;
    for (int step = STEP_INFLATION; step < STEP_END; step++) {
        for (int y = 1; y <= plan->years; y++)
            running += plan->summary[step_line[step]][y];
        low = running < low ? running : low;
    }
    if (low <= 0)
        return 0;
    double pounds = mtfp_money_to_pounds(low) * 0.9, unit = 1;
    while (unit * 10 <= pounds)
        unit *= 10;
    return floor(pounds / unit) * unit;
}

static lxw_chart *bridge_chart(mtfp_book *b, lxw_row_t first)
{
    lxw_chart *chart = workbook_add_chart(b->workbook, LXW_CHART_COLUMN_STACKED);
    static const struct {
        int col;
        lxw_color_t colour;
        const char *name;
    } series[] = {{SERIES_HIDDEN, 0, NULL},
                  {SERIES_TOTAL, 0x1F4E79, "Budget"},
                  {SERIES_UP, 0xC00000, "Increase"},
                  {SERIES_DOWN, 0x548235, "Decrease"}};
    for (size_t i = 0; i < sizeof series / sizeof *series; i++) {
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(s, "Summary", first, COL_STEP, first + STEPS - 1, COL_STEP);
        lxw_col_t col = helper_col(b, series[i].col);
        chart_series_set_values(s, "Summary", first, col, first + STEPS - 1, col);
        lxw_chart_fill fill = {.color = series[i].colour, .none = series[i].name == NULL};
        chart_series_set_fill(s, &fill);
        if (series[i].name)
            chart_series_set_name(s, series[i].name);
        else
            chart_series_set_line(s, &(lxw_chart_line){.none = LXW_TRUE});
    }
    chart_set_series_gap(chart, 50);
    chart_show_hidden_data(chart); /* its series are in hidden columns */
    int16_t hidden[] = {0, -1};
    chart_legend_delete_series(chart, hidden);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_title_set_name(chart, "From the base-year budget to the final year");
    /* Whose bridge it is, under the steps, as the table under the plans says. */
    char name[BOOK_CHART_TEXT];
    chart_axis_set_name(chart->x_axis,
                        mtfp_book_chart_text(b->run->scenarios[bridge_scenario(b)].name, name));
    double low = bridge_floor(b);
    chart_axis_set_min(chart->y_axis, low);
    chart_axis_set_num_format(chart->y_axis, "#,##0,,\"m\"");
    if (low > 0) { /* a reader must not take the bars' heights for the budget's size */
        char axis[64];
        snprintf(axis, sizeof axis, "£m, from £%gm (not from zero)", low / 1e6);
        chart_axis_set_name(chart->y_axis, axis);
    }
    return chart;
}

static lxw_chart *gap_chart(mtfp_book *b)
{
    lxw_chart *chart = workbook_add_chart(b->workbook, LXW_CHART_COLUMN);
    int years = b->run->model.years;
    for (size_t s = 0; s < b->run->count; s++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        lxw_row_t row = mtfp_book_summary_row(b, s, MTFP_SUM_GAP);
        lxw_row_t labels =
            mtfp_book_summary_years_row(b, 0); /* Base's: every block's are the same */
        chart_series_set_categories(series, "Summary", labels, first_year + 1, labels,
                                    (lxw_col_t)(first_year + years));
        chart_series_set_values(series, "Summary", row, first_year + 1, row,
                                (lxw_col_t)(first_year + years));
        char name[BOOK_CHART_TEXT];
        chart_series_set_name(series, mtfp_book_chart_text(b->run->scenarios[s].name, name));
    }
    chart_title_set_name(chart, "Gap by scenario and year (positive: a shortfall)");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_num_format(chart->y_axis, "#,##0.0,,\"m\";(#,##0.0,,\"m\")");
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    return chart;
}

static void hide_series(const mtfp_book *b)
{
    /* An outline group, collapsed: its + above the column after it shows
     * them. */
    lxw_col_t first = helper_col(b, 0);
    lxw_row_col_options hidden = {.hidden = LXW_TRUE, .level = 1};
    worksheet_set_column_opt(b->sheets[MTFP_SHEET_SUMMARY], first, first + SERIES - 1, 16, NULL,
                             &hidden);
    lxw_row_col_options collapsed = {.collapsed = LXW_TRUE};
    worksheet_set_column_opt(b->sheets[MTFP_SHEET_SUMMARY], first + SERIES, first + SERIES,
                             LXW_DEF_COL_WIDTH, NULL, &collapsed);
}

/* The charts sit a few pixels down their first row: a chart's border on the
 * row where a page begins is drawn at the foot of the page before too. */
enum { CHART_OFFSET = 4 };

/* The rows a chart of height pixels covers, at libxlsxwriter's 20 pixels a
 * row, and one to spare. */
static lxw_row_t chart_rows(double height)
{
    return (lxw_row_t)ceil((CHART_OFFSET + height) / 20) + 1;
}

/* The charts' height in pixels, and the most the gap chart grows to: under
 * a page at the Summary's scale. */
enum { CHART_HEIGHT = 374, GAP_CHART_MAX = 600 };

/* The gap chart's legend, at its foot, names every scenario, about two to a
 * line of 17 pixels: past two lines the chart grows by theirs, so that a
 * long legend does not squeeze the bars. */
static double gap_chart_height(const mtfp_book *b)
{
    size_t lines = (b->run->count + 1) / 2;
    double height = CHART_HEIGHT + (lines > 2 ? 17.0 * (double)(lines - 2) : 0);
    return height < GAP_CHART_MAX ? height : GAP_CHART_MAX;
}

static lxw_row_t charts(mtfp_book *b, lxw_row_t row)
{
    /* Each chart under the plans, as wide as the tables, on a page of its
     * own: beside them it made the printed sheet too wide to read, and a
     * page that begins a scenario would cut it. */
    double width = mtfp_book_columns_pixels(b->sheets[MTFP_SHEET_SUMMARY], 0, last_col(b));
    lxw_chart_options place = {
        .y_offset = CHART_OFFSET, .x_scale = width / 480, .y_scale = gap_chart_height(b) / 288};
    mtfp_book_new_page(b, row);
    mtfp_book_chart(b, b->sheets[MTFP_SHEET_SUMMARY], row, 0, gap_chart(b), &place);
    row += chart_rows(gap_chart_height(b));
    lxw_row_t first = bridge_table(b, row);
    row = first + STEPS + 1;
    place.y_scale = CHART_HEIGHT / 288.0;
    mtfp_book_chart(b, b->sheets[MTFP_SHEET_SUMMARY], row, 0, bridge_chart(b, first), &place);
    return row + chart_rows(CHART_HEIGHT);
}

mtfp_status mtfp_book_write_summary(mtfp_book *b, lxw_worksheet *ws)
{
    worksheet_set_column(ws, 0, 0, 44, NULL);
    worksheet_set_column(ws, first_year, last_col(b), 16, NULL);
    hide_series(b);
    mtfp_book_text(b, ws, 0, 0, "Medium-term financial plan", b->formats.title);
    mtfp_book_text(b, ws, 1, 0, "£; a positive gap is a shortfall", b->formats.note);
    worksheet_freeze_panes(ws, 2, first_year);
    char(*names)[GAP_NAME_MAX] = calloc(b->run->count, sizeof *names);
    if (!names)
        return MTFP_ERR_MEMORY;
    for (size_t s = 0; s < b->run->count; s++) {
        lxw_row_t block = block_row(b, s);
        char heading[300];
        mtfp_book_scenario_heading(b, s, heading, sizeof heading);
        mtfp_book_scenario_block(b, ws, block, heading);
        /* Years alone, as the gap chart's categories: "£" is in A2. */
        mtfp_book_year_labels(b, ws, block + BLOCK_YEARS, first_year, 0);
        for (int line = 0; line < MTFP_SUMMARY_LINES; line++)
            write_line(b, s, block, (mtfp_summary_line)line);
        write_check(b, s, block);
        if (mtfp_run_has_priced_risks(b->run))
            write_risk_lines(b, s, block);
        define_gap_name(b, s, block, names);
    }
    free(names);
    return mtfp_book_rows_fit(b, ws, charts(b, block_row(b, b->run->count)));
}
