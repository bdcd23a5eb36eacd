/* The Summary's charts: the gap by scenario and year, and a bridge
 * (waterfall) from the base-year budget to the final year's net budget
 * requirement. libxlsxwriter has no waterfall chart: stacked columns whose
 * lowest series has no fill make one, from a small table of formulas. */
#include <math.h>
#include <stdio.h>

#include "book.h"

static const lxw_col_t first_year = BOOK_SUMMARY_FIRST_YEAR_COL;

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

/* The column of one of the chart's series: after the last the sheet prints,
 * hidden, so that they do not widen the print (beside the table they took
 * the Summary from A:E to A:G). */
static lxw_col_t helper_col(const book *b, int series)
{
    return (lxw_col_t)(book_summary_last_col(b) + 1 + series);
}

/* The scenario the bridge shows: the first one after Base, else Base. */
static size_t bridge_scenario(const book *b)
{
    return b->run->count > 1 ? 1 : 0;
}

static void write_bridge_row(book *b, lxw_row_t row, int step, mtfp_pence *running)
{
    lxw_worksheet *ws = b->summary;
    size_t s = bridge_scenario(b);
    const mtfp_plan *plan = &b->run->plans[s];
    int years = b->run->model.years;
    lxw_row_t line = book_summary_row(s, step_line[step]);
    char from[16], to[16], formula[128], cell[16], above[16];
    mtfp_pence amount = 0;
    if (step == STEP_START || step == STEP_END) {
        int year = step == STEP_START ? 0 : years;
        amount = plan->summary[MTFP_SUM_NBR][year];
        book_cell(line, (lxw_col_t)(first_year + year), true, from, sizeof from);
        snprintf(formula, sizeof formula, "=%s", from);
    } else {
        for (int y = 1; y <= years; y++)
            amount += plan->summary[step_line[step]][y];
        book_cell(line, first_year + 1, true, from, sizeof from);
        book_cell(line, (lxw_col_t)(first_year + years), true, to, sizeof to);
        snprintf(formula, sizeof formula, "=SUM(%s:%s)", from, to);
    }
    char label[64], year_label[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(&b->run->model, step == STEP_START ? 0 : years, year_label);
    snprintf(label, sizeof label, "%s%s", step == STEP_START || step == STEP_END ? year_label : "",
             step == STEP_START ? " budget"
             : step == STEP_END ? " net budget requirement"
                                : mtfp_summary_title(step_line[step]));
    book_text(ws, row, COL_STEP, label, b->formats.text);
    book_formula(ws, row, COL_AMOUNT, formula, amount, b->formats.money);

    book_cell(row, COL_AMOUNT, false, cell, sizeof cell);
    book_cell(row - 1, COL_RUNNING, false, above, sizeof above);
    bool total = step == STEP_START || step == STEP_END;
    mtfp_pence before = *running;
    *running = total ? amount : before + amount;
    if (total)
        snprintf(formula, sizeof formula, "=%s", cell);
    else
        snprintf(formula, sizeof formula, "=%s+%s", above, cell);
    book_formula(ws, row, COL_RUNNING, formula, *running, b->formats.money);

    /* The series: an invisible base, and the step drawn up or down from it. */
    mtfp_pence hidden = total ? 0 : (amount < 0 ? before + amount : before);
    snprintf(formula, sizeof formula, total ? "=0" : "=MIN(%s,%s+%s)", above, above, cell);
    book_formula(ws, row, helper_col(b, SERIES_HIDDEN), formula, hidden, b->formats.money);
    snprintf(formula, sizeof formula, total ? "=%s" : "=0", cell);
    book_formula(ws, row, helper_col(b, SERIES_TOTAL), formula, total ? amount : 0,
                 b->formats.money);
    snprintf(formula, sizeof formula, total ? "=0" : "=MAX(%s,0)", cell);
    book_formula(ws, row, helper_col(b, SERIES_UP), formula, !total && amount > 0 ? amount : 0,
                 b->formats.money);
    snprintf(formula, sizeof formula, total ? "=0" : "=MAX(-%s,0)", cell);
    book_formula(ws, row, helper_col(b, SERIES_DOWN), formula, !total && amount < 0 ? -amount : 0,
                 b->formats.money);
}

/* The bridge's table from row; returns the row of its first step. */
static lxw_row_t bridge_table(book *b, lxw_row_t row)
{
    static const char *const headings[COLS] = {"Step", "Amount £", "Running total £"};
    static const char *const series[SERIES] = {"Chart: base", "Chart: total", "Chart: increase",
                                               "Chart: decrease"};
    char title[300];
    book_format(title, sizeof title, "Bridge from the base-year budget to the final year: %s",
                b->run->scenarios[bridge_scenario(b)].name);
    book_new_page(b, row);
    book_text(b->summary, row++, 0, title, b->formats.heading);
    for (lxw_col_t c = 0; c < COLS; c++)
        book_text(b->summary, row, c, headings[c], b->formats.header);
    for (int k = 0; k < SERIES; k++)
        book_text(b->summary, row, helper_col(b, k), series[k], b->formats.header);
    lxw_row_t first = ++row;
    mtfp_pence running = 0;
    for (int step = 0; step < STEPS; step++)
        write_bridge_row(b, row++, step, &running);
    return first;
}

/* The lowest the bridge goes, less a margin, rounded down to a round
 * number: the axis starts there so that the steps are not lost against the
 * size of the budget. */
static double bridge_floor(const book *b)
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

static lxw_chart *bridge_chart(book *b, lxw_row_t first)
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
                        book_chart_text(b->run->scenarios[bridge_scenario(b)].name, name));
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

static lxw_chart *gap_chart(book *b)
{
    lxw_chart *chart = workbook_add_chart(b->workbook, LXW_CHART_COLUMN);
    int years = b->run->model.years;
    for (size_t s = 0; s < b->run->count; s++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        lxw_row_t row = book_summary_row(s, MTFP_SUM_GAP);
        lxw_row_t labels = book_summary_years_row(0); /* Base's: every block's are the same */
        chart_series_set_categories(series, "Summary", labels, first_year + 1, labels,
                                    (lxw_col_t)(first_year + years));
        chart_series_set_values(series, "Summary", row, first_year + 1, row,
                                (lxw_col_t)(first_year + years));
        char name[BOOK_CHART_TEXT];
        chart_series_set_name(series, book_chart_text(b->run->scenarios[s].name, name));
    }
    chart_title_set_name(chart, "Gap by scenario and year (positive: a shortfall)");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_num_format(chart->y_axis, "#,##0.0,,\"m\";(#,##0.0,,\"m\")");
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    return chart;
}

lxw_col_t book_summary_last_col(const book *b)
{
    lxw_col_t plan_end = (lxw_col_t)(first_year + b->run->model.years);
    return plan_end > COLS - 1 ? plan_end : COLS - 1;
}

void book_summary_hide_series(const book *b)
{
    /* An outline group, collapsed: its + above the column after it shows
     * them. */
    lxw_col_t first = helper_col(b, 0);
    lxw_row_col_options hidden = {.hidden = LXW_TRUE, .level = 1};
    worksheet_set_column_opt(b->summary, first, first + SERIES - 1, 16, NULL, &hidden);
    lxw_row_col_options collapsed = {.collapsed = LXW_TRUE};
    worksheet_set_column_opt(b->summary, first + SERIES, first + SERIES, LXW_DEF_COL_WIDTH, NULL,
                             &collapsed);
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
static double gap_chart_height(const book *b)
{
    size_t lines = (b->run->count + 1) / 2;
    double height = CHART_HEIGHT + (lines > 2 ? 17.0 * (double)(lines - 2) : 0);
    return height < GAP_CHART_MAX ? height : GAP_CHART_MAX;
}

lxw_row_t book_summary_charts(book *b, lxw_row_t row)
{
    /* Each chart under the plans, as wide as the tables, on a page of its
     * own: beside them it made the printed sheet too wide to read, and a
     * page that begins a scenario would cut it. */
    double width = book_columns_pixels(b->summary, 0, book_summary_last_col(b));
    lxw_chart_options place = {
        .y_offset = CHART_OFFSET, .x_scale = width / 480, .y_scale = gap_chart_height(b) / 288};
    book_new_page(b, row);
    book_chart(b->summary, row, 0, gap_chart(b), &place);
    row += chart_rows(gap_chart_height(b));
    lxw_row_t first = bridge_table(b, row);
    row = first + STEPS + 1;
    place.y_scale = CHART_HEIGHT / 288.0;
    book_chart(b->summary, row, 0, bridge_chart(b, first), &place);
    return row + chart_rows(CHART_HEIGHT);
}
