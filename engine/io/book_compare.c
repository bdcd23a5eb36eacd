/* Compare: every scenario against Base, line by line and year by year; each
 * difference a formula on the Summary sheet's figures. */
#include <stdio.h>

#include "book.h"

static const lxw_col_t first_year = BOOK_SUMMARY_FIRST_YEAR_COL;

static void difference(book *b, lxw_row_t row, size_t scenario, mtfp_summary_line line, int y)
{
    const mtfp_run *run = b->run;
    char mine[16], base[16], formula[64];
    lxw_col_t col = (lxw_col_t)(first_year + y);
    book_cell(book_summary_row(scenario, line), col, false, mine, sizeof mine);
    book_cell(book_summary_row(0, line), col, false, base, sizeof base);
    snprintf(formula, sizeof formula, "=Summary!%s-Summary!%s", mine, base);
    mtfp_pence value = run->plans[scenario].summary[line][y] - run->plans[0].summary[line][y];
    book_formula(b->compare, row, col, formula, value,
                 line == MTFP_SUM_GAP ? b->formats.money_total : b->formats.money);
}

static lxw_row_t scenario_block(book *b, size_t scenario, lxw_row_t row)
{
    char heading[300];
    snprintf(heading, sizeof heading, "%s, less Base", b->run->scenarios[scenario].name);
    book_text(b->compare, row++, 0, heading, b->formats.heading);
    for (int line = 0; line < MTFP_SUMMARY_LINES; line++) {
        book_text(b->compare, row, 0, mtfp_summary_title((mtfp_summary_line)line),
                  line == MTFP_SUM_GAP ? b->formats.bold : b->formats.text);
        for (int y = 0; y <= b->run->model.years; y++)
            if (y > 0 || mtfp_summary_in_base_year((mtfp_summary_line)line))
                difference(b, row, scenario, (mtfp_summary_line)line, y);
        row++;
    }
    return row + 1;
}

mtfp_status book_write_compare(book *b)
{
    lxw_worksheet *ws = b->compare;
    worksheet_set_column(ws, 0, 0, 44, NULL);
    worksheet_set_column(ws, first_year, (lxw_col_t)(first_year + b->run->model.years), 16, NULL);
    book_text(ws, 0, 0, "Each scenario against Base", b->formats.title);
    book_text(ws, 1, 0, "£; the scenario's figure less Base's", b->formats.header);
    book_year_headings(b, ws, 1, first_year, 0);
    worksheet_freeze_panes(ws, 2, first_year);
    lxw_row_t row = 3;
    if (b->run->count < 2)
        book_text(ws, row, 0, "The run has no scenario besides Base.", b->formats.note);
    for (size_t s = 1; s < b->run->count; s++)
        row = scenario_block(b, s, row);
    return book_rows_fit(b, ws, row);
}
